"""Gold-free number verdicts decide by whether a source states the summary's value, in any usual wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.verdicts.number_attest import rounds_to, significant_digits
from harness.verdicts.numbers import number_findings
from harness.verdicts.sources import Sources


def verdicts(summary: str, source: str) -> list[tuple[str, str]]:
    sources = Sources.from_texts("c", {"d": source})
    return [(finding.text, finding.verdict) for finding in number_findings(summary, sources)]


def verdict(summary: str, source: str) -> str:
    found = verdicts(summary, source)
    assert len(found) == 1, found
    return found[0][1]


STATED = [
    # rounding and qualifiers
    ("She used £11,000 of public money.", "She used £11,072 of public money to pay him."),
    ("More than a dozen teachers were banned.", "Figures showed 13 of 34 staff were barred. Two more were suspended."),
    ("More than 13,000 drivers were caught.", "In all 13,500 motorists were caught by the camera."),
    ("About 50,000 people died there.", "Some 48,000 people died in the camp."),
    ("The rate will rise to £9.40 an hour.", "The rate will rise from £9.15 to £9.40 an hour."),
    ("He was ruled out for up to four weeks.", "It will probably be three to four weeks, the manager said."),
    # wordings: words and digits, shares, synonyms for people, offsets, ages, "both"
    ("Seven people were hurt.", "Police said 7 were hurt in the crash."),
    ("Two-thirds of voters backed the plan.", "In the poll 67% of voters backed the plan."),
    ("Six teenagers died after the party.", "Six adolescents were found dead in the hut, police said."),
    ("Five men were charged.", "Officers charged five people on Monday."),
    ("He ran again, eight years after his bid.", "Eight years ago he launched a presidential bid."),
    ("A 19-year-old man was arrested.", "Police arrested Tom Smith, 19, on Friday."),
    ("Two men were arrested.", "A 22-year-old was held. Both men remain in custody."),
    ("The station was closed for 40 years.", "It was closed for over 40 years."),
    ("Two care workers were sentenced.", "The pair were not prosecuted for the fall itself."),
    ("The first minister said the economy had grown.", "First Minister Carwyn Jones said the economy grew."),
    ("england lost their six nations match.", "England lost their Six Nations match in Cardiff."),
    ("the league two club was relegated.", "The League Two club, founded in 1924, was relegated."),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "source"), STATED)
def test_a_value_the_source_states_in_other_words_is_supported(summary: str, source: str) -> None:
    assert verdict(summary, source) == "supported"


NOT_STATED = [
    # a value inside the claim's interval is not the value the claim states
    ("The legend dates back more than 1,000 years.", "The legend dates back 10,000 years."),
    ("The firm will invest more than £100m.", "The firm will invest more than £1bn in buses."),
    ("The film took an estimated £14.8m.", "The film took £14.3m at the weekend."),
    ("The violence killed more than 50 people.", "The violence killed thousands of people."),
    ("More than 200,000 copies were sold.", "Roughly 450,000 copies were sold."),
    # rounding is only for figures that are rounder and close
    ("He served 10 years.", "He served 14 years in prison."),
    ("Two countries signed the deal.", "Both men signed the deal in Paris."),
    ("Russia invited 12 Taliban leaders.", "Russia has invited 12 countries to the talks."),
    ("Nearly 40 years have passed.", "More than 40 years have passed."),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "source"), NOT_STATED)
def test_a_value_the_source_does_not_state_is_flagged(summary: str, source: str) -> None:
    assert verdict(summary, source) in {"unsupported", "contradicted", "unit_mismatch"}


def test_a_relative_date_the_source_writes_is_supported_even_where_the_finder_reads_no_date() -> None:
    assert verdict("He rode the winner on Saturday.", "He had never walked the course before Saturday's race.") == (
        "supported"
    )
    assert verdict("He rode the winner on Sunday.", "He had never walked the course before Saturday's race.") == (
        "unsupported"
    )


def test_a_denied_value_stays_contradicted() -> None:
    assert verdict("Russia has not invited 12 countries.", "Russia has invited 12 countries to the talks.") == (
        "contradicted"
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=9_999_999), st.integers(min_value=1, max_value=3))
def test_a_figure_rounded_from_a_value_is_stated_by_it(value: int, digits: int) -> None:
    rounded = float(f"{value:.{digits}g}")
    if abs(rounded - value) <= 0.1 * rounded:
        assert rounds_to(value, rounded)
    assert rounds_to(value, value)
    assert significant_digits(rounded) <= digits


QUALIFIERS = ["", "more than ", "at least ", "nearly ", "about ", "up to ", "fewer than ", "almost ", "over "]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=2, max_value=90_000),
    st.sampled_from(["people", "km", "percent", "years"]),
    st.sampled_from(QUALIFIERS),
)
def test_a_summary_number_is_stated_by_the_same_number_in_the_source(value: int, unit: str, qualifier: str) -> None:
    source = f"Officials said {qualifier}{value:,} {unit} were involved in the plan."
    assert verdict(f"The plan involved {qualifier}{value:,} {unit}.", source) == "supported"
    assert verdict(f"The plan involved {qualifier}{value * 3 + 7:,} {unit}.", source) != "supported"


def test_a_negation_of_another_predicate_does_not_deny_the_number() -> None:
    source = "Mr Lavrov said the two sides had agreed to co-operate in areas where their interests coincided."
    assert verdict("Where the two sides do not see eye to eye, the US will stand firm.", source) == "supported"
    assert verdict("The two sides have not agreed to co-operate.", source) == "contradicted"
    negated_source = "The coach said 14 players could not play in the final because of injuries."
    assert verdict("The club won with 14 players on the bench.", negated_source) == "supported"
    assert verdict("The coach said 14 players will play in the final.", negated_source) == "contradicted"


@pytest.mark.parametrize(
    "written", ["FİRST MİNİSTER Carwyn Jones", "Firſt Miniſter Carwyn Jones", "FIRST MINISTER Carwyn Jones"]
)
def test_words_echoed_in_any_case_the_pattern_allows_are_found(written: str) -> None:
    """A case-blind echo also matches the dotted capital I and the long s: a document is never passed over for
    writing its words in such letters."""
    assert verdict("The first minister said the economy had grown.", f"{written} said the economy grew.") == "supported"
    assert (
        verdict("The first minister said the economy had grown.", "Carwyn Jones said the economy grew.") != "supported"
    )
