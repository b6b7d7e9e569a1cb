"""Judge each claim of a summary against the gold annotations or the source text, with evidence."""
