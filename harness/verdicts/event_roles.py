"""Who did what to whom: participant checks the event verdicts add to the type and polarity comparison.

- Participants swapped around the same verb ("The Stags lost to the Hawks" where the source says "The Hawks
  lost to the Stags") contradict the source event; for a converse pair ("beat" / "lost to", "bought" / "sold
  to") the swap is what the source says, and it supports it.
- A summary event without an agent whose named participant (the one acted on: "Carl Dunmore was cleared", or
  the owner of its subject: "Kroonveld's shares jumped") is, in the sources, that of the opposite event
  ("Carl Dunmore was convicted", "Kroonveld's shares fell") is contradicted unless some source event supports
  it with that same participant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from harness.claims.entities import find_entities
from harness.claims.event_lexicon import ANTONYMS
from harness.claims.events import agent_text, clause_at, event_agents
from harness.core.claim_types import EventClaim
from harness.core.memo import Memo
from harness.core.text import TextSpan, fold
from harness.resources import table
from harness.verdicts.events import (
    CONVERSES,
    KEY_ROLES,
    EventsByType,
    SourceEvent,
    claim_participants,
    copied_from,
)
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\S*$", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _meet(ours: str, theirs: str) -> bool:
    """Two written names of one participant: equal folded, or the same last word ("Hawks", "Portville Hawks");
    cached, as one summary name is compared with the names of many source events."""
    a, b = fold(ours), fold(theirs)
    return bool(a and b) and (a == b or a.split()[-1] == b.split()[-1])


SYMMETRIC = frozenset(table("events").get("symmetric", []))
"""Event types whose participants can trade places without changing what happened."""


_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['\u2019]s)\s+$", re.IGNORECASE)
"""A determiner or possessive right before a trigger: the trigger is a noun."""


def _sides(
    text: str, clause: TextSpan, trigger_start: int, read_agent: Callable[[], str | None]
) -> tuple[str | None, list[str]]:
    """The agent (`read_agent`, asked only for an active clause) and the names after the trigger within its
    clause; no agent when the clause is passive, or when the trigger is a noun ("today's release") whose agent
    is not its possessor ("Russia's invitation")."""
    head = text[clause.start : trigger_start]
    if _PASSIVE.search(head):
        return None, []
    agent = read_agent()
    if agent is None:
        return None, []
    if _NOUN_BEFORE.search(head) and not re.search(re.escape(agent) + r"['\u2019]s\s+(?:[\w-]+\s+)?$", head):
        return None, []
    names = find_entities(clause.text)
    return agent, [claim.span.text for claim in names if clause.start + claim.span.start > trigger_start]


def _source_agent(text: str, clause: TextSpan, trigger_start: int) -> str | None:
    """The agent `find_events` reads for the source trigger at `trigger_start`, from its clause alone."""
    return _CLAUSE_AGENTS.get(clause.text, lambda: event_agents(clause.text)).get(trigger_start - clause.start)


_CLAUSE_AGENTS: Memo[dict[int, str | None]] = Memo(4096)
"""The agent of each event `find_events` reads in a clause alone, by trigger offset: read once per clause,
however many of its triggers ask."""


_SOURCE_SIDES: Memo[tuple[TextSpan | None, str | None, list[str]]] = Memo(4096)


def _source_sides(text: str, trigger_start: int) -> tuple[TextSpan | None, str | None, list[str]]:
    """The clause of a source trigger and its `_sides`, read once per source text and trigger."""

    def compute() -> tuple[TextSpan | None, str | None, list[str]]:
        clause = clause_at(text, trigger_start)
        if clause is None:
            return None, None, []
        return (clause, *_sides(text, clause, trigger_start, lambda: _source_agent(text, clause, trigger_start)))

    return _SOURCE_SIDES.get((text, trigger_start), compute)


def _summary_sides(claim: EventClaim, summary: str) -> tuple[str | None, list[str]]:
    """`_sides` of a summary event (no agent without a clause)."""
    if claim.clause is None:
        return None, []
    ours = TextSpan(claim.clause.start, claim.clause.end, claim.clause.text)
    return _sides(summary, ours, claim.trigger.start, lambda: agent_text(claim.arguments))


def orientation(claim: EventClaim, summary: str, event: SourceEvent, source_text: str) -> str | None:
    """The agents compared: "same" when the summary and the source event have the same agent, "swapped" when
    the summary's agent stands after the source's trigger and the source's agent after the summary's, None when
    neither holds, or the type is symmetric ("A met B" = "B met A")."""
    return _oriented(claim, _summary_sides(claim, summary), event, {event.evidence.document: source_text})


def _oriented(
    claim: EventClaim, sides: tuple[str | None, list[str]], event: SourceEvent, texts: dict[str, str]
) -> str | None:
    """`orientation` with the summary event's `sides` read once for all source events (`texts`: by document)."""
    source_text = texts.get(event.evidence.document, "")
    our_agent, our_after = sides
    if claim.clause is None or our_agent is None or claim.type in SYMMETRIC:
        return None
    clause, their_agent, their_after = _source_sides(source_text, event.evidence.start)
    if clause is None or their_agent is None:
        return None
    if _meet(our_agent, their_agent):
        return "same"
    crossed = any(_meet(our_agent, name) for name in their_after) and any(_meet(their_agent, n) for n in our_after)
    return "swapped" if crossed else None


