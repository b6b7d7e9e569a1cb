"""Scorers: ROUGE, extractive fragments, factual consistency and extraction P/R/F1, aggregated per model."""
