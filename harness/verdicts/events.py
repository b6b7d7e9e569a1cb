"""Event verdicts: does each event a summary reports agree with a source event between the same participants?

A summary event and a source event (gold, or gold-free found by `find_events` in the source texts) are
compared on type, polarity and participants (every entity id a mention may name, "Moscow" standing for the
city, Russia or the Soviet Union; else folded argument words):
`supported` when the types are equal with the same polarity, or antonyms with opposite polarity ("did not
accept" = "declined"), the source event has the summary's agent (if the summary names one) and no other key
role names different participants; `contradicted` when the polarity flipped or the type is an antonym
("accepted" vs "declined") and either the same agent is on both sides or, for a summary event that names no
agent ("hundreds of people have not been killed"), the contexts share at least `MIN_SHARED_WORDS` words;
`unverified` when no source event matches either way.

Which source event a summary event speaks of is decided by context (`verdicts/event_context.py`): when some
source events support it and others contradict it, the contradiction wins only when its context shares at
least `MIN_SHARED_WORDS` more words with the summary's clause than every supporting event's does ("the
Taliban accepted a government offer of a ceasefire" is contradicted by "rejected a government offer of a
three-month ceasefire", not supported by the Taliban's acceptance of Russia's invitation). Otherwise support
wins. Evidence is listed best context first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from harness.claims.event_filters import without_name_triggers
from harness.claims.event_lexicon import ANTONYMS
from harness.claims.events import clause_at, find_events
from harness.claims.system_text import clean_tokens
from harness.core.claim_types import EventClaim
from harness.core.memo import Memo
from harness.core.spans import Entity
from harness.core.text import fold
from harness.goldset.load import GoldDocument
from harness.resources import table
from harness.verdicts.event_context import MIN_SHARED_WORDS, claim_context, shared_words, source_context
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

KEY_ROLES = ("agent", "recipient", "target")
"""Argument roles whose participants must agree; a role only one side names does not count. Written fillers
(no entity id) meet when the words of one contain the other's ("hundreds" and "hundreds of people")."""

_UNCERTAIN_MODALITIES = frozenset({"possible", "hypothetical"})

CONVERSES = frozenset(frozenset(pair) for pair in table("events").get("converses", []))
"""Antonym pairs that tell one event from its two sides ("A beat B" = "B lost to A"): never contradicted by
context alone, only by the same agent."""


@dataclass(frozen=True)
class SourceEvent:
    """An event in a source document, reduced to what verdicts compare."""

    type: str
    polarity: str
    participants: dict[str, frozenset[str]]
    evidence: Evidence
    certain: bool = True
    context: frozenset[str] = frozenset()
    clause: str = ""
    """The folded words of the event's clause: a summary clause copied from it says what the source says."""


ROLE_ALIASES = {"attacker": "agent", "victim": "target"}
"""Gold roles of violent events, compared as the generic roles summary claims carry."""


def _participants(arguments: Iterable[tuple[str, str | None, str | None]]) -> dict[str, frozenset[str]]:
    by_role: dict[str, set[str]] = {}
    for role, entity, text in arguments:
        role = ROLE_ALIASES.get(role, role)
        key = entity or (fold(text) if text else None)
        if key and role in KEY_ROLES:
            by_role.setdefault(role, set()).add(key)
    return {role: frozenset(keys) for role, keys in by_role.items()}


