"""Source numbers for number verdicts: gold annotations or found numbers, with heads, context and intervals.

The comparison primitives live here too: which measure a number has, the interval (or days) it covers, and
how a source number bears on a claim (supports, consistent, conflicts); `verdicts.numbers` documents the rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from harness.claims.numbers import find_numbers
from harness.claims.numbers.counted import content_lemmas, phrase_head, singular
from harness.claims.numbers.dates import day_range
from harness.claims.numbers.lexicon import TIME_UNITS
from harness.claims.text import TextSpan, sentences
from harness.claims.types import NumberClaim
from harness.goldset.load import GoldDocument
from harness.goldset.schema import NumberAnnotation
from harness.verdicts.sources import Sources

Relation = Literal["supports", "consistent", "conflicts"]
TIME_KINDS = frozenset({"date", "year"})
_TIME_UNIT_WORDS = frozenset(TIME_UNITS.values()) | {"decade", "century"}
DAYS_PER_UNIT: dict[str, float] = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "fortnight": 14.0,
    "month": 365.25 / 12, "year": 365.25, "decade": 3652.5, "century": 36525.0,
}  # fmt: skip
"""Length of each unit of time in days, so that durations in different units compare."""
_SCOPED_KINDS = frozenset({"percent", "duration", "fraction", "money"})


@dataclass(frozen=True)
class SourceNumber:
    """A number of the sources with what is needed to compare it: heads, context words and provenance."""

    document: str
    annotation: str | None
    fact: str | None
    number: NumberClaim | NumberAnnotation
    heads: frozenset[str]
    context: frozenset[str]
    description: str


def number_measure(number: NumberClaim | NumberAnnotation) -> str:
    if number.kind in TIME_KINDS:
        return "time"
    if number.kind == "ordinal":
        return "ordinal"
    if number.kind == "percent":
        return "percent"
    if number.unit in DAYS_PER_UNIT or number.kind == "duration":
        return "duration"
    if number.kind == "money":
        return f"money:{number.unit}"
    return "count"


def number_heads(number: NumberClaim | NumberAnnotation, *extra: str | None) -> frozenset[str]:
    """Nouns naming what a number counts or scopes (time-unit words left out: they are the measure)."""
    found: set[str] = set()
    if number.kind not in _SCOPED_KINDS and number.kind not in TIME_KINDS and number.unit:
        found.add(singular(number.unit))
    for text in (number.counted, *extra):
        head = phrase_head(text) if text else None
        if head:
            found.add(head)
    return frozenset(head for head in found if head not in _TIME_UNIT_WORDS and head != "percent")


def _sentence_of(spans: Sequence[TextSpan], start: int, end: int, text: str) -> str:
    for sentence in spans:
        if sentence.start <= start and end <= sentence.end:
            return sentence.text
    return text[max(0, start - 150) : end + 150]


def label(document: str) -> str:
    return document.split("_", 1)[0]


def in_furniture(document: GoldDocument, start: int, end: int) -> bool:
    return any(item.span.start < end and start < item.span.end for item in document.furniture)


def source_numbers(sources: Sources) -> tuple[SourceNumber, ...]:
    """Every comparable number of the sources: gold annotations in gold mode, else the finder's numbers."""
    found: list[SourceNumber] = []
    for document in sources.documents:
        spans = sentences(document.text)
        claims = find_numbers(document.text, anchor=document.info.date)
        numbers: Iterable[NumberClaim | NumberAnnotation] = document.numbers if sources.gold else claims
        for number in numbers:
            start, end = number.span.start, number.span.end
            if in_furniture(document, start, end):
                continue
            overlapping = [claim for claim in claims if claim.span.start < end and start < claim.span.end]
            extra = [claim.counted for claim in overlapping] + [claim.unit for claim in overlapping]
            sentence = _sentence_of(spans, start, end, document.text)
            counted = number.counted or ""
            annotation = number.id if isinstance(number, NumberAnnotation) else None
            found.append(
                SourceNumber(
                    document=document.id,
                    annotation=annotation,
                    fact=number.fact if isinstance(number, NumberAnnotation) else None,
                    number=number,
                    heads=number_heads(number, *extra),
                    context=frozenset(content_lemmas(sentence) | content_lemmas(counted)),
                    description=describe(number),
                )
            )
    return tuple(found)


def describe(number: NumberClaim | NumberAnnotation) -> str:
    counted = f" ({number.counted})" if number.counted and number.counted not in number.span.text else ""
    return f"'{number.span.text}'{counted}"


def _scale(number: NumberClaim | NumberAnnotation) -> float:
    """Durations compare in days ("three-week" against "three-month"); other quantities as they are."""
    return DAYS_PER_UNIT.get(number.unit or "", 1.0) if number_measure(number) == "duration" else 1.0


def number_bounds(number: NumberClaim | NumberAnnotation) -> tuple[float, float, bool, bool] | None:
    """(low, high, low_open, high_open) with infinite ends; durations in days; dates in days since 0001-01-01."""
    if number.kind in TIME_KINDS:
        covered = day_range(number.date) if number.date else None
        if covered is None:
            return None
        return float(covered[0].toordinal()), float(covered[1].toordinal()), False, False
    if number.low is None and number.high is None:
        return None
    scale = _scale(number)
    low = -math.inf if number.low is None else number.low * scale
    high = math.inf if number.high is None else number.high * scale
    return low, high, number.low_open, number.high_open


def _overlap(first: tuple[float, float, bool, bool], second: tuple[float, float, bool, bool]) -> bool:
    low, low_open = max((first[0], first[2]), (second[0], second[2]))
    high, high_closed = min((first[1], not first[3]), (second[1], not second[3]))
    return low < high or (low == high and not low_open and high_closed)


def _inside(inner: tuple[float, float, bool, bool], outer: tuple[float, float, bool, bool]) -> bool:
    low_ok = inner[0] > outer[0] or (inner[0] == outer[0] and (inner[2] or not outer[2]))
    high_ok = inner[1] < outer[1] or (inner[1] == outer[1] and (inner[3] or not outer[3]))
    return low_ok and high_ok


def number_point(number: NumberClaim | NumberAnnotation) -> float | None:
    """The point value the writer named, in the units `number_bounds` uses; None for dates and vague words."""
    if number.kind in TIME_KINDS or number.qualifier == "vague" or number.value is None:
        return None
    return number.value * _scale(number)


def relation(claim: NumberClaim, source: NumberClaim | NumberAnnotation) -> Relation | None:
    """How a source number bears on a claim of the same measure, or None when either has no value."""
    claim_bounds, source_bounds = number_bounds(claim), number_bounds(source)
    if claim_bounds is None or source_bounds is None:
        return None
    if not _overlap(claim_bounds, source_bounds):
        return "conflicts"
    claim_point, source_point = number_point(claim), number_point(source)
    both_points = claim_point is not None and source_point is not None
    if _inside(source_bounds, claim_bounds) or (both_points and math.isclose(claim_point or 0, source_point or 0)):
        return "supports"
    return "conflicts" if both_points else "consistent"


def number_width(number: NumberClaim | NumberAnnotation) -> float:
    bounds = number_bounds(number)
    return math.inf if bounds is None else bounds[1] - bounds[0]
