"""The CI regression gate: a run against its baseline, with thresholds and item-level regressions."""