def readings(inventory: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Every entity id a written name may stand for: "Moscow" is the city, Russia, or the Soviet Union."""
    ids: dict[str, set[str]] = {}
    for entity in inventory:
        for name in (entity.name, *entity.aliases, *entity.metonyms):
            ids.setdefault(fold(name), set()).add(entity.id)
    return {name: frozenset(found) for name, found in ids.items()}


def claim_participants(claim: EventClaim, names: dict[str, frozenset[str]] | None = None) -> dict[str, frozenset[str]]:
    """The claim's key participants by role: every entity id its mention may name, else its folded words."""
    by_role: dict[str, set[str]] = {}
    for argument in claim.arguments:
        if argument.role not in KEY_ROLES:
            continue
        keys = by_role.setdefault(argument.role, set())
        keys |= {argument.entity} if argument.entity else set()
        written = fold(argument.text) if argument.text else ""
        keys |= (names or {}).get(written, frozenset()) or ({written} if written and not argument.entity else set())
    return {role: frozenset(keys) for role, keys in by_role.items() if keys}


def _folded_clause(text: str, offset: int) -> str:
    clause = clause_at(text, offset)
    return fold(clause.text) if clause is not None else ""


def copies(claim: EventClaim, event: SourceEvent) -> bool:
    """True when the summary event's clause is the source event's clause word for word (or a run of it)."""
    if claim.clause is None or not event.clause:
        return False
    words = fold(claim.clause.text)
    return bool(words) and f" {words} " in f" {event.clause} "


def source_events(sources: Sources) -> list[SourceEvent]:
    """Gold events of every document, or gold-free the events `find_events` reads in the source texts."""
    events: list[SourceEvent] = []
    names = readings(sources.entities)
    for document in sources.documents:
        if sources.gold:
            for gold in document.events:
                span = gold.trigger
                events.append(
                    SourceEvent(
                        type=gold.type,
                        polarity=gold.polarity,
                        participants=_participants(
                            (argument.role, argument.entity, argument.span.text if argument.span else None)
                            for argument in gold.arguments
                        ),
                        evidence=Evidence(
                            document=document.id, start=span.start, end=span.end, text=span.text, annotation=gold.id
                        ),
                        certain=gold.modality not in _UNCERTAIN_MODALITIES,
                        context=source_context(
                            document.text,
                            span,
                            (argument.span.text for argument in gold.arguments if argument.span is not None),
                        ),
                        clause=_folded_clause(document.text, span.start),
                    )
                )
        else:
            text = clean_tokens(document.text)
            folded: dict[str, str] = {}  # a clause with several triggers is folded once
            for found in without_name_triggers(find_events(text, sources.entities), text):
                span = found.trigger
                events.append(
                    SourceEvent(
                        type=found.type,
                        polarity=found.polarity,
                        participants=claim_participants(found, names),
                        evidence=Evidence(document=document.id, start=span.start, end=span.end, text=span.text),
                        context=claim_context(found),
                        clause=_fold_once(folded, found.clause.text) if found.clause else "",
                    )
                )
    return events


def _fold_once(folded: dict[str, str], text: str) -> str:
    held = folded.get(text)
    if held is None:
        held = folded[text] = fold(text)
    return held


Relation = Literal["supports", "contradicts", "unrelated"]


def _fillers_meet(claim_keys: frozenset[str], source_keys: frozenset[str]) -> bool:
    """Two fillers of a role name the same participant: a shared entity id, or written words one of which
    contains the other's ("Hundreds" and "hundreds of people")."""
    if claim_keys & source_keys:
        return True
    return any(
        set(ours.split()) <= set(theirs.split()) or set(theirs.split()) <= set(ours.split())
        for ours in claim_keys
        for theirs in source_keys
    )


def relation(
    claim: EventClaim, participants: dict[str, frozenset[str]], event: SourceEvent, shared: int = 0
) -> Relation:
    """How a source event bears on a summary event: supports it, contradicts it, or says nothing of it.

    `shared` is the number of context words the two share; it lets a summary event without an agent be
    contradicted by a source event about the same thing.
    """
    same_type = claim.type == event.type
    pair = frozenset({claim.type, event.type})
    antonym = pair in ANTONYMS
    if not (same_type or antonym):
        return "unrelated"
    if "agent" in participants and "agent" not in event.participants:
        return "unrelated"
    shared_roles = [role for role in participants if role in event.participants]
    if any(not _fillers_meet(participants[role], event.participants[role]) for role in shared_roles):
        return "unrelated"
    agrees = (claim.polarity == event.polarity) == same_type
    if agrees:
        return "supports"
    same_agent = "agent" in shared_roles
    same_context = "agent" not in participants and shared >= MIN_SHARED_WORDS and not (antonym and pair in CONVERSES)
    return "contradicts" if (same_agent or same_context) and event.certain else "unrelated"


@lru_cache(maxsize=256)
def related_types(event_type: str) -> frozenset[str]:
    """The event types a source event must have to bear on an event of `event_type`: the same, or an antonym
    (`relation` calls every other source event unrelated)."""
    return frozenset({event_type}).union(*(pair for pair in ANTONYMS if event_type in pair))


class EventsByType:
    """Source events grouped by type, so that a summary event visits only those of its type and its antonyms."""

    def __init__(self, events: Sequence[SourceEvent]) -> None:
        self._events = events
        self._positions: dict[str, list[int]] = {}
        self._related: dict[str, list[SourceEvent]] = {}
        for position, event in enumerate(events):
            self._positions.setdefault(event.type, []).append(position)

    def related(self, event_type: str) -> list[SourceEvent]:
        """The events of `related_types(event_type)`, in their order: the only ones `relation` may relate."""
        held = self._related.get(event_type)
        if held is None:
            kinds = related_types(event_type)
            positions = sorted(position for kind in kinds for position in self._positions.get(kind, ()))
            held = self._related[event_type] = [self._events[position] for position in positions]
        return held


def _finding(claim: EventClaim, verdict: str, evidence: Sequence[Evidence] = (), detail: str | None = None) -> Finding:
    return Finding.at("event", claim.trigger, verdict, evidence, detail)


def copied_from(claim: EventClaim, documents: Sequence[GoldDocument]) -> Evidence | None:
    """Where a source says the summary event's whole clause word for word: what it copies cannot be contradicted."""
    if claim.clause is None:
        return None
    words = fold(claim.clause.text)
    if len(words.split()) < 2:
        return None
    for document in documents:
        if f" {words} " in f" {_folded_text(document.text)} ":
            start = document.text.lower().find(claim.clause.text.lower())
            if start < 0:
                return Evidence(document=document.id, start=0, end=0, text="")
            end = start + len(claim.clause.text)
            return Evidence(document=document.id, start=start, end=end, text=document.text[start:end])
    return None


_FOLDED: Memo[str] = Memo(64)


def _folded_text(text: str) -> str:
    """A source text's folded form, computed once per text."""
    return _FOLDED.get(text, lambda: fold(text))


def judge_event(
    claim: EventClaim,
    events: Sequence[SourceEvent],
    names: dict[str, frozenset[str]] | None = None,
    copied: Evidence | None = None,
) -> Finding:
    """The verdict on one event mention of a summary, with the source events that decided it; an event whose
    clause a source says word for word (`copied`) is never contradicted."""
    participants = claim_participants(claim, names)
    context = claim_context(claim)
    supporting: list[tuple[int, SourceEvent]] = []
    contradicting: list[tuple[int, SourceEvent]] = []
    kinds = related_types(claim.type)
    for event in events:
        if event.type not in kinds:
            continue
        shared = shared_words(context, event.context)
        kind = relation(claim, participants, event, shared)
        if kind == "contradicts" and copies(claim, event):
            kind = "supports"
        if kind != "unrelated":
            (supporting if kind == "supports" else contradicting).append((shared, event))
    supporting.sort(key=lambda item: -item[0])
    contradicting.sort(key=lambda item: -item[0])
    best_support = supporting[0][0] if supporting else None
    if copied is not None and not supporting:
        evidence = [copied] if copied.end > copied.start else []
        return _finding(claim, "supported", evidence, "the clause is copied word for word from a source")
    if (
        copied is None
        and contradicting
        and (best_support is None or contradicting[0][0] >= best_support + MIN_SHARED_WORDS)
    ):
        first = contradicting[0][1]
        detail = f"summary: {claim.type} ({claim.polarity}); source: {first.type} ({first.polarity})"
        return _finding(claim, "contradicted", [event.evidence for _, event in contradicting[:3]], detail)
    if supporting:
        return _finding(claim, "supported", [event.evidence for _, event in supporting[:3]])
    return _finding(claim, "unverified", detail=f"no source event of type {claim.type} with these participants")


def judge_events(
    claims: Sequence[EventClaim], sources: Sources, events: Sequence[SourceEvent] | None = None
) -> list[Finding]:
    """One finding per event mention of a summary; `events` defaults to `source_events(sources)`."""
    events = source_events(sources) if events is None else events
    names = readings(sources.entities)
    index = EventsByType(events)
    return [
        judge_event(claim, index.related(claim.type), names, copied_from(claim, sources.documents)) for claim in claims
    ]
