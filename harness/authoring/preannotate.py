"""Pre-annotate a goldset with any extractor: its claims become proposals (`status: proposed`) for review.

Accepted annotations are kept as they are; proposals of an earlier run are replaced; a claim that repeats an
accepted annotation (same span, or same trigger and type) is not proposed again. A claim the goldset schema
cannot hold (an entity without a type, an event type outside the closed set) is skipped and counted.
Entities the extractor links keep its id; unlinked ones get an id made from their text, to be merged by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from harness.authoring.from_regions import ImportedLayers
from harness.authoring.store import store_layers
from harness.core.claim_types import ClaimSet, EntityClaim, EventClaim, NumberClaim, QuoteClaim
from harness.core.spans import EventType, Span
from harness.goldset.load import GoldDocument, load_goldset
from harness.goldset.schema import EntityMention, EventAnnotation, EventArgument, NumberAnnotation, QuoteAnnotation
from harness.models.protocols import Extractor, SourceDocument

EVENT_TYPES = frozenset(get_args(EventType))


@dataclass
class PreannotationReport:
    """What a run proposed per layer, and what it skipped (with the reason)."""

    proposed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)


def entity_id(text: str, start: int) -> str:
    """An inventory id made from a mention's text ("Acme Corp." -> acme-corp), or from its offset."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or f"entity-{start}"


class _Numbering:
    """Next free ids of a document's layers (E007 after E006), so proposals never clash with accepted ids."""

    def __init__(self, document: GoldDocument) -> None:
        self.next: dict[str, int] = {}
        for prefix, layer in (("E", "entities"), ("N", "numbers"), ("V", "events"), ("Q", "quotes")):
            numbers = [int(item.id[1:]) for item in getattr(document, layer) if item.id[1:].isdigit()]
            self.next[prefix] = max(numbers, default=0) + 1

    def __call__(self, prefix: str) -> str:
        number = self.next[prefix]
        self.next[prefix] += 1
        return f"{prefix}{number:03d}"


def _accepted(items: tuple[Any, ...]) -> list[Any]:
    return [item for item in items if item.status == "accepted"]


def _entities(
    claims: tuple[EntityClaim, ...], out: ImportedLayers, ids: _Numbering, report: PreannotationReport
) -> None:
    taken = {(m.span.start, m.span.end) for m in out.entities}
    for claim in claims:
        if claim.type is None:
            report.skipped["entities: no type"] += 1
            continue
        if (claim.span.start, claim.span.end) in taken:
            continue
        entity = claim.entity or entity_id(claim.span.text, claim.span.start)
        out.links.setdefault(("entity", entity), claim.span.text)
        mention = EntityMention(
            id=ids("E"), span=claim.span, type=claim.type, entity=entity, kind="name", status="proposed"
        )
        out.entities.append(mention)
        taken.add((claim.span.start, claim.span.end))
        report.proposed["entities"] += 1


def _numbers(
    claims: tuple[NumberClaim, ...], out: ImportedLayers, ids: _Numbering, report: PreannotationReport
) -> None:
    taken = {(n.span.start, n.span.end) for n in out.numbers}
    for claim in claims:
        if (claim.span.start, claim.span.end) in taken:
            continue
        data = claim.model_dump(exclude={"counted", "quantity", "listed"})
        out.numbers.append(NumberAnnotation(**data, id=ids("N"), counted=claim.counted or "", status="proposed"))
        taken.add((claim.span.start, claim.span.end))
        report.proposed["numbers"] += 1


def _quotes(claims: tuple[QuoteClaim, ...], out: ImportedLayers, ids: _Numbering, report: PreannotationReport) -> None:
    taken = {(q.content.start, q.content.end) for q in out.quotes}
    known = {entity for kind, entity in out.links if kind == "entity"}
    for claim in claims:
        if (claim.content.start, claim.content.end) in taken:
            continue
        speaker = claim.speaker if claim.speaker in known else None
        description = claim.speaker_text if speaker is None else None
        quote = QuoteAnnotation(
            id=ids("Q"),
            content=claim.content,
            speaker=speaker,
            speaker_description=description,
            cue=claim.cue,
            status="proposed",
        )
        out.quotes.append(quote)
        taken.add((claim.content.start, claim.content.end))
        report.proposed["quotes"] += 1


def _argument_span(text: str, wanted: str | None, near: Span | None) -> Span | None:
    """The argument's words located in the event's clause (the extractor gives them without offsets)."""
    if not wanted or near is None:
        return None
    start = text.find(wanted, near.start, near.end)
    return Span(start=start, end=start + len(wanted), text=wanted) if start >= 0 else None


def _events(
    claims: tuple[EventClaim, ...], text: str, out: ImportedLayers, ids: _Numbering, report: PreannotationReport
) -> None:
    taken: set[tuple[int, int, str]] = {(e.trigger.start, e.trigger.end, e.type) for e in out.events}
    known = {entity for kind, entity in out.links if kind == "entity"}
    for claim in claims:
        if claim.type not in EVENT_TYPES:
            report.skipped[f"events: type {claim.type} not in the schema"] += 1
            continue
        if (claim.trigger.start, claim.trigger.end, claim.type) in taken:
            continue
        arguments = []
        for argument in claim.arguments:
            entity = argument.entity if argument.entity in known else None
            span = _argument_span(text, argument.text, claim.clause)
            if entity is None and span is None:
                report.skipped["events: argument not located"] += 1
                continue
            arguments.append(EventArgument(role=argument.role, entity=entity, span=span))
        event = EventAnnotation.model_validate(
            {
                "id": ids("V"),
                "type": claim.type,
                "trigger": claim.trigger,
                "arguments": arguments,
                "polarity": claim.polarity,
                "status": "proposed",
            }
        )
        out.events.append(event)
        taken.add((claim.trigger.start, claim.trigger.end, claim.type))
        report.proposed["events"] += 1


def proposals(document: GoldDocument, claims: ClaimSet, report: PreannotationReport) -> ImportedLayers:
    """The document's accepted annotations followed by the new proposals, layer by layer."""
    out = ImportedLayers(
        entities=_accepted(document.entities),
        numbers=_accepted(document.numbers),
        events=_accepted(document.events),
        quotes=_accepted(document.quotes),
        furniture=list(document.furniture),
    )
    for mention in out.entities:
        out.links.setdefault(("entity", mention.entity), mention.span.text)
    ids = _Numbering(document)
    _entities(claims.entities, out, ids, report)
    _numbers(claims.numbers, out, ids, report)
    _quotes(claims.quotes, out, ids, report)
    _events(claims.events, document.text, out, ids, report)
    return out


def preannotate(root: str | Path, extractor: Extractor) -> PreannotationReport:
    """Run `extractor` on every document of the goldset at `root` and store its claims as proposals."""
    goldset = load_goldset(root, proposals="include")
    report = PreannotationReport()
    documents = {}
    for document in goldset.documents:
        claims = extractor.extract(SourceDocument(id=document.id, text=document.text, date=document.info.date))
        documents[document.id] = proposals(document, claims, report)
    store_layers(goldset.root, documents)
    return report
