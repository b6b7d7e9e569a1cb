"""Trigger words of each event type, and the cues that negate a trigger.

The vocabulary (trigger patterns per type, verbs that state a type's negative, antonym pairs, the role of a
verb's object) is data: `harness/resources/events.json`, general news vocabulary. Each pattern is a regular
expression over lower-cased text matching the inflected forms of one trigger; the nominal forms
("invitation", "refusal") are listed apart because their agent is read differently. Some verbs state the
negative of a type ("skip", "boycott" = not ATTEND): their polarity is inverted, so "will not skip" is a
positive ATTEND. A noun trigger that is the object of a light verb ("hold talks", "begin negotiations") is
negated with that verb ("would not hold talks", "refused to hold talks").
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from harness.resources import table

_EVENTS: dict[str, Any] = table("events")
_TYPES: dict[str, dict[str, Any]] = _EVENTS["types"]


def _triggers(key: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(entry[key]) for name, entry in _TYPES.items() if entry.get(key)}


VERB_TRIGGERS: dict[str, tuple[str, ...]] = _triggers("verbs")
INVERTED_VERB_TRIGGERS: dict[str, tuple[str, ...]] = _triggers("inverted_verbs")
"""Verbs that state the negative of their type: "skip the talks" is ATTEND with negative polarity."""
NOUN_TRIGGERS: dict[str, tuple[str, ...]] = _triggers("nouns")

OBJECT_ROLES: dict[str, str] = {name: entry["object_role"] for name, entry in _TYPES.items() if "object_role" in entry}
"""The role of the first participant after a verb trigger; any other type calls it `theme`."""

ANTONYMS: frozenset[frozenset[str]] = frozenset(frozenset(pair) for pair in _EVENTS["antonyms"])
"""Event types that say the opposite of each other between the same participants."""

NEGATION_CUES = re.compile(
    r"\b(?:not|never|no longer|(?:have|has|had) yet to|yet to|fail(?:s|ed)? to|"
    r"(?:refus|declin)(?:e|es|ed|ing)(?: \w+){0,2} to|decided against)\b|n't\b"
)
"""A cue within a few words before a trigger flips its polarity ("will not attend", "declined the offer to attend")."""

LIGHT_VERB = re.compile(
    r"\b(?:hold|holds|held|holding|begin|begins|began|begun|beginning|start|starts|started|starting|"
    r"open|opens|opened|opening|resume|resumes|resumed|resuming|conduct|conducts|conducted|conducting|"
    r"launch|launches|launched|launching|enter(?:s|ed|ing)? into|join|joins|joined|joining)"
    r"(?:\s+[\w'\u2019-]+){0,2}\s+$",
    re.IGNORECASE,
)
"""A light verb right before a noun trigger (at most two modifiers between): "hold direct talks"."""

NEGATION_WINDOW = 3
"""How many words may stand between a negation cue and its trigger."""


def _whole_words(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


def _compile(table: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (event_type, re.compile(_whole_words(pattern), re.IGNORECASE))
        for event_type, patterns in table.items()
        for pattern in patterns
    ]


VERB_PATTERNS = _compile(VERB_TRIGGERS)
INVERTED_VERB_PATTERNS = _compile(INVERTED_VERB_TRIGGERS)
NOUN_PATTERNS = _compile(NOUN_TRIGGERS)


class TriggerEntry(NamedTuple):
    """One trigger pattern of the lexicon: its event type, whether it is a noun, whether it inverts polarity."""

    type: str
    pattern: re.Pattern[str]
    is_noun: bool
    inverted: bool


TRIGGERS: tuple[TriggerEntry, ...] = tuple(
    TriggerEntry(event_type, pattern, is_noun, inverted)
    for patterns, is_noun, inverted in (
        (VERB_PATTERNS, False, False),
        (INVERTED_VERB_PATTERNS, False, True),
        (NOUN_PATTERNS, True, False),
    )
    for event_type, pattern in patterns
)
"""Every trigger pattern, verbs first, then inverted verbs, then nouns, each table in the lexicon's order."""
