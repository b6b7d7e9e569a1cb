"""Atomic claims of a summary, each tied to the span of the summary that states it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from harness.metrics.judge.parsing import MalformedAnswer, SplitClaim

MIN_SIMILARITY = 85.0
"""Least rapidfuzz partial-ratio at which a span the model retyped loosely still counts as found."""


@dataclass(frozen=True)
class Claim:
    """A claim's own wording and where it sits in the summary (`summary[start:end] == text`)."""

    claim: str
    start: int
    end: int
    text: str


def _loose(span: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in span.split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE)


def locate(span: str, summary: str, after: int = 0) -> tuple[int, int] | None:
    """Where `span` sits in `summary`: verbatim (preferring from `after` on), ignoring case and spacing, or
    nearly verbatim (partial ratio at least `MIN_SIMILARITY`, widened to whole words); None when it is not there."""
    for origin in (after, 0):
        found = summary.find(span, origin)
        if found >= 0:
            return found, found + len(span)
    loose = _loose(span).search(summary)
    if loose:
        return loose.start(), loose.end()
    alignment = fuzz.partial_ratio_alignment(span, summary, score_cutoff=MIN_SIMILARITY)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and not summary[start - 1].isspace():
        start -= 1
    while end < len(summary) and not summary[end].isspace():
        end += 1
    return start + len(summary[start:end]) - len(summary[start:end].lstrip()), end


def anchor_claims(split: list[SplitClaim], summary: str) -> list[Claim]:
    """Each claim with its span in `summary`; `MalformedAnswer` names a span the summary does not hold."""
    claims: list[Claim] = []
    cursor = 0
    for index, item in enumerate(split):
        where = locate(item.span, summary, cursor)
        if where is None:
            raise MalformedAnswer(f'claims[{index}].span "{item.span[:80]}" is not copied from the summary')
        start, end = where
        claims.append(Claim(item.claim, start, end, summary[start:end]))
        cursor = max(cursor, start)
    return claims
