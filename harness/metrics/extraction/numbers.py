"""Numbers against gold, in the spirit of MeasEval: span match (exact, overlap), then the accuracy of value,
unit, qualifier and what is counted on the matched pairs; dates on their normalized ISO value (TempEval-3)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from harness.core.claim_types import NumberClaim
from harness.core.text import fold
from harness.goldset.schema import NumberAnnotation
from harness.metrics.extraction.matching import match_exact, match_overlap
from harness.metrics.extraction.prf import PRF, accuracy

COUNTED_OVERLAP = 0.5
"""Token F1 at or above which a predicted `counted` phrase names the same thing as the gold one."""


def _same_value(gold: NumberAnnotation, pred: NumberClaim) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6))

    if gold.value is not None or pred.value is not None:
        return close(gold.value, pred.value)
    return close(gold.low, pred.low) and close(gold.high, pred.high)


def token_f1(a: str | None, b: str | None) -> float:
    left, right = fold(a or "").split(), fold(b or "").split()
    if not left or not right:
        return 0.0
    common = sum(min(left.count(token), right.count(token)) for token in set(left))
    if not common:
        return 0.0
    precision, recall = common / len(right), common / len(left)
    return 2 * precision * recall / (precision + recall)


def number_counts(golds: Sequence[NumberAnnotation], predictions: Sequence[NumberClaim]) -> dict[str, PRF]:
    exact = match_exact(golds, predictions, lambda g: g.span, lambda p: p.span)
    overlapping = match_overlap(golds, predictions, lambda g: g.span, lambda p: p.span)
    return {
        "number_exact": PRF(len(exact), len(predictions), len(golds)),
        "number_overlap": PRF(len(overlapping), len(predictions), len(golds)),
    }


def number_metrics(golds: Sequence[NumberAnnotation], predictions: Sequence[NumberClaim]) -> dict[str, float]:
    """Span P/R/F1 and attribute accuracies on overlap-matched pairs; dates scored on their ISO value."""
    metrics: dict[str, float] = {}
    for prefix, counts in number_counts(golds, predictions).items():
        metrics |= counts.metrics(prefix)
    pairs = match_overlap(golds, predictions, lambda g: g.span, lambda p: p.span)
    dated = [(g, p) for g, p in pairs if g.date is not None]
    metrics |= accuracy("number_value", [_same_value(g, p) for g, p in pairs if g.date is None])
    metrics |= accuracy("number_unit", [(g.unit or "") == (p.unit or "") for g, p in pairs])
    metrics |= accuracy("number_qualifier", [g.qualifier == p.qualifier for g, p in pairs])
    metrics |= accuracy("number_counted", [token_f1(g.counted, p.counted) >= COUNTED_OVERLAP for g, p in pairs])
    metrics |= accuracy("number_date_value", [g.date == p.date for g, p in dated])
    gold_dates = [g for g in golds if g.date is not None]
    pred_dates = [p for p in predictions if p.date is not None]
    date_hits = sum(g.date == p.date for g, p in dated if p.date is not None)
    metrics |= PRF(date_hits, len(pred_dates), len(gold_dates)).metrics("number_date")
    return metrics
