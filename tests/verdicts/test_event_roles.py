"""Who did what to whom: swapped participants, converse events, the participant of an opposite event."""

from __future__ import annotations

from harness.claims.event_filters import without_name_triggers
from harness.claims.events import find_events
from harness.metrics.events import EventConsistencyScorer
from harness.verdicts.sources import Sources


def _contradicted(summary: str, article: str) -> list[str]:
    sources = Sources.from_texts("c", {"doc": article})
    findings = EventConsistencyScorer().score(summary, sources).findings
    return [finding.text for finding in findings if finding.verdict == "contradicted"]


FINAL = "The Portville Hawks lost the final to the Milford Stags on Sunday, falling 104-98."


def test_swapped_participants_contradict_the_source() -> None:
    assert _contradicted("The Milford Stags lost the final to the Portville Hawks on Sunday.", FINAL) == ["lost"]
    assert _contradicted("The Portville Hawks lost the final to the Milford Stags on Sunday.", FINAL) == []


def test_a_converse_event_with_its_participants_swapped_is_what_the_source_says() -> None:
    assert _contradicted("The Milford Stags beat the Portville Hawks in the final on Sunday.", FINAL) == []
    assert _contradicted("The Portville Hawks won the final against the Milford Stags.", FINAL) == ["won"]


def test_a_symmetric_event_has_no_order() -> None:
    article = "Russia held talks with the Taliban in Moscow."
    assert _contradicted("The Taliban held talks with Russia in Moscow.", article) == []


def test_buying_and_selling_are_one_event_from_two_sides() -> None:
    article = "Harrow Brewery has agreed to be bought by the drinks group Kroonveld for a large sum."
    assert _contradicted("Harrow Brewery agreed to a sale to the drinks group Kroonveld.", article) == []


def test_the_participant_of_an_opposite_event_contradicts() -> None:
    article = "A former manager was cleared of fraud at the court. Her deputy, Carl Dunmore, was convicted of fraud."
    assert _contradicted("Carl Dunmore was cleared of fraud at the court.", article) == ["cleared"]
    assert _contradicted("Carl Dunmore was convicted of fraud.", article) == []


def test_the_owner_of_the_subject_tells_which_event_is_meant() -> None:
    article = "Shares in the company jumped 31 per cent, while Kroonveld's shares fell 4 per cent in Amsterdam."
    assert _contradicted("Kroonveld's shares jumped 31 per cent on Monday.", article) == ["jumped"]
    assert _contradicted("Kroonveld's shares fell 4 per cent.", article) == []


def test_a_capitalized_word_inside_a_sentence_is_no_trigger() -> None:
    text = "Cases rose in Lowell Falls last week."
    assert [claim.trigger.text for claim in without_name_triggers(find_events(text), text)] == ["rose"]


def test_a_sentence_initial_common_word_is_no_agent() -> None:
    article = "Measles cases in the county have dropped sharply since the vaccination drive began."
    summary = "Measles cases in the county have risen since the vaccination drive began."
    assert _contradicted(summary, article) == ["risen"]


def test_a_noun_trigger_is_ordered_by_its_possessor() -> None:
    article = "Russia's invitation to the Taliban came in August."
    assert _contradicted("The Taliban's invitation to Russia came in August.", article) == ["invitation"]
