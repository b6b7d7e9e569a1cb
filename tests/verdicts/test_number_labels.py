"""Labels ("Game 7"), tallies ("voted 4-1"), "over N <periods>" and portions state a summary's number."""

from __future__ import annotations

import pytest

from harness.verdicts.numbers import number_findings
from harness.verdicts.sources import Sources


def verdict(summary: str, source: str, text: str) -> str:
    sources = Sources.from_texts("c", {"d": source})
    found = [finding.verdict for finding in number_findings(summary, sources) if finding.text == text]
    assert len(found) == 1, number_findings(summary, sources)
    return found[0]


STATED = [
    ("They lost the seventh game at home.", "The Owls lost Game 7 at home on Sunday.", "seventh"),
    ("He won the twelfth stage of the race.", "He won stage 12, a mountain finish, by a minute.", "twelfth"),
    ("Rain stopped play on the third day.", "Rain stopped play on Day 3 after lunch.", "third"),
    ("The council approved the plan by four votes to one.", "The council voted 4-1 to approve the plan.", "four votes"),
    ("The plan passed by three votes.", "The plan passed on a 3-2 vote of the council.", "three votes"),
    ("The plan passed by three votes to two.", "The plan passed on a 3-2 vote of the council.", "two"),
    ("It is a 30-minute drive.", "It is a half-hour drive from the town.", "30-minute"),
    ("The board backed it by five votes.", "The vote was five to two in favour of the plan.", "five votes"),
    ("The trial ran over three seasons.", "The trial ran for three growing seasons on two farms.", "over three seasons"),  # noqa: E501
    ("The scheme ran over two years.", "The scheme ran for two years in the north.", "over two years"),
    ("Bail was set at half a million dollars.", "The judge set bail at $500,000 on Friday.", "half a million dollars"),
    ("The farm is about a quarter of an hour away.", "The farm is a drive of about 15 minutes from two towns.", "about a quarter of an hour"),  # noqa: E501
    ("The hearing lasted an hour and a half.", "The hearing lasted 90 minutes in all.", "an hour and a half"),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "source", "text"), STATED)
def test_a_value_the_source_writes_as_a_label_tally_or_portion_is_supported(
    summary: str, source: str, text: str
) -> None:
    assert verdict(summary, source, text) == "supported"


NOT_STATED = [
    # another label number, a tally under another head, a tally without the count, a period count that is more
    ("They lost the sixth game at home.", "The Owls lost Game 7 at home on Sunday.", "sixth"),
    ("He won the twelfth stage of the race.", "He won round 12, a mountain finish, by a minute.", "twelfth"),
    ("The council approved the plan by four votes to one.", "The council approved it. The match ended 4-1.", "four votes"),  # noqa: E501
    ("The council approved the plan by three votes.", "The council voted 4-1 to approve the plan.", "three votes"),
    ("The trial ran over three seasons.", "The trial ran for two growing seasons on three farms.", "over three seasons"),  # noqa: E501
    ("More than 30 people were hurt.", "Police said 30 people were hurt.", "More than 30 people"),
    ("Bail was set at half a million dollars.", "The judge set bail at $1 million on Friday.", "half a million dollars"),  # noqa: E501
    ("The farm is about a quarter of an hour away.", "The farm is a drive of about 45 minutes.", "about a quarter of an hour"),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("summary", "source", "text"), NOT_STATED)
def test_a_label_tally_or_period_count_with_another_value_or_head_is_still_flagged(
    summary: str, source: str, text: str
) -> None:
    assert verdict(summary, source, text) != "supported"
