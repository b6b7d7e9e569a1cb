"""Portions of a scale word or of one unit of time read as one value: "half a million", "a quarter of an hour"."""

from __future__ import annotations

import pytest

from harness.claims.numbers import find_numbers

PORTIONS = [
    ("Bail was set at half a million dollars.", "half a million dollars", "money", 500_000.0, "dollar"),
    ("The club owes half a billion pounds.", "half a billion pounds", "money", 500_000_000.0, "pound"),
    ("A quarter of a million people marched.", "A quarter of a million", "cardinal", 250_000.0, "person"),
    ("Three quarters of a million homes lost power.", "Three quarters of a million", "cardinal", 750_000.0, "home"),
    ("The drive takes half an hour.", "half an hour", "duration", 0.5, "hour"),
    ("The walk takes a quarter of an hour.", "a quarter of an hour", "duration", 0.25, "hour"),
    ("The talks lasted three quarters of an hour.", "three quarters of an hour", "duration", 0.75, "hour"),
    ("The strike cost them half a day.", "half a day", "duration", 0.5, "day"),
    ("The meeting ran for an hour and a half.", "an hour and a half", "duration", 1.5, "hour"),
    ("She bought half a dozen eggs.", "half a dozen", "cardinal", 6.0, "egg"),
    ("It is a half-hour drive away.", "a half-hour", "duration", 0.5, "hour"),
    ("He played the last half-hour.", "half-hour", "duration", 0.5, "hour"),
    ("The bus takes a quarter-hour.", "a quarter-hour", "duration", 0.25, "hour"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), PORTIONS)
def test_a_portion_is_one_value(text: str, span: str, kind: str, value: float, unit: str) -> None:
    found = [number for number in find_numbers(text) if number.span.text.startswith(span)]
    assert len(found) == 1, find_numbers(text)
    assert (found[0].kind, found[0].value, found[0].unit) == (kind, pytest.approx(value), unit)


def test_plain_fractions_and_one_unit_offsets_are_read_as_before() -> None:
    shares = [(number.span.text, number.kind) for number in find_numbers("Half of the staff and a third of voters.")]
    assert shares == [("Half", "fraction"), ("a third", "fraction")]
    offset = find_numbers("He was charged a day after the crash.")
    assert [(number.kind, number.value, number.unit) for number in offset] == [("duration", 1.0, "day")]
