"""Source numbers for number verdicts: gold annotations or found numbers, with heads, context and intervals.

The comparison primitives live here too: which measure a number has, the interval (or days) it covers, and
how a source number bears on a claim (supports, consistent, conflicts); `verdicts.numbers` documents the rule.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from harness.claims.numbers import find_numbers
from harness.claims.numbers.counted import content_lemmas, phrase_head, singular
from harness.claims.numbers.dates import day_range
from harness.claims.numbers.lexicon import TIME_UNITS
from harness.claims.numbers.units import Unit, resolve_unit
from harness.core.claim_types import NumberClaim
from harness.core.text import TextSpan, sentence_holding, sentences
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
_COUNT_NOUNS = frozenset({"point", "bar", "hand", "stone", "shot", "cup", "turn", "gross", "dozen", "score"})
"""Nouns that pint also defines as units: as a count's unit ("three points") they name what is counted."""


def measured_unit(number: NumberClaim | NumberAnnotation) -> Unit | None:
    """The physical unit of a measured quantity ("1.5 km"), as the finder writes it (pint's canonical name);
    None for counts, whose unit is the counted noun."""
    if number.kind not in {"cardinal", "vague"} or not number.unit or number.unit in _COUNT_NOUNS:
        return None
    unit = resolve_unit(number.unit)
    return unit if unit is not None and unit.name == number.unit and unit.dimension != "[time]" else None


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
    negated: bool = False
    measure: str = field(init=False)
    bounds: tuple[float, float, bool, bool] | None = field(init=False)
    point: float | None = field(init=False)

    def __post_init__(self) -> None:
        """Measure, bounds and point are read for every claim of every summary: computed once here."""
        object.__setattr__(self, "measure", number_measure(self.number))
        object.__setattr__(self, "bounds", number_bounds(self.number))
        object.__setattr__(self, "point", number_point(self.number))


def number_measure(number: NumberClaim | NumberAnnotation) -> str:
    if number.kind in TIME_KINDS:
        return "time"
    if number.kind == "ordinal":
        return "ordinal"
    if number.kind == "percent":
        return "percentage_point" if number.unit == "percentage point" else "percent"
    if number.unit in DAYS_PER_UNIT or number.kind == "duration":
        return "duration"
    if number.kind == "money":
        return f"money:{number.unit}"
    measured = measured_unit(number)
    return f"quantity:{measured.dimension}" if measured is not None else "count"


def number_heads(number: NumberClaim | NumberAnnotation, *extra: str | None) -> frozenset[str]:
    """Nouns naming what a number counts or scopes (time-unit words left out: they are the measure)."""
    found: set[str] = set()
    measured = measured_unit(number) is not None
    if number.kind not in _SCOPED_KINDS and number.kind not in TIME_KINDS and number.unit and not measured:
        found.add(singular(number.unit))
    for text in (number.counted, *extra):
        head = phrase_head(text) if text else None
        if head:
            found.add(head)
    return frozenset(head for head in found if head not in _TIME_UNIT_WORDS and head != "percent")


def _sentence_of(spans: Sequence[TextSpan], start: int, end: int, text: str) -> str:
    """The sentence holding [start, end), else 150 characters around it."""
    held = sentence_holding(spans, start, end)
    return held.text if held is not None else text[max(0, start - 150) : end + 150]


def _overlapping(claims: Sequence[NumberClaim], ends: Sequence[int], start: int, end: int) -> list[NumberClaim]:
    """The found claims that overlap [start, end); they are sorted and disjoint, so `ends` is sorted too."""
    found = []
    for position in range(bisect_right(ends, start), len(claims)):
        if claims[position].span.start >= end:
            break
        found.append(claims[position])
    return found


def label(document: str) -> str:
    return document.split("_", 1)[0]


def in_furniture(document: GoldDocument, start: int, end: int) -> bool:
    return any(item.span.start < end and start < item.span.end for item in document.furniture)


def source_numbers(sources: Sources) -> tuple[SourceNumber, ...]:
    """Every comparable number of the sources: gold annotations in gold mode, else the finder's numbers."""
    found: list[SourceNumber] = []
    for document in sources.documents:
        spans = sentences(document.text)
        claims = find_numbers(document.text, anchor=sources.anchor(document))
        ends = [claim.span.end for claim in claims]
        numbers: Iterable[NumberClaim | NumberAnnotation] = document.numbers if sources.gold else claims
        for number in numbers:
            start, end = number.span.start, number.span.end
            if in_furniture(document, start, end):
                continue
            overlapping = _overlapping(claims, ends, start, end)
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
                    negated=is_negated(document.text, start, end),
                )
            )
    return tuple(found)


