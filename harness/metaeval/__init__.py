"""Meta-evaluation: how well the consistency scorers agree with human factuality judgements."""