_POSSESSED = re.compile(r"((?:[A-Z][\w.-]*(?:\s+&\s+|\s+))*[A-Z][\w.-]*)['\u2019]s\s+(\w+)\s+(?:\w+\s+)?$")


def possessed(text: str, clause_start: int, trigger_start: int) -> tuple[str, str] | None:
    """The owner and the noun of a subject "Kroonveld's shares" right before a trigger, if there is one."""
    match = _POSSESSED.search(text, clause_start, trigger_start)
    return (match.group(1), match.group(2).lower()[:5]) if match else None


_SOURCE_OWNERS: Memo[tuple[str, str] | None] = Memo(4096)


def _source_owner(text: str, trigger_start: int) -> tuple[str, str] | None:
    """`possessed` before a source trigger, read once per source text and trigger."""

    def compute() -> tuple[str, str] | None:
        clause = clause_at(text, trigger_start)
        return possessed(text, clause.start, trigger_start) if clause is not None else None

    return _SOURCE_OWNERS.get((text, trigger_start), compute)


def _same_owner(ours: tuple[str, str] | None, event: SourceEvent, texts: dict[str, str]) -> bool:
    if ours is None:
        return False
    theirs = _source_owner(texts.get(event.evidence.document, ""), event.evidence.start)
    return theirs is not None and ours[1] == theirs[1] and _meet(ours[0], theirs[0])


def _acted_on(claim: EventClaim) -> dict[str, frozenset[str]]:
    return {role: keys for role, keys in claim_participants(claim).items() if role != "agent" and role in KEY_ROLES}


def _opposite(claim: EventClaim, event: SourceEvent) -> bool | None:
    """True for an opposite event (antonym, or flipped polarity), False for the same, None when unrelated."""
    same_type = claim.type == event.type
    if not (same_type or frozenset({claim.type, event.type}) in ANTONYMS):
        return None
    return (claim.polarity == event.polarity) != same_type


def _named_overlap(ours: dict[str, frozenset[str]], event: SourceEvent) -> bool:
    return any(
        _meet(mine, theirs)
        for role, keys in ours.items()
        for mine in keys
        for theirs in event.participants.get(role, frozenset())
    )


def recheck(
    findings: Sequence[Finding],
    claims: Sequence[EventClaim],
    events: Sequence[SourceEvent],
    summary: str,
    sources: Sources,
) -> list[Finding]:
    """The findings with swapped participants and opposite events about the same named participant
    contradicted (converse swaps supported)."""
    texts = {document.id: document.text for document in sources.documents}
    index = EventsByType(events)
    result: list[Finding] = []
    for finding, claim in zip(findings, claims, strict=True):
        if finding.verdict == "contradicted":
            result.append(finding)
            continue
        update: tuple[str, list[SourceEvent], str] | None = None
        related = index.related(claim.type)
        compared = [event for event in related if _opposite(claim, event) is not None and event.certain]
        sides = _summary_sides(claim, summary) if compared else (None, [])
        # Orientation is read only where its answer counts: an opposite event matters only when converse.
        same = any(
            _opposite(claim, event) is False and _oriented(claim, sides, event, texts) == "same" for event in compared
        )
        if not same and copied_from(claim, sources.documents) is None:
            for event in compared:
                opposite = _opposite(claim, event)
                converse = frozenset({claim.type, event.type}) in CONVERSES
                if (
                    not (opposite is False or (opposite and converse))
                    or _oriented(claim, sides, event, texts) != "swapped"
                ):
                    continue
                if opposite:
                    update = ("supported", [event], "the source tells the same event from the other side")
                else:
                    update = ("contradicted", [event], "participants swapped: the source has them the other way")
                break
        if update is None and "agent" not in claim_participants(claim):
            acted_on = _acted_on(claim)
            owner = possessed(summary, claim.clause.start, claim.trigger.start) if claim.clause else None
            about = [event for event in related if _named_overlap(acted_on, event) or _same_owner(owner, event, texts)]
            against = [event for event in about if _opposite(claim, event)]
            backing = [event for event in about if _opposite(claim, event) is False]
            if against and not backing and all(event.certain for event in against):
                update = ("contradicted", against, f"the source says the opposite of {against[0].type} about them")
        if update is None:
            result.append(finding)
            continue
        verdict, evidence, detail = update
        result.append(
            finding.model_copy(
                update={"verdict": verdict, "evidence": tuple(e.evidence for e in evidence[:3]), "detail": detail}
            )
        )
    return result