_NEGATED_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:have|has|had|was|were|is|are|did|do|does|will|would|could|can)\s+(?:not|never)\b"
    r"|\s*(?:\w+\s+){0,2}?(?:haven|hasn|hadn|wasn|weren|isn|aren|didn|don|doesn|won|wouldn|couldn|can)['\u2019]t\b",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+)?$", re.IGNORECASE)


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the clause states the number's fact as not so: a negated auxiliary within two words after it
    ("40 years have not passed", "12 countries were not invited") or "not"/"no" just before it."""
    return bool(_NEGATED_AFTER.match(text, end, min(len(text), end + 60))) or bool(
        _NEGATED_BEFORE.search(text, max(0, start - 20), start)
    )


def denied_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content lemmas of what a negation of the number's clause denies: up to three words after the negated
    auxiliary ("40 years have not passed since ..."), or the word between "not" and the number ("has not
    invited 12 countries"); empty when the number itself is negated ("not 12")."""
    after = _NEGATED_AFTER.match(text, end, min(len(text), end + 60))
    if after is not None:
        return content_lemmas(" ".join(text[after.end() : after.end() + 60].split()[:3]))
    before = _NEGATED_BEFORE.search(text, max(0, start - 20), start)
    return content_lemmas(before.group()) if before is not None else frozenset()


def describe(number: NumberClaim | NumberAnnotation) -> str:
    counted = f" ({number.counted})" if number.counted and number.counted not in number.span.text else ""
    return f"'{number.span.text}'{counted}"


def _scale(number: NumberClaim | NumberAnnotation) -> float:
    """Durations compare in days ("three-week" against "three-month"); other quantities as they are."""
    return DAYS_PER_UNIT.get(number.unit or "", 1.0) if number_measure(number) == "duration" else 1.0


def _in_base(number: NumberClaim | NumberAnnotation, value: float) -> float:
    """A value in the unit its measure compares in: days for durations, the base unit for measured quantities
    ("1.5 km" is 1500 m, "25 °C" 298.15 K)."""
    measured = measured_unit(number)
    if measured is None:
        return value * _scale(number)
    return float(f"{measured.to_base(value):.12g}")  # 212 °F and 100 °C meet despite rounding


def number_bounds(number: NumberClaim | NumberAnnotation) -> tuple[float, float, bool, bool] | None:
    """(low, high, low_open, high_open) with infinite ends; durations in days; dates in days since 0001-01-01."""
    if number.kind in TIME_KINDS:
        covered = day_range(number.date) if number.date else None
        if covered is None:
            return None
        return float(covered[0].toordinal()), float(covered[1].toordinal()), False, False
    if number.low is None and number.high is None:
        return None
    low = -math.inf if number.low is None else _in_base(number, number.low)
    high = math.inf if number.high is None else _in_base(number, number.high)
    if number_measure(number) == "count":
        return _whole(low, high, number.low_open, number.high_open)
    return low, high, number.low_open, number.high_open


def _whole(low: float, high: float, low_open: bool, high_open: bool) -> tuple[float, float, bool, bool]:
    """A count's interval narrowed to the whole numbers it holds: "fewer than four" is [0, 3], "approximately
    four" [3.6, 4.4] is [4, 4], so the two conflict. An interval holding no whole number is left as it is."""
    whole_low = low if math.isinf(low) else (math.floor(low) + 1 if low_open else math.ceil(low))
    whole_high = high if math.isinf(high) else (math.ceil(high) - 1 if high_open else math.floor(high))
    if whole_low > whole_high:
        return low, high, low_open, high_open
    return whole_low, whole_high, False, False


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
    return _in_base(number, number.value)


def relation(claim: NumberClaim, source: NumberClaim | NumberAnnotation) -> Relation | None:
    """How a source number bears on a claim of the same measure, or None when either has no value."""
    return bounds_relation(number_bounds(claim), number_point(claim), number_bounds(source), number_point(source))


def bounds_relation(
    claim_bounds: tuple[float, float, bool, bool] | None,
    claim_point: float | None,
    source_bounds: tuple[float, float, bool, bool] | None,
    source_point: float | None,
) -> Relation | None:
    """`relation` on precomputed bounds and points (`SourceNumber` keeps its own)."""
    if claim_bounds is None or source_bounds is None:
        return None
    if not _overlap(claim_bounds, source_bounds):
        return "conflicts"
    both_points = claim_point is not None and source_point is not None
    if _inside(source_bounds, claim_bounds) or (both_points and math.isclose(claim_point or 0, source_point or 0)):
        return "supports"
    return "conflicts" if both_points else "consistent"


def number_width(number: NumberClaim | NumberAnnotation) -> float:
    bounds = number_bounds(number)
    return math.inf if bounds is None else bounds[1] - bounds[0]
