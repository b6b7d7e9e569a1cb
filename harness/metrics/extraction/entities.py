"""Entity mentions against gold in the four SemEval-2013 modes (strict, exact, partial, type), via nervaluate.

nervaluate counts spans with inclusive ends; ours are end-exclusive, so each end is shifted by one on the
way in. Errors are listed per mention (spurious, missed, wrong type, wrong boundary) for the developer to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from harness.core.claim_types import EntityClaim
from harness.goldset.load import GoldDocument
from harness.goldset.schema import EntityMention
from harness.verdicts.types import Evidence, Finding

MODES = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}
"""Our mode names -> nervaluate's."""
TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "PUBLICATION"]


def _entities(spans: Sequence[EntityMention | EntityClaim]) -> list[dict[str, Any]]:
    return [{"label": m.type or "UNTYPED", "start": m.span.start, "end": m.span.end - 1} for m in spans]


def evaluate(golds: Sequence[Sequence[EntityMention]], predictions: Sequence[Sequence[EntityClaim]]) -> dict[str, Any]:
    """nervaluate's result over several documents at once (micro counts)."""
    from nervaluate import Evaluator

    true = [_entities(doc) for doc in golds]
    pred = [_entities(doc) for doc in predictions]
    if not any(true) and not any(pred):
        return {"overall": {}, "entities": {}}
    # nervaluate infers its loader from the first document: give it an explicit one.
    return dict(Evaluator(true, pred, tags=[*TYPES, "UNTYPED"], loader="dict").evaluate())


def entity_metrics(result: dict[str, Any], prefix: str = "entity") -> dict[str, float]:
    """Precision/recall/F1 per mode overall and per type: `entity_strict_f1`, `entity_type_f1_PERSON`, ..."""
    metrics: dict[str, float] = {}
    for mode, theirs in MODES.items():
        overall = result["overall"].get(theirs)
        if overall is None or (overall.possible == 0 and overall.actual == 0):
            continue
        for name in ("precision", "recall", "f1"):
            metrics[f"{prefix}_{mode}_{name}"] = float(getattr(overall, name))
        for tag, per_mode in result["entities"].items():
            tagged = per_mode.get(theirs)
            if tagged is not None and (tagged.possible or tagged.actual):
                metrics[f"{prefix}_{mode}_f1_{tag}"] = float(tagged.f1)
    return metrics


def macro_by_type(result: dict[str, Any], prefix: str = "entity") -> dict[str, float]:
    """Macro average over entity types of the per-type F1, per mode."""
    metrics = {}
    for mode, theirs in MODES.items():
        scores = [per_mode[theirs].f1 for per_mode in result["entities"].values() if theirs in per_mode]
        if scores:
            metrics[f"{prefix}_{mode}_macro_f1"] = float(sum(scores) / len(scores))
    return metrics


def mention_errors(document: GoldDocument, predictions: Sequence[EntityClaim]) -> list[Finding]:
    """One finding per predicted or gold mention that is not a strict match, naming the kind of error."""
    gold_by_span = {(m.span.start, m.span.end): m for m in document.entities}
    findings: list[Finding] = []
    matched: set[str] = set()
    for claim in predictions:
        start, end = claim.span.start, claim.span.end
        exact = gold_by_span.get((start, end))
        if exact is not None:
            matched.add(exact.id)
            if exact.type != claim.type:
                findings.append(
                    _finding(document.id, claim, "wrong_type", exact, f"gold type {exact.type}, predicted {claim.type}")
                )
            continue
        overlapping = [m for m in document.entities if m.span.start < end and start < m.span.end]
        if overlapping:
            gold = overlapping[0]
            matched.add(gold.id)
            findings.append(_finding(document.id, claim, "wrong_boundary", gold, f"gold span '{gold.span.text}'"))
        else:
            findings.append(_finding(document.id, claim, "spurious", None, "no gold mention overlaps"))
    for gold in document.entities:
        if gold.id not in matched:
            findings.append(
                Finding.at(
                    "entity",
                    gold.span,
                    "missed",
                    (_evidence(document.id, gold),),
                    f"{gold.type} mention of {gold.entity} not predicted",
                )
            )
    return findings


def _evidence(document: str, gold: EntityMention) -> Evidence:
    return Evidence(
        document=document, start=gold.span.start, end=gold.span.end, text=gold.span.text, annotation=gold.id
    )


def _finding(document: str, claim: EntityClaim, verdict: str, gold: EntityMention | None, detail: str) -> Finding:
    return Finding.at("entity", claim.span, verdict, () if gold is None else (_evidence(document, gold),), detail)
