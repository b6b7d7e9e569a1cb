"""Event finder: triggers by type, negation, and agent/recipient from the clause's entity mentions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.events import find_events
from tests.verdicts.synthetic import INVENTORY


def _events(text: str) -> list[tuple[str, str, str, list[tuple[str, str | None]]]]:
    return [
        (e.trigger.text, e.type, e.polarity, [(a.role, a.entity) for a in e.arguments])
        for e in find_events(text, INVENTORY)
    ]


def test_subject_is_agent_and_first_mention_after_is_recipient() -> None:
    assert _events("Russia invited the Taliban.") == [
        ("invited", "INVITE", "positive", [("agent", "russia"), ("recipient", "taliban")])
    ]


def test_negation_cues_flip_polarity() -> None:
    found = _events("Afghanistan will not attend. The Taliban have yet to confirm. Washington didn't participate.")
    assert [(trigger, kind, polarity) for trigger, kind, polarity, _ in found] == [
        ("attend", "ATTEND", "negative"),
        ("confirm", "CONFIRM", "negative"),
        ("participate", "ATTEND", "negative"),
    ]


def test_declining_an_offer_to_attend_negates_the_attendance() -> None:
    found = _events("Taliban accepted, hours after the Afghan government declined the offer to attend.")
    assert found == [
        ("accepted", "ACCEPT", "positive", [("agent", "taliban")]),
        ("declined", "DECLINE", "positive", [("agent", "afghan-government")]),
        ("offer", "OFFER", "positive", []),
        ("attend", "ATTEND", "negative", [("agent", "afghan-government")]),
    ]


def test_coordinated_subjects_are_all_agents_and_but_starts_a_new_clause() -> None:
    found = _events("Russia invited them but Washington and Afghanistan will not go.")
    assert found[-1] == ("go", "ATTEND", "negative", [("agent", "united-states"), ("agent", "afghan-government")])
    assert found[0][3] == [("agent", "russia")]


def test_passive_by_phrase_is_the_agent() -> None:
    assert _events("The invitation was declined by Washington.")[-1] == (
        "declined",
        "DECLINE",
        "positive",
        [("agent", "united-states")],
    )


def test_noun_trigger_takes_its_possessor_as_agent() -> None:
    found = _events("The Taliban accepted Russia's invitation.")
    assert found[1] == ("invitation", "INVITE", "positive", [("agent", "russia")])


def test_phrasal_triggers() -> None:
    found = _events("Lavrov brushed aside the claim; the Taliban will take part and Kabul called on Moscow.")
    assert [(trigger, kind) for trigger, kind, _, _ in found] == [
        ("brushed aside", "REJECT"),
        ("take part", "ATTEND"),
        ("called on", "REQUEST"),
    ]


PIECES = ["Russia ", "invited ", "not ", "the Taliban", ", and ", ". ", "declined", "x"]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_any_text_yields_triggers_that_index_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    for event in find_events(text, INVENTORY):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
