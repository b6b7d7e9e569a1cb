"""The `llm_judge` scorer: a chat model behind an OpenAI-compatible endpoint checks each claim of a summary.

`claims` splits a summary into atomic claims with their spans, `retrieval` finds the source passages most
relevant to each claim (BM25), `prompts` holds the versioned prompt files, `parsing` reads the model's JSON
answers, `calls` sends them (cached on disk, malformed answers retried) and `scorer` turns verdicts into
findings and metrics.
"""
