"""The meta-evaluation of one scorer on one labelled set: summary-level, per-category and span-level tables.

Protocol: when the set has both a dev and a test split, the threshold is chosen on dev (maximum balanced
accuracy) and every statistic is computed on test. Otherwise the threshold is chosen on the evaluated
items themselves, and the balanced accuracy is marked "optimistic". Per error category, the items are
those with that category plus all consistent ones, at the same threshold. Span-level figures use the
evaluated items whose set marks spans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from harness.metaeval.items import ErrorSpan, LabelledItem
from harness.metaeval.scoring import ScoredItem
from harness.metaeval.spans import SpanStats, span_counts, span_stats
from harness.metaeval.stats import AgreementStats, BootstrapSettings, ThresholdBasis, agreement, choose_threshold

ALL_SPANS = "all"


@dataclass(frozen=True)
class Protocol:
    """Which items choose the threshold and which are evaluated."""

    dev: tuple[int, ...]
    evaluated: tuple[int, ...]
    basis: ThresholdBasis

    @property
    def description(self) -> str:
        if self.basis == "dev":
            return f"threshold chosen on dev ({len(self.dev)} items), statistics on test ({len(self.evaluated)} items)"
        return (
            f"no dev split: threshold chosen on the same {len(self.evaluated)} items it is applied to "
            "(optimistic balanced accuracy)"
        )


def protocol_of(items: Sequence[LabelledItem]) -> Protocol:
    """Dev/test when the set has both splits; else every item, with an optimistic threshold."""
    dev = tuple(index for index, item in enumerate(items) if item.split == "dev")
    test = tuple(index for index, item in enumerate(items) if item.split == "test")
    if dev and test:
        return Protocol(dev, test, "dev")
    everything = tuple(range(len(items)))
    return Protocol(everything, everything, "optimistic")


@dataclass(frozen=True)
class ScorerReport:
    """Every table's rows for one scorer."""

    scorer: str
    rule: str
    summary: AgreementStats
    categories: dict[str, AgreementStats] = field(default_factory=dict)
    spans: dict[str, SpanStats] = field(default_factory=dict)


def _arrays(scored: Sequence[ScoredItem]) -> tuple[np.ndarray, np.ndarray]:
    scores = np.asarray([entry.score for entry in scored], dtype=float)
    labels = np.asarray([entry.item.label for entry in scored], dtype=float)
    return scores, labels


def _spans_of_type(spans: tuple[ErrorSpan, ...], kind: str) -> tuple[ErrorSpan, ...]:
    return spans if kind == ALL_SPANS else tuple(span for span in spans if span.type == kind)


def span_table(
    scored: Sequence[ScoredItem], settings: BootstrapSettings, span_types: Sequence[str] | None = None
) -> dict[str, SpanStats]:
    """Span precision/recall over all marked spans and per span type (restricted to `span_types` when given)."""
    annotated = [entry for entry in scored if entry.item.spans is not None]
    if not annotated:
        return {}
    present = sorted({span.type for entry in annotated for span in entry.item.spans or () if span.type})
    kinds = [kind for kind in present if span_types is None or kind in span_types]
    rows = {}
    for kind in [ALL_SPANS, *kinds]:
        counts = []
        for entry in annotated:
            marked = _spans_of_type(entry.item.spans or (), kind)
            if kind == ALL_SPANS and span_types is not None:
                marked = tuple(span for span in marked if span.type in span_types)
            counts.append(span_counts([(finding.start, finding.end) for finding in entry.flagged], marked))
        rows[kind] = span_stats(counts, settings)
    return rows


def evaluate_scorer(
    name: str,
    rule: str,
    scored: Sequence[ScoredItem],
    settings: BootstrapSettings,
    span_types: Sequence[str] | None = None,
) -> ScorerReport:
    """Summary-level, per-category and span-level agreement of one scorer's scores with the labels."""
    protocol = protocol_of([entry.item for entry in scored])
    dev_scores, dev_labels = _arrays([scored[index] for index in protocol.dev])
    threshold = choose_threshold(dev_scores, dev_labels)
    evaluated = [scored[index] for index in protocol.evaluated]
    scores, labels = _arrays(evaluated)
    summary = agreement(scores, labels, threshold, protocol.basis, settings)
    categories = {}
    for category in sorted({name for entry in evaluated for name in entry.item.categories}):
        subset = [entry for entry in evaluated if entry.item.label == 1 or category in entry.item.categories]
        subset_scores, subset_labels = _arrays(subset)
        categories[category] = agreement(subset_scores, subset_labels, threshold, protocol.basis, settings)
    return ScorerReport(name, rule, summary, categories, span_table(evaluated, settings, span_types))
