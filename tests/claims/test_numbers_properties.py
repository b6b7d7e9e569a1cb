"""Properties of the number finder: digits and number words round-trip, qualifiers bound, spans are slices."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.numbers import find_numbers
from harness.claims.numbers.lexicon import interval
from harness.claims.numbers.units import resolve_unit

resolve_unit("m")  # the units registry loads once (about half a second), before any timed example

ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_below_thousand(number: int, *, hyphen: bool, use_and: bool) -> str:
    hundreds, rest = divmod(number, 100)
    parts = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        if rest < 20:
            tail = ONES[rest]
        else:
            tens, ones = divmod(rest, 10)
            tail = TENS[tens] + (("-" if hyphen else " ") + ONES[ones] if ones else "")
        parts.append(("and " if use_and and hundreds else "") + tail)
    return " ".join(parts)


def render_words(number: int, *, hyphen: bool = True, use_and: bool = True) -> str:
    """English words for 0..999,999: 'one hundred and five thousand, twenty-one' style, without the comma."""
    if number == 0:
        return "zero"
    thousands, rest = divmod(number, 1000)
    parts = []
    if thousands:
        parts.append(words_below_thousand(thousands, hyphen=hyphen, use_and=use_and) + " thousand")
    if rest:
        parts.append(words_below_thousand(rest, hyphen=hyphen, use_and=use_and))
    return " ".join(parts)


def test_renderer_is_right_on_hand_checked_values() -> None:
    assert render_words(105) == "one hundred and five"
    assert render_words(21) == "twenty-one"
    assert render_words(40_012) == "forty thousand twelve"
    assert render_words(999_999, use_and=False) == "nine hundred ninety-nine thousand nine hundred ninety-nine"


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_integer_digits_round_trip(number: int, grouped: bool) -> None:
    text = f"{number:,}" if grouped else str(number)
    claims = find_numbers(f"They counted {text} ballots.")
    assert len(claims) == 1
    assert claims[0].value == number
    assert claims[0].span.text == f"{text} ballots"


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False), st.booleans(),
       st.integers(min_value=1, max_value=4))  # fmt: skip
def test_decimal_digits_round_trip(number: float, grouped: bool, places: int) -> None:
    text = f"{number:,.{places}f}" if grouped else f"{number:.{places}f}"
    claims = find_numbers(f"It rose {text} points.")
    assert len(claims) == 1
    assert claims[0].value == float(text.replace(",", ""))


@given(st.integers(min_value=0, max_value=999_999), st.booleans(), st.booleans())
def test_number_words_round_trip(number: int, hyphen: bool, use_and: bool) -> None:
    text = render_words(number, hyphen=hyphen, use_and=use_and)
    claims = find_numbers(f"Officials counted {text} ballots.")
    assert [claim.value for claim in claims] == [number]
    assert claims[0].span.text == f"{text} ballots"


QUALIFIER_WORDS = {
    "exact": "",
    "approximately": "around ",
    "nearly": "nearly ",
    "more_than": "more than ",
    "at_least": "at least ",
    "fewer_than": "fewer than ",
    "at_most": "up to ",
}


def contains(low: float | None, high: float | None, low_open: bool, high_open: bool, point: float) -> bool:
    above = low is None or point > low or (point == low and not low_open)
    below = high is None or point < high or (point == high and not high_open)
    return above and below


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(sorted(QUALIFIER_WORDS)))
def test_qualifier_intervals(value: int, qualifier: str) -> None:
    claims = find_numbers(f"They counted {QUALIFIER_WORDS[qualifier]}{value} ballots.")
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.qualifier, claim.value) == (qualifier, value)
    bounds = (claim.low, claim.high, claim.low_open, claim.high_open)
    assert bounds == interval(value, qualifier)  # type: ignore[arg-type]
    named_point_inside = contains(*bounds, point=value)
    assert named_point_inside is (qualifier not in {"nearly", "more_than", "fewer_than"})
    assert contains(*bounds, point=value * 2) is (qualifier in {"more_than", "at_least"})
    assert contains(*bounds, point=value * 0.95) is (qualifier in {"approximately", "nearly", "fewer_than", "at_most"})
    if claim.low is not None and claim.high is not None:
        assert claim.low <= claim.high and math.isfinite(claim.low)


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_finder_never_raises_and_spans_are_slices(text: str) -> None:
    for claim in find_numbers(text):
        assert text[claim.span.start : claim.span.end] == claim.span.text
        assert claim.span.start < claim.span.end


NUMBERY = st.sampled_from(
    [*"0123456789,.-/%$ ", "Sept.", "September", " 4th ", " of ", "nearly ", "a dozen", "hundreds", "year"]
)


@settings(max_examples=300)
@given(st.lists(NUMBERY, max_size=60).map("".join))
def test_finder_on_number_like_noise(text: str) -> None:
    for claim in find_numbers(text):
        assert text[claim.span.start : claim.span.end] == claim.span.text
