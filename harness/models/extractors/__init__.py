"""Extractors: rule-based, spaCy, predictions files and LLMs."""
