"""Extraction scoring against the gold annotations: entities, coreference, numbers, events and quotes."""
