"""Parts of a scale word or of one unit of time: "half a million dollars" (500,000 dollars), "a quarter of a
billion", "half an hour", "a half-hour", "a quarter of an hour", "three quarters of an hour", "an hour and a
half".

Read before the plain fraction grammar, which would take "half" or "a quarter" as a share and "a million" as a
separate whole million.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from harness.claims.numbers.lexicon import FRACTION_WORDS, SCALE_WORDS, TIME_UNITS
from harness.claims.numbers.tokens import Token
from harness.claims.numbers.words import read_number_words

if TYPE_CHECKING:
    from harness.claims.numbers.parse import Expression

QuantityReader = Callable[[Sequence[Token], int], "Expression | None"]
_ONE = frozenset({"a", "an"})


def _lower(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def _part(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """The share a portion phrase starts with and where its whole begins: "half" (0.5, next), "a quarter of"
    or "three quarters of" (0.25 / 0.75, after "of")."""
    lower = _lower(tokens, index)
    if lower == "half":
        return 0.5, index + 1
    if lower in _ONE or lower == "one":
        numerator, position = 1.0, index + 1
    else:
        reading = read_number_words(tokens, index)
        if reading is None or reading.ordinal or reading.value >= 10:
            return None
        numerator, position = reading.value, reading.last + 1
    fraction = FRACTION_WORDS.get(_lower(tokens, position))
    if fraction is None or _lower(tokens, position) == "half" or _lower(tokens, position + 1) != "of":
        return None
    return numerator * fraction, position + 2


def _one_time_unit(tokens: Sequence[Token], index: int) -> str | None:
    """The unit of "a day", "an hour" at `index` (singular only), else None."""
    word = _lower(tokens, index + 1)
    if _lower(tokens, index) in _ONE and word in TIME_UNITS and not word.endswith("s"):
        return TIME_UNITS[word]
    return None


def _part_of_unit(tokens: Sequence[Token], index: int) -> tuple[float, int, str] | None:
    """ "half-hour", "half hour", "quarter-hour" at `index`: (share, index of the unit word, unit)."""
    share = {"half": 0.5, "quarter": 0.25}.get(_lower(tokens, index))
    position = index + 2 if _lower(tokens, index + 1) == "-" else index + 1
    word = _lower(tokens, position)
    if share is None or word not in TIME_UNITS or word.endswith("s"):
        return None
    return share, position, TIME_UNITS[word]


def read_portion(tokens: Sequence[Token], index: int, read_quantity: QuantityReader) -> Expression | None:
    """A portion of one scale word or one unit of time at `index`, else None (`read_quantity` reads the whole
    after the portion words, so "half a million dollars" keeps its currency)."""
    from harness.claims.numbers.parse import Expression

    hyphened = _part_of_unit(tokens, index + 1 if _lower(tokens, index) in _ONE else index)
    if hyphened is not None:
        part, last, part_unit = hyphened
        return Expression(index, last, "duration", part, part, part, unit=part_unit)
    unit = _one_time_unit(tokens, index)
    if unit is not None and [_lower(tokens, index + step) for step in (2, 3, 4)] == ["and", "a", "half"]:
        return Expression(index, index + 4, "duration", 1.5, 1.5, 1.5, unit=unit)
    found = _part(tokens, index)
    if found is None:
        return None
    share, whole = found
    unit = _one_time_unit(tokens, whole)
    if unit is not None:
        return Expression(index, whole + 1, "duration", share, share, share, unit=unit)
    if _lower(tokens, whole) not in _ONE or _lower(tokens, whole + 1) not in SCALE_WORDS:
        return None
    core = read_quantity(tokens, whole)
    if core is None or core.value is None or core.low is None or core.high is None:
        return None
    return replace(core, first=index, value=core.value * share, low=core.low * share, high=core.high * share)
