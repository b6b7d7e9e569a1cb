"""Span-level agreement: do the scorer's flagged findings sit on the spans the annotators marked?

Overlap-based and micro-averaged over summaries: a flagged finding is correct when its character span
shares at least one character with a marked span (`f.start < m.end and m.start < f.end`); a marked span is
found when at least one flagged finding overlaps it. Precision = correct findings / flagged findings,
recall = found spans / marked spans, F1 their harmonic mean. Only summaries whose set marks spans count
(a summary with an empty list of marked spans counts: every finding flagged on it is a false alarm).
The interval resamples summaries with replacement.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from harness.metaeval.items import ErrorSpan
from harness.metaeval.stats import BootstrapSettings
from harness.results.stats import Estimate

Offsets = tuple[int, int]


def overlaps(first: Offsets, second: Offsets) -> bool:
    return first[0] < second[1] and second[0] < first[1]


@dataclass(frozen=True)
class SpanCounts:
    """One summary's tallies: flagged findings on a marked span, flagged findings, marked spans found, marked."""

    correct: int
    flagged: int
    found: int
    marked: int


def span_counts(flagged: Sequence[Offsets], marked: Sequence[ErrorSpan]) -> SpanCounts:
    """Match one summary's flagged finding spans against its marked spans by overlap."""
    marked_offsets = [(span.start, span.end) for span in marked]
    correct = sum(1 for finding in flagged if any(overlaps(finding, span) for span in marked_offsets))
    found = sum(1 for span in marked_offsets if any(overlaps(finding, span) for finding in flagged))
    return SpanCounts(correct, len(flagged), found, len(marked_offsets))


@dataclass(frozen=True)
class SpanStats:
    """Micro precision, recall and F1 of flagged findings against marked spans over `n` summaries."""

    n: int
    flagged: int
    marked: int
    precision: Estimate
    recall: Estimate
    f1: Estimate


def _ratios(correct: np.ndarray, flagged: np.ndarray, found: np.ndarray, marked: np.ndarray) -> tuple[np.ndarray, ...]:
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = correct / flagged
        recall = found / marked
        f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, np.where((precision == 0) & (recall == 0), 0.0, f1)


def span_stats(counts: Sequence[SpanCounts], settings: BootstrapSettings) -> SpanStats:
    """Micro-averaged span precision, recall and F1, each with a percentile bootstrap over summaries."""
    table = np.asarray([[c.correct, c.flagged, c.found, c.marked] for c in counts], dtype=float).reshape(-1, 4)
    points = [float(value) for value in _ratios(*table.sum(axis=0))]
    intervals: list[tuple[float, float]] = [(math.nan, math.nan)] * 3
    if len(counts) > 1 and settings.resamples > 0:
        rng = np.random.default_rng(settings.seed)
        indices = rng.integers(0, len(counts), size=(settings.resamples, len(counts)))
        sums = table[indices].sum(axis=1)
        tail = (1 - settings.confidence) / 2 * 100
        intervals = []
        for ratio in _ratios(sums[:, 0], sums[:, 1], sums[:, 2], sums[:, 3]):
            kept = ratio[~np.isnan(ratio)]
            low, high = np.percentile(kept, [tail, 100 - tail]) if kept.size else (math.nan, math.nan)
            intervals.append((float(low), float(high)))
    n = len(counts)
    precision, recall, f1 = (
        Estimate(point, low, high, n) for point, (low, high) in zip(points, intervals, strict=True)
    )
    return SpanStats(n, int(table[:, 1].sum()), int(table[:, 3].sum()), precision, recall, f1)
