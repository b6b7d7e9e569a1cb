"""What an event is about: the content words around its trigger, to tell which source event a summary event means.

Two events of the same or antonymous type between the same participants can be about different things: the
Taliban "accepted Russia's invitation" and "rejected a government offer of a ceasefire". A summary event is
compared with the source event whose context it shares most words with: its clause, trigger left out, against
the source event's clause and argument texts. Words are folded and cut to five letters ("ceasefires" =
"ceasefire", "Afghan" = "Afghanistan"); function words, auxiliaries and reporting verbs carry no topic.
"""

from __future__ import annotations

from collections.abc import Iterable

from harness.claims.events import clause_at
from harness.core.claim_types import EventClaim
from harness.core.spans import Span
from harness.core.text import fold
from harness.resources import word_list

STEM_LENGTH = 5
"""Letters a word is cut to before comparison, as `claims.roles.role_keys` cuts proper words."""

MIN_SHARED_WORDS = 2
"""Context words a source event must share with an agentless summary event to contradict it, and must share
beyond every supporting event to overrule their support."""

FUNCTION_WORDS = word_list("function_words")
"""Words that say nothing of what an event is about."""


def context_words(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the content words of `texts`."""
    stems: set[str] = set()
    for text in texts:
        for word in fold(text).split():
            if word not in FUNCTION_WORDS and (len(word) > 2 or word.isdigit()):
                stems.add(word[:STEM_LENGTH])
    return frozenset(stems)


def source_context(text: str, trigger: Span, argument_texts: Iterable[str] = ()) -> frozenset[str]:
    """What a source event is about: its argument texts and the clause of its trigger, trigger left out."""
    parts = list(argument_texts)
    clause = clause_at(text, trigger.start)
    if clause is not None:
        parts += [text[clause.start : trigger.start], text[trigger.end : clause.end]]
    return context_words(parts)


def claim_context(claim: EventClaim) -> frozenset[str]:
    """What a summary event is about: the content words of its clause, trigger left out (none without a clause)."""
    clause, trigger = claim.clause, claim.trigger
    if clause is None:
        return frozenset()
    before = clause.text[: max(trigger.start - clause.start, 0)]
    after = clause.text[max(trigger.end - clause.start, 0) :]
    return context_words((before, after))


def shared_words(claim_words: frozenset[str], source_words: frozenset[str]) -> int:
    """How many context words a summary event and a source event share."""
    return len(claim_words & source_words)
