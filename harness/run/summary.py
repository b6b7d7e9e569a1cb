"""Aggregate one model's sample records into its `ModelSummary`: means, verdict counts, failures."""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import fmean

from harness.results.records import Failure, ModelSummary, SampleRecord


def summarize_model(model: str, records: list[SampleRecord], failures: list[Failure]) -> ModelSummary:
    """Means over the samples that scored without error; verdicts counted over the same samples."""
    scored = [record for record in records if record.error is None]
    values: dict[str, list[float]] = defaultdict(list)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for record in scored:
        for name, value in record.metrics.items():
            values[name].append(value)
        for finding in record.findings:
            verdicts[finding.type][finding.verdict] += 1
    return ModelSummary(
        model=model,
        n_samples=len(records),
        n_failed=len(records) - len(scored),
        failures=failures,
        metrics={name: fmean(numbers) for name, numbers in sorted(values.items())},
        verdict_counts={kind: dict(sorted(counts.items())) for kind, counts in sorted(verdicts.items())},
    )
