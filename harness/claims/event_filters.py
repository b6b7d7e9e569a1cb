"""Event mentions that are no event, or no agent: filters applied to `find_events` output.

- A capitalized trigger inside a sentence is part of a name ("Lowell Falls", "Bell's Ferry"), not an event.
- A sentence-initial word the sources write in lower case is no agent ("Measles cases ... have risen": the
  agent is not a name "Measles"), so the event is compared by context as an agentless one.
"""

from __future__ import annotations

from collections.abc import Sequence

from harness.core.claim_types import EventClaim
from harness.core.text import sentences


def _sentence_starts(text: str) -> set[int]:
    starts = set()
    for sentence in sentences(text):
        offset = sentence.start
        while offset < sentence.end and not text[offset].isalnum():
            offset += 1
        starts.add(offset)
    return starts


def without_name_triggers(claims: Sequence[EventClaim], text: str) -> list[EventClaim]:
    """The claims whose trigger is no capitalized word inside a sentence (a word of a name)."""
    starts = _sentence_starts(text)
    return [claim for claim in claims if not (claim.trigger.text[:1].isupper() and claim.trigger.start not in starts)]


def without_common_agents(claims: Sequence[EventClaim], text: str, lower_words: frozenset[str]) -> list[EventClaim]:
    """The claims with any agent dropped that is one sentence-initial word the sources write in lower case."""
    starts = _sentence_starts(text)
    kept: list[EventClaim] = []
    for claim in claims:
        arguments = tuple(
            argument
            for argument in claim.arguments
            if not (
                argument.role == "agent"
                and argument.entity is None
                and argument.text
                and " " not in argument.text
                and argument.text.lower() in lower_words
                and text.find(argument.text, max(0, claim.clause.start if claim.clause else 0)) in starts
            )
        )
        kept.append(claim if arguments == claim.arguments else claim.model_copy(update={"arguments": arguments}))
    return kept
