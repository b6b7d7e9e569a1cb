"""The number finder on every form a writer uses: value or interval, unit, qualifier, date and span."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest

from harness.claims.numbers import find_numbers
from harness.core.claim_types import NumberClaim

ANCHOR = dt.date(2018, 8, 23)  # a Thursday, ISO week 34
INF = math.inf


def only(text: str, anchor: dt.date | None = ANCHOR) -> NumberClaim:
    claims = find_numbers(text, anchor=anchor)
    assert len(claims) == 1, [claim.span.text for claim in claims]
    return claims[0]


def interval(claim: NumberClaim) -> tuple[float, float, bool, bool]:
    low = -INF if claim.low is None else claim.low
    high = INF if claim.high is None else claim.high
    return (low, high, claim.low_open, claim.high_open)


# text, span, kind, value, (low, high, low_open, high_open), unit, qualifier
QUANTITIES: list[tuple[str, str, str, float | None, tuple[float, float, bool, bool], str | None, str]] = [
    ("Russia invited 12 countries.", "12 countries", "cardinal", 12, (12, 12, False, False), "country", "exact"),
    ("It cost 1,200 dollars.", "1,200 dollars", "money", 1200, (1200, 1200, False, False), "dollar", "exact"),
    ("Some 40,000 troops", "Some 40,000 troops", "cardinal", 40000, (36000, 44000, False, False), "troop",
     "approximately"),
    ("a rise of 3.5 points", "3.5 points", "cardinal", 3.5, (3.5, 3.5, False, False), "point", "exact"),
    ("twelve countries", "twelve countries", "cardinal", 12, (12, 12, False, False), "country", "exact"),
    ("twenty-one people", "twenty-one people", "cardinal", 21, (21, 21, False, False), "person", "exact"),
    ("one hundred and five people", "one hundred and five people", "cardinal", 105, (105, 105, False, False),
     "person", "exact"),
    ("a dozen countries", "a dozen countries", "cardinal", 12, (12, 12, False, False), "country", "exact"),
    ("two dozen countries", "two dozen countries", "cardinal", 24, (24, 24, False, False), "country", "exact"),
    ("half a dozen countries", "half a dozen countries", "cardinal", 6, (6, 6, False, False), "country", "exact"),
    ("1.5 million people", "1.5 million people", "cardinal", 1.5e6, (1.5e6, 1.5e6, False, False), "person",
     "exact"),
    ("a $40m deal", "$40m", "money", 4e7, (4e7, 4e7, False, False), "dollar", "exact"),
    ("four decades of war", "four decades", "duration", 40, (40, 40, False, False), "year", "exact"),
    ("nearly four decades", "nearly four decades", "duration", 40, (36, 40, False, True), "year", "nearly"),
    ("a three-month ceasefire", "three-month", "duration", 3, (3, 3, False, False), "month", "exact"),
    ("a decade-long occupation", "decade-long", "duration", 10, (10, 10, False, False), "year", "exact"),
    ("a 40-year war", "40-year", "duration", 40, (40, 40, False, False), "year", "exact"),
    ("Nearly 40 years have passed", "Nearly 40 years", "duration", 40, (36, 40, False, True), "year", "nearly"),
    ("40% of districts", "40%", "percent", 40, (40, 40, False, False), "percent", "exact"),
    ("40 percent of districts", "40 percent", "percent", 40, (40, 40, False, False), "percent", "exact"),
    ("40 per cent of districts", "40 per cent", "percent", 40, (40, 40, False, False), "percent", "exact"),
    ("around 40 percent of the districts", "around 40 percent", "percent", 40, (36, 44, False, False), "percent",
     "approximately"),
    ("At least four senior Taliban members", "At least four senior Taliban members", "cardinal", 4,
     (4, INF, False, False), "member", "at_least"),
    ("more than 40 years", "more than 40 years", "duration", 40, (40, INF, True, False), "year", "more_than"),
    ("over 40 people", "over 40 people", "cardinal", 40, (40, INF, True, False), "person", "more_than"),
    ("almost 40 people", "almost 40 people", "cardinal", 40, (36, 40, False, True), "person", "nearly"),
    ("about 40 people", "about 40 people", "cardinal", 40, (36, 44, False, False), "person", "approximately"),
    ("approximately four officials", "approximately four officials", "cardinal", 4, (3.6, 4.4, False, False),
     "official", "approximately"),
    ("up to 10 people", "up to 10 people", "cardinal", 10, (0, 10, False, False), "person", "at_most"),
    ("fewer than 10 people", "fewer than 10 people", "cardinal", 10, (0, 10, False, True), "person", "fewer_than"),
    ("less than 10 people", "less than 10 people", "cardinal", 10, (0, 10, False, True), "person", "fewer_than"),
    ("under 10 people", "under 10 people", "cardinal", 10, (0, 10, False, True), "person", "fewer_than"),
    ("the 4th round", "4th", "ordinal", 4, (4, 4, False, False), None, "exact"),
    ("the fourth round", "fourth", "ordinal", 4, (4, 4, False, False), None, "exact"),
    ("Hundreds of people", "Hundreds of people", "vague", None, (200, 1000, False, True), "person", "vague"),
    ("thousands of people", "thousands of people", "vague", None, (2000, 10000, False, True), "person", "vague"),
    ("dozens of people", "dozens of people", "vague", None, (24, 100, False, True), "person", "vague"),
    ("several countries", "several countries", "vague", None, (3, 9, False, False), "country", "vague"),
    ("a few countries", "a few countries", "vague", None, (2, 5, False, False), "country", "vague"),
    ("a number of countries", "a number of countries", "vague", None, (2, INF, False, False), "country", "vague"),
    ("decades of war", "decades", "duration", None, (20, 100, False, True), "year", "vague"),
    ("hours after the vote", "hours", "duration", None, (2, 24, False, True), "hour", "vague"),
    ("a day after the remarks", "a day", "duration", 1, (1, 1, False, False), "day", "exact"),
    ("one of the biggest forays", "one of the biggest forays", "cardinal", 1, (1, 1, False, False), "foray",
     "exact"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "kind", "value", "bounds", "unit", "qualifier"), QUANTITIES)
def test_quantity_forms(
    text: str,
    span: str,
    kind: str,
    value: float | None,
    bounds: tuple[float, float, bool, bool],
    unit: str | None,
    qualifier: str,
) -> None:
    claim = only(text)
    assert claim.span.text == span
    assert text[claim.span.start : claim.span.end] == span
    assert (claim.kind, claim.value, claim.unit, claim.qualifier) == (kind, value, unit, qualifier)
    assert interval(claim) == pytest.approx(bounds)


# text, span, kind, date (anchor 2018-08-23, a Thursday)
DATES: list[tuple[str, str, str, str]] = [
    ("talks on Sept. 4 in Moscow", "Sept. 4", "date", "2018-09-04"),
    ("talks on Sep 4 in Moscow", "Sep 4", "date", "2018-09-04"),
    ("talks on September 4 in Moscow", "September 4", "date", "2018-09-04"),
    ("talks on 4 September in Moscow", "4 September", "date", "2018-09-04"),
    ("talks on the 4th of September", "4th of September", "date", "2018-09-04"),
    ("talks on September 4, 2018, in Moscow", "September 4, 2018", "date", "2018-09-04"),
    ("talks on 4 Sept 2018 in Moscow", "4 Sept 2018", "date", "2018-09-04"),
    ("talks on 2018-09-04 in Moscow", "2018-09-04", "date", "2018-09-04"),
    ("talks on 9/4/2018 in Moscow", "9/4/2018", "date", "2018-09-04"),
    ("talks on 23/8/2018 in Moscow", "23/8/2018", "date", "2018-08-23"),
    ("the talks in September", "September", "date", "2018-09"),
    ("talks in September 2019", "September 2019", "date", "2019-09"),
    ("talks next month", "next month", "date", "2018-09"),
    ("talks early next month", "early next month", "date", "2018-09-01/2018-09-10"),
    ("said this week", "this week", "date", "2018-W34"),
    ("said earlier this week", "earlier this week", "date", "2018-08-20/2018-08-22"),
    ("said earlier this month", "earlier this month", "date", "2018-08-01/2018-08-22"),
    ("happened this year", "this year", "date", "2018"),
    ("said on Wednesday", "Wednesday", "date", "2018-08-22"),
    ("said on Thursday", "Thursday", "date", "2018-08-23"),
    ("will meet next Monday", "next Monday", "date", "2018-08-27"),
    ("said Earlier on Wednesday", "Earlier on Wednesday", "date", "2018-08-22"),
    ("in recent weeks", "recent weeks", "date", "2018-07-19/2018-08-23"),
    ("in recent months", "recent months", "date", "2017-08/2018-08"),
    ("a few days back", "a few days back", "date", "2018-08-18/2018-08-21"),
    ("two years ago", "two years ago", "date", "2016"),
    ("the invasion of 2001", "2001", "year", "2001"),
    ("in 2018 it grew", "2018", "year", "2018"),
    ("in the 1990s", "1990s", "year", "199"),
]


@pytest.mark.parametrize(("text", "span", "kind", "date"), DATES)
def test_date_forms(text: str, span: str, kind: str, date: str) -> None:
    claim = only(text)
    assert (claim.span.text, claim.kind, claim.date) == (span, kind, date)
    assert text[claim.span.start : claim.span.end] == span


def test_year_value_is_the_year() -> None:
    claim = only("the U.S.-led invasion of 2001")
    assert (claim.value, claim.low, claim.high) == (2001, 2001, 2001)


def test_month_day_without_anchor_keeps_no_year() -> None:
    assert only("talks on Sept. 4", anchor=None).date == "--09-04"
    assert only("said on Wednesday", anchor=None).date is None


def test_nearest_year_is_chosen_across_new_year() -> None:
    assert only("talks on January 5", anchor=dt.date(2018, 12, 20)).date == "2019-01-05"


def test_counted_noun_phrase() -> None:
    claims = find_numbers("At least four senior Taliban members will attend, and 12 countries were invited.")
    assert [claim.counted for claim in claims] == ["senior Taliban members", "countries"]
    percent = only("around 40 percent of the country's districts")
    assert percent.counted == "country's districts"
    assert only("rejected a three-month ceasefire and said").counted == "ceasefire"


NOT_NUMBERS = [
    "Russia-led talks and multinational forces",
    "one of 12 countries",  # only "12 countries"
    "no one came",
    "at first they refused",
    "version 3.5.2 shipped",
    "the a62630 article",
    "an F-16 jet",
    "see https://example.com/2018/08/23/story and mail team@example.com",
    "may be possible",
    "the march on the capital",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    found = [claim.span.text for claim in find_numbers(text, anchor=ANCHOR)]
    assert found == (["12 countries"] if "12" in text else [])


ODD_STRINGS: list[tuple[str, list[tuple[str, Any]]]] = [
    ("1,2,3", [("1", 1), ("2", 2), ("3", 3)]),
    ("40%%", [("40%", 40)]),
    ("\x00\x07 12 \x1b countries", [("12", 12)]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), ODD_STRINGS)
def test_odd_strings(text: str, expected: list[tuple[str, Any]]) -> None:
    assert [(claim.span.text, claim.value) for claim in find_numbers(text)] == expected


def test_long_input_is_linear() -> None:
    sentence = "Nearly 40 years after 12 countries met on Sept. 4, hundreds of people came. "
    claims = find_numbers(sentence * 1500, anchor=ANCHOR)  # 21,000 words
    assert len(claims) == 4 * 1500
    assert find_numbers("1" * 100_000 + "," * 50_000 + "a" * 100_000) is not None


def test_every_gold_number_annotation_is_found_with_its_value() -> None:
    """The real goldset's number layer: same span and the same normalized meaning for every annotation."""
    from harness.goldset.load import load_goldset

    goldset = load_goldset()
    annotations = [(document, number) for document in goldset.documents for number in document.numbers]
    assert len(annotations) >= 50
    disagreements = []
    for document, gold in annotations:
        found = {
            (claim.span.start, claim.span.end): claim
            for claim in find_numbers(document.text, anchor=document.info.date)
        }
        claim = found.get((gold.span.start, gold.span.end))
        fields = ("kind", "value", "low", "high", "low_open", "high_open", "unit", "qualifier")
        expected = tuple(getattr(gold, name) for name in fields)
        actual = tuple(getattr(claim, name) for name in fields) if claim else None
        # a duration's date is the day an offset places an event on: context the finder cannot know
        date_matches = claim is not None and (gold.kind == "duration" or claim.date == gold.date)
        if actual != expected or not date_matches:
            disagreements.append((document.id, gold.id, gold.span.text))
    assert disagreements == []
