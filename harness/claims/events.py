"""Event mentions in any text: a trigger from the lexicon, its polarity, and its participants.

Participants are the entity mentions of the trigger's clause: for a verb, the subject before the trigger is
the agent (or, in the passive, the "by" phrase) and the first mention after it the recipient, target or
theme; for a noun ("Russia's invitation"), the possessor or the "by"/"from" phrase is the agent, and a noun
that is the object of a light verb ("the government would not hold direct talks") takes the verb's subject
and the verb's negation. A negation cue reaches a trigger a few words on within its clause; subordinate
clauses ("since", "because", "although") are clauses of their own, so "years have not passed since Moscow
sent troops" does not negate the sending. Verbs that state a negative ("skip", "boycott") invert the polarity.
Each claim keeps its clause, which tells what the event is about when verdicts compare it with a source event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from harness.claims.entities import after_preposition, find_entities
from harness.claims.event_lexicon import (
    LIGHT_VERB,
    NEGATION_CUES,
    NEGATION_WINDOW,
    OBJECT_ROLES,
    TRIGGERS,
)
from harness.claims.trigger_scan import trigger_matches
from harness.core.claim_types import EntityClaim, EventArgumentClaim, EventClaim
from harness.core.memo import Memo
from harness.core.spans import Entity, Span
from harness.core.text import TextSpan, match_before, sentence_at, sentences

_BREAK_WORDS = (
    "but", "while", "whereas", "hours after", "days after", "weeks after", "just hours after", "after", "before",
    "which", "who", "since", "because", "although",
)  # fmt: skip
"""Words that open a new clause ("hours after" before "after": the longer cut wins where both start)."""


def _at_word_start(words: str) -> str:
    """`\\b` + `words` + `\\b`, written with the first letter ahead of the boundary test so that a scan can
    skip to the letters that may start a match."""
    return rf"{words[0]}(?<!\w{words[0]}){re.escape(words[1:])}\b"


_CLAUSE_BREAK = re.compile(r";|\s[\u2013\u2014]\s|,\s+and\b|" + "|".join(map(_at_word_start, _BREAK_WORDS)))
_PASSIVE_BACK = re.compile(r"(?:\s+yl\w+)?\s+(?:si|era|saw|erew|eb|neeb|gnieb)\b", re.IGNORECASE)
"""Backwards from a verb: a passive auxiliary ("was", "been") right before it, an "-ly" adverb between allowed."""
_REPORTING = re.compile(r",?\s+(?:said|says|told|added|announced|confirmed)\b")
_COORDINATION = re.compile(r"\s*(?:,|,?\s*and)\s*")


def clauses(text: str, sentence: TextSpan) -> list[TextSpan]:
    """A sentence cut at semicolons, dashes and conjunctions that open a new clause (", and", "but", "hours after");
    cut once per sentence of a text, however many of its events ask for their clause."""
    return list(_CLAUSES.get((text, sentence), lambda: tuple(_cut(text, sentence))))


_CLAUSES: Memo[tuple[TextSpan, ...]] = Memo(4096)


def _cut(text: str, sentence: TextSpan) -> list[TextSpan]:
    spans: list[TextSpan] = []
    start = sentence.start
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        cut = sentence.start + match.start()
        if cut > start:
            spans.append(TextSpan(start, cut, text[start:cut]))
        start = sentence.start + match.end()
        start += len(text[start : sentence.end]) - len(text[start : sentence.end].lstrip())
    if sentence.end > start:
        spans.append(TextSpan(start, sentence.end, text[start : sentence.end]))
    return spans


def clause_at(text: str, offset: int) -> TextSpan | None:
    """The clause of `text` that holds `offset`, as `find_events` cuts it; None between sentences."""
    sentence = sentence_at(text, offset)
    if sentence is None:
        return None
    return next((c for c in clauses(text, sentence) if c.start <= offset < c.end), sentence)


class _Trigger(NamedTuple):
    start: int
    end: int
    type: str
    is_noun: bool
    inverted: bool


def _triggers(clause: TextSpan) -> list[_Trigger]:
    """Every trigger in the clause, longest first where they overlap (a verb before a noun of the same span)."""
    found: list[_Trigger] = []
    for index, start, end in trigger_matches(clause.text):
        entry = TRIGGERS[index]
        found.append(_Trigger(clause.start + start, clause.start + end, entry.type, entry.is_noun, entry.inverted))
    found.sort(key=lambda item: (item.start - item.end, item.is_noun))
    kept: list[_Trigger] = []
    for item in found:
        if all(item.end <= other.start or item.start >= other.end for other in kept):
            kept.append(item)
    return sorted(kept)


def _negated(text: str, clause: TextSpan, trigger_start: int) -> bool:
    head = text[clause.start : trigger_start]
    return any(len(head[cue.end() :].split()) <= NEGATION_WINDOW for cue in NEGATION_CUES.finditer(head.lower()))


def _argument(role: str, claim: EntityClaim) -> EventArgumentClaim:
    return EventArgumentClaim(role=role, entity=claim.entity, text=claim.span.text)


def _coordinated(text: str, before: list[EntityClaim]) -> list[EntityClaim]:
    """The last subject mention and any joined to it by "and" or commas ("Washington and Afghanistan")."""
    group = [before[-1]]
    for claim in reversed(before[:-1]):
        if not _COORDINATION.fullmatch(text[claim.span.end : group[0].span.start]):
            break
        group.insert(0, claim)
    return group


def _may_be_subject(text: str, claim: EntityClaim) -> bool:
    """A mention can be a clause subject unless it follows a preposition, is a possessive or reports speech."""
    end = claim.span.end
    return not (
        after_preposition(text, claim)
        or text.startswith(("'s", "\u2019s"), end)
        or _REPORTING.match(text, end) is not None
    )


_BY_GAP = re.compile(r"\s*by\s+(?:the\s+)?")
_POSSESSOR_GAP = re.compile(r"(?:['\u2019]s?)?\s+(?:\w+\s+)?")
_BY_FROM_GAP = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?")


def _verb_arguments(
    text: str, event_type: str, start: int, end: int, before: list[EntityClaim], after: list[EntityClaim]
) -> list[EventArgumentClaim]:
    subjects = [claim for claim in before if _may_be_subject(text, claim)]
    passive = match_before(_PASSIVE_BACK, text, start) is not None
    by_agent = [claim for claim in after if _BY_GAP.fullmatch(text, end, claim.span.start)]
    object_role = OBJECT_ROLES.get(event_type, "theme")
    arguments: list[EventArgumentClaim] = []
    if passive:
        arguments += [_argument("agent", claim) for claim in by_agent[:1]]
        arguments += [_argument(object_role, claim) for claim in _coordinated(text, subjects)] if subjects else []
        return arguments
    if subjects:
        arguments += [_argument("agent", claim) for claim in _coordinated(text, subjects)]
    objects = [claim for claim in after if "," not in text[end : claim.span.start]]
    if objects:
        arguments.append(_argument(object_role, objects[0]))
    return arguments


def _noun_arguments(
    text: str, start: int, end: int, before: list[EntityClaim], after: list[EntityClaim]
) -> list[EventArgumentClaim]:
    possessor = [claim for claim in before[-1:] if _POSSESSOR_GAP.fullmatch(text, claim.span.end, start)]
    by_phrase = [claim for claim in after[:1] if _BY_FROM_GAP.fullmatch(text, end, claim.span.start)]
    return [_argument("agent", claim) for claim in (possessor or by_phrase)]


def _light_verb_start(text: str, clause: TextSpan, noun_start: int) -> int | None:
    """Where the light verb governing a noun trigger starts ("hold" in "hold direct talks"), if there is one."""
    match = LIGHT_VERB.search(text[clause.start : noun_start])
    return clause.start + match.start() if match else None


def _arguments(
    text: str, trigger: _Trigger, verb_start: int | None, mentions: list[EntityClaim]
) -> list[EventArgumentClaim]:
    """The entity arguments of a trigger, from the mentions of its clause (`verb_start`: its verb, if any)."""
    start, end = trigger.start, trigger.end
    after = [claim for claim in mentions if claim.span.start >= end]
    arguments: list[EventArgumentClaim] = []
    if trigger.is_noun:
        arguments = _noun_arguments(text, start, end, [claim for claim in mentions if claim.span.end <= start], after)
    if verb_start is not None and not arguments:
        before_verb = [claim for claim in mentions if claim.span.end <= verb_start]
        arguments = _verb_arguments(text, trigger.type, verb_start, end, before_verb, after)
    return arguments


def _verb_start(text: str, clause: TextSpan, trigger: _Trigger) -> int | None:
    """Where the trigger's verb starts: the trigger itself, or for a noun its light verb, if it has one."""
    return _light_verb_start(text, clause, trigger.start) if trigger.is_noun else trigger.start


