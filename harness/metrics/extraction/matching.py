"""Pairing predicted spans with gold spans: exactly, or by the largest overlap, one to one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from harness.goldset.schema import Span

G = TypeVar("G")
P = TypeVar("P")


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_exact(
    golds: Sequence[G], predictions: Sequence[P], gold_span: Callable[[G], Span], pred_span: Callable[[P], Span]
) -> list[tuple[G, P]]:
    by_span = {(gold_span(g).start, gold_span(g).end): g for g in golds}
    pairs, used = [], set()
    for p in predictions:
        key = (pred_span(p).start, pred_span(p).end)
        if key in by_span and key not in used:
            used.add(key)
            pairs.append((by_span[key], p))
    return pairs


def match_overlap(
    golds: Sequence[G], predictions: Sequence[P], gold_span: Callable[[G], Span], pred_span: Callable[[P], Span]
) -> list[tuple[G, P]]:
    """Greedy one-to-one pairing by overlap size (largest first); pairs must share at least one character."""
    candidates = sorted(
        (
            (overlap(gold_span(g), pred_span(p)), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(predictions)
            if overlap(gold_span(g), pred_span(p)) > 0
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((golds[gi], predictions[pi]))
    return pairs
