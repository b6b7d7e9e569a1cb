"""Numbers inside proper names are no claims; counts at a sentence's start and in lower-case text still are."""

from __future__ import annotations

import pytest

from harness.claims.numbers import find_numbers


@pytest.mark.parametrize(
    "text",
    [
        "England lost their Six Nations match in Cardiff.",
        "League Two side Colchester signed the defender.",
        "He played in League Two last season.",
        "The Formula One boss said the race would go ahead.",
        "The Formula 1 boss said the race would go ahead.",
        "The camp was liberated at the end of World War Two.",
        "The First Minister said the economy had grown.",
        "Veterans of the Second World War gathered in the town.",
    ],
)
def test_a_number_inside_a_name_is_no_claim(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Three Scottish athletes were named in the team.", "Three Scottish athletes"),
        ("Two men were arrested in the town.", "Two men"),
        ("Roughly 50 people came to the vigil.", "Roughly 50 people"),
        ("Police said 12 people died in March 2016.", "12 people"),
        ("Options 1, 2 and 3 were tabled.", "1"),
        ("england lost their six nations match.", "six nations"),
        ("The first minister said the economy had grown.", "first"),
    ],
)
def test_counts_at_a_sentence_start_and_in_lower_case_stay_claims(text: str, claim: str) -> None:
    assert [found.span.text for found in find_numbers(text)][:1] == [claim]


def test_dates_are_read_before_names() -> None:
    assert [found.kind for found in find_numbers("Chelsea beat Arsenal in March 2016.")] == ["date"]
