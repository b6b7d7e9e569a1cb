"""Events against gold, with the ACE-style definitions that TextEE and OneIE use.

Trigger identification: the trigger span matches a gold trigger; classification: and the type matches.
Argument identification: on an identified trigger, an argument names the same entity (or the same text) as
a gold argument; classification: and the role matches. Polarity is scored on classified triggers.
"""

from __future__ import annotations

from collections.abc import Sequence

from harness.core.claim_types import EventArgumentClaim, EventClaim
from harness.core.text import fold
from harness.goldset.schema import EventAnnotation, EventArgument
from harness.metrics.extraction.matching import match_exact
from harness.metrics.extraction.prf import PRF, accuracy


def _same_filler(gold: EventArgument, pred: EventArgumentClaim) -> bool:
    if gold.entity is not None and pred.entity is not None:
        return gold.entity == pred.entity
    gold_text = gold.span.text if gold.span is not None else None
    return gold_text is not None and pred.text is not None and fold(gold_text) == fold(pred.text)


def _argument_hits(gold: EventAnnotation, pred: EventClaim, with_role: bool) -> int:
    remaining = list(gold.arguments)
    hits = 0
    for argument in pred.arguments:
        for candidate in remaining:
            if _same_filler(candidate, argument) and (not with_role or candidate.role == argument.role):
                remaining.remove(candidate)
                hits += 1
                break
    return hits


def event_metrics(golds: Sequence[EventAnnotation], predictions: Sequence[EventClaim]) -> dict[str, float]:
    identified = match_exact(golds, predictions, lambda g: g.trigger, lambda p: p.trigger)
    classified = [(g, p) for g, p in identified if g.type == p.type]
    gold_arguments = sum(len(g.arguments) for g in golds)
    predicted_arguments = sum(len(p.arguments) for p in predictions)
    metrics: dict[str, float] = {}
    metrics |= PRF(len(identified), len(predictions), len(golds)).metrics("event_trigger_id")
    metrics |= PRF(len(classified), len(predictions), len(golds)).metrics("event_trigger_cls")
    argument_id = sum(_argument_hits(g, p, with_role=False) for g, p in identified)
    argument_cls = sum(_argument_hits(g, p, with_role=True) for g, p in classified)
    metrics |= PRF(argument_id, predicted_arguments, gold_arguments).metrics("event_argument_id")
    metrics |= PRF(argument_cls, predicted_arguments, gold_arguments).metrics("event_argument_cls")
    metrics |= accuracy("event_polarity", [g.polarity == p.polarity for g, p in classified])
    return metrics