def agent_text(arguments: Sequence[EventArgumentClaim]) -> str | None:
    """The written agent among an event's arguments, if any."""
    return next((argument.text for argument in arguments if argument.role == "agent" and argument.text), None)


def _event(text: str, clause: TextSpan, trigger: _Trigger, mentions: list[EntityClaim]) -> EventClaim:
    """One event mention: its arguments and polarity read from the clause around the trigger."""
    start, end, event_type = trigger.start, trigger.end, trigger.type
    verb_start = _verb_start(text, clause, trigger)
    arguments = _arguments(text, trigger, verb_start, mentions)
    negated = verb_start is not None and _negated(text, clause, verb_start)
    return EventClaim(
        trigger=Span(start=start, end=end, text=text[start:end]),
        type=event_type,
        polarity="negative" if negated != trigger.inverted else "positive",
        arguments=tuple(arguments),
        clause=Span(start=clause.start, end=clause.end, text=clause.text),
    )


def _clauses_with_mentions(text: str, inventory: Sequence[Entity]) -> Iterator[tuple[TextSpan, list[EntityClaim]]]:
    """Each clause of `text` with the entity mentions inside it."""
    entities = find_entities(text, inventory)
    starts = [claim.span.start for claim in entities]
    for sentence in sentences(text):
        for clause in clauses(text, sentence):
            first, last = bisect_left(starts, clause.start), bisect_right(starts, clause.end)
            yield clause, [claim for claim in entities[first:last] if claim.span.end <= clause.end]


def find_events(text: str, inventory: Sequence[Entity] = ()) -> list[EventClaim]:
    """Every event mention in `text`, with polarity, the entity arguments and the span of its clause."""
    claims: list[EventClaim] = []
    for clause, mentions in _clauses_with_mentions(text, inventory):
        claims.extend(_event(text, clause, trigger, mentions) for trigger in _triggers(clause))
    return claims


def event_agents(text: str) -> dict[int, str | None]:
    """The agent's text of each event `find_events(text)` reads, by trigger offset (the first event at an
    offset): the arguments alone, without polarity or claim objects, for a reader that needs only who acts."""
    agents: dict[int, str | None] = {}
    for clause, mentions in _clauses_with_mentions(text, ()):
        for trigger in _triggers(clause):
            if trigger.start in agents:
                continue
            agents[trigger.start] = agent_text(_arguments(text, trigger, _verb_start(text, clause, trigger), mentions))
    return agents
