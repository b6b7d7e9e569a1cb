"""Numbers a source states without the finder reading a claim there: labels and tallies, and "over N <periods>".

- An ordinal with a head ("the seventh game") is stated by the head used as a label with that number ("Game 7",
  "stage 12"): the finder takes such labels for indices, not claims, so the source text is read directly.
- A count ("four votes") is stated by a tally "N-M" or "N to M" either of whose sides is the count, when the
  words just around the tally, in its sentence, hold the count's head ("voted 4-1", "the vote was four to
  one", "a 3-2 vote"); a count with no head by any tally side of its value, as by any source number.
- "over N <periods>" ("over three seasons") means across that many periods in news prose: it is stated by the
  exact figure as well as by more.
"""

from __future__ import annotations

import re
from functools import cache

from harness.claims.numbers.counted import lemma, phrase_head, singular
from harness.claims.numbers.lexicon import UNITS_WORDS
from harness.core.claim_types import NumberClaim
from harness.core.memo import Memo
from harness.resources import word_list
from harness.verdicts.number_sources import number_heads, number_measure, number_point
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence

TALLY_CONTEXT = 40
"""Characters before a tally searched for the counted head ("voted", "the vote was")."""
TALLY_AFTER = 20
"""Characters after a tally searched for the counted head ("a 3-2 vote")."""

_WORD_OF: dict[int, str] = {value: word for word, value in UNITS_WORDS.items() if word != "nil"}


def _number_pattern(value: int) -> str:
    """Digits or the number word for a whole number."""
    word = _WORD_OF.get(value)
    return rf"(?:{value}|{word})" if word else str(value)


@cache
def _tally() -> re.Pattern[str]:
    side = r"\d{1,3}|" + "|".join(sorted(_WORD_OF.values(), key=len, reverse=True))
    return re.compile(rf"\b({side})\s*(?:[-\u2013]|\bto\b)\s*({side})\b", re.IGNORECASE)


def _whole(claim: NumberClaim) -> int | None:
    point = number_point(claim)
    if point is None or claim.qualifier != "exact" or not float(point).is_integer():
        return None
    return int(point)


def _found(document: str, match: re.Match[str]) -> Evidence:
    return Evidence(document=document, start=match.start(), end=match.end(), text=match.group())


def labelled(claim: NumberClaim, sources: Sources) -> Evidence | None:
    """A source's "<Head> <N>" for an ordinal claim "<N>th <head>" ("Game 7" for "the seventh game")."""
    value = _whole(claim) if claim.kind == "ordinal" else None
    head = phrase_head(claim.counted) if claim.counted else None
    heads = number_heads(claim) | ({singular(head)} if head else set())  # time words too: "Day 3"
    if value is None or not heads:
        return None
    words = "|".join(sorted({rf"{re.escape(head)}s?" for head in heads}))
    pattern = re.compile(rf"\b(?:{words})\s+(?:no\.?\s*)?{_number_pattern(value)}\b", re.IGNORECASE)
    for document in sources.documents:
        found = pattern.search(document.text)
        if found is not None:
            return _found(document.id, found)
    return None


def _side(text: str) -> int:
    return int(text) if text.isdigit() else UNITS_WORDS[text.lower()]


_TALLIES: Memo[tuple[tuple[re.Match[str], frozenset[int]], ...]] = Memo(256)


def _tallies(text: str) -> tuple[tuple[re.Match[str], frozenset[int]], ...]:
    """Every tally of a source text with its two sides' values: read once per text, not once per claim."""
    return _TALLIES.get(
        text,
        lambda: tuple(
            (found, frozenset({_side(found.group(1)), _side(found.group(2))})) for found in _tally().finditer(text)
        ),
    )


def tallied(claim: NumberClaim, sources: Sources) -> Evidence | None:
    """A source tally with the count on one side and the count's head just before it ("voted 4-1" for "four
    votes")."""
    value = _whole(claim) if number_measure(claim) == "count" else None
    stems = {lemma(head) for head in number_heads(claim)}
    if value is None:
        return None
    for document in sources.documents:
        text = document.text
        for found, sides in _tallies(text):
            if value not in sides:
                continue
            before = re.split(r"[.!?;]\s", text[max(0, found.start() - TALLY_CONTEXT) : found.start()])[-1]
            after = re.split(r"[.!?;]", text[found.end() : found.end() + TALLY_AFTER])[0]
            if not stems or stems & {lemma(word) for word in re.findall(r"[A-Za-z]+", f"{before} {after}")}:
                return _found(document.id, found)
    return None


def over_periods(claim: NumberClaim) -> bool:
    """Whether the claim is "over N <periods>": a count of stretches of time after "over"."""
    if claim.qualifier != "more_than" or not claim.span.text.lower().startswith("over "):
        return False
    periods = word_list("period_nouns")
    heads = number_heads(claim) | ({singular(claim.unit)} if claim.unit else set())
    return any(head in periods for head in heads)
