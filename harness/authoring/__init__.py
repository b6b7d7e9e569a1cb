"""Tools to author a goldset: start one, import and export annotations, pre-annotate, measure agreement."""
