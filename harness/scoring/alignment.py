"""Pairing two annotations' spans (gold and predicted, or two annotators'): exactly, or by the largest overlap,
one to one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from harness.core.spans import Span

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
    golds: Sequence[G],
    predictions: Sequence[P],
    gold_span: Callable[[G], Span],
    pred_span: Callable[[P], Span],
    prefer: Callable[[G, P], bool] | None = None,
) -> list[tuple[G, P]]:
    """Greedy one-to-one pairing by overlap size (largest first); pairs must share at least one character.

    With `prefer`, ties of overlap go first to pairs with identical spans, then to pairs `prefer` accepts
    (two events on one trigger pair by type, not by list order)."""

    def rank(g: G, p: P) -> tuple[int, int]:
        if prefer is None:
            return (0, 0)
        a, b = gold_span(g), pred_span(p)
        return (int((a.start, a.end) != (b.start, b.end)), int(not prefer(g, p)))

    candidates = sorted(
        (
            (overlap(gold_span(g), pred_span(p)), rank(g, p), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(predictions)
            if overlap(gold_span(g), pred_span(p)) > 0
        ),
        key=lambda item: (-item[0], item[1], item[2], item[3]),
    )
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((golds[gi], predictions[pi]))
    return pairs


def count_exact(
    golds: Sequence[G], predictions: Sequence[P], gold_span: Callable[[G], Span], pred_span: Callable[[P], Span]
) -> int:
    """The size of the largest one-to-one pairing of identical spans (a span annotated twice pairs twice)."""
    gold_counts = Counter((gold_span(g).start, gold_span(g).end) for g in golds)
    pred_counts = Counter((pred_span(p).start, pred_span(p).end) for p in predictions)
    return sum(min(count, pred_counts[key]) for key, count in gold_counts.items())
