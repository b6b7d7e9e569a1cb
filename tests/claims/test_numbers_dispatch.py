"""The finder's first-word dispatch: stepping over words no reader starts at finds exactly what trying them does."""

from __future__ import annotations

import datetime as dt

import pytest

from harness.claims.numbers import find
from harness.claims.numbers.find import find_numbers
from harness.claims.numbers.tokens import tokenize

TEXTS = [
    "Early next month, about 1,200 people -- nearly two-thirds of them aged 19 -- met on Sept. 4, 2018 in Rome.",
    "Between 3 and 5 per cent of the vote, a range of 10-15% and an average 3-4 nT; pH 7 and more than $2m.",
    "Yesterday three-quarters of the 12 countries voted 4-1; last Wednesday the first of two trials began.",
    "Mid-September a week ago, earlier this year, in recent weeks: a dozen hundreds of fans, one of them, no one.",
    "The 1990s saw twenty-one firms fined between £9.15 and £9.40 (Smith et al., 2011) over three seasons.",
    "Fig. 5 shows 350 electrons at 25 \u00b0C; up to at least 3 km away, roughly 40 years have not passed.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_stepping_over_non_starters_finds_the_same_numbers(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = find_numbers(text, anchor=dt.date(2018, 9, 5))
    every_word = frozenset(token.lower for token in tokenize(text))
    monkeypatch.setattr(find, "_WORD_STARTERS", every_word)  # every word tried by every reader
    assert find_numbers(text, anchor=dt.date(2018, 9, 5)) == fast
    assert fast  # each text holds numbers, so the comparison is not between two empty lists


def test_a_text_without_starters_has_no_numbers() -> None:
    assert find_numbers("Officials said the talks would continue despite objections from the opposition.") == []
