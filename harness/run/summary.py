"""Aggregate one model's sample records into its `ModelSummary`: means, verdict counts, failures.

`ModelTally` keeps running sums only, so a run's memory does not grow with its number of samples; each mean
is the exactly rounded sum divided by the count, the same float as `statistics.fmean` over every value.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from harness.results.records import Failure, ModelSummary, SampleRecord


class ExactSum:
    """A running sum of floats kept without rounding error (Shewchuk's partials, as `math.fsum` keeps them).

    `total()` equals `math.fsum` over every value added, in any order: the partials always sum exactly to the
    values added, and `fsum` rounds that exact sum once. Non-finite values are kept aside for `fsum` to judge.
    """

    __slots__ = ("_partials", "_special", "count")

    def __init__(self) -> None:
        self.count = 0
        self._partials: list[float] = []
        self._special: list[float] = []

    def add(self, value: float) -> None:
        self.count += 1
        if not math.isfinite(value):
            self._special.append(value)
            return
        kept = 0
        for partial in self._partials:
            if abs(value) < abs(partial):
                value, partial = partial, value
            high = value + partial
            low = partial - (high - value)
            if low:
                self._partials[kept] = low
                kept += 1
            value = high
        self._partials[kept:] = [value]

    def total(self) -> float:
        return math.fsum([*self._partials, *self._special])


class ModelTally:
    """One model's records folded in as they are written: counts, exact metric sums, verdict counts."""

    def __init__(self) -> None:
        self.n_samples = 0
        self.n_failed = 0
        self._sums: dict[str, ExactSum] = defaultdict(ExactSum)
        self._verdicts: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, record: SampleRecord) -> None:
        """Count `record`; its metrics and verdicts enter the means only when it scored without error."""
        self.n_samples += 1
        if record.error is not None:
            self.n_failed += 1
            return
        for name, value in record.metrics.items():
            self._sums[name].add(value)
        for finding in record.findings:
            self._verdicts[finding.type][finding.verdict] += 1

    def summary(self, model: str, failures: list[Failure]) -> ModelSummary:
        return ModelSummary(
            model=model,
            n_samples=self.n_samples,
            n_failed=self.n_failed,
            failures=failures,
            metrics={name: total.total() / total.count for name, total in sorted(self._sums.items())},
            verdict_counts={kind: dict(sorted(counts.items())) for kind, counts in sorted(self._verdicts.items())},
        )


def summarize_model(model: str, records: Iterable[SampleRecord], failures: list[Failure]) -> ModelSummary:
    """Means over the samples that scored without error; verdicts counted over the same samples."""
    tally = ModelTally()
    for record in records:
        tally.add(record)
    return tally.summary(model, failures)
