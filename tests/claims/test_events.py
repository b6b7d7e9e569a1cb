"""Event finder: triggers by type, negation, and agent/recipient from the clause's entity mentions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.events import clause_at, find_events
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


def test_verbs_that_state_a_negative_invert_polarity() -> None:
    found = _events("The Taliban will skip the talks. Washington will not boycott them. Kabul stayed away from Moscow.")
    assert found == [
        ("skip", "ATTEND", "negative", [("agent", "taliban")]),
        ("talks", "TALKS", "positive", []),
        ("boycott", "ATTEND", "positive", [("agent", "united-states")]),
        ("stayed away from", "ATTEND", "negative", [("agent", "afghan-government"), ("theme", "russia")]),
    ]


def test_noun_after_a_negated_light_verb_is_negated_and_takes_the_verb_subject() -> None:
    assert _events("The Afghan government would not hold direct talks with the Taliban.") == [
        ("talks", "TALKS", "negative", [("agent", "afghan-government"), ("theme", "taliban")])
    ]
    assert _events("Russia refused to hold talks. Russia will begin negotiations.") == [
        ("refused", "DECLINE", "positive", [("agent", "russia")]),
        ("talks", "TALKS", "negative", [("agent", "russia")]),
        ("negotiations", "TALKS", "positive", [("agent", "russia")]),
    ]


def test_negation_does_not_reach_into_a_since_clause_and_troops_sent_into_a_country_invade() -> None:
    assert _events("Nearly 40 years have not passed since Moscow sent its troops into Afghanistan.") == [
        ("sent its troops", "INVADE", "positive", [("agent", "russia"), ("target", "afghan-government")])
    ]


def test_each_event_keeps_its_clause() -> None:
    text = "Russia invited the Taliban, and Washington declined."
    assert [event.clause.text for event in find_events(text, INVENTORY) if event.clause] == [
        "Russia invited the Taliban",
        "Washington declined.",
    ]
    clause = clause_at(text, text.index("declined"))
    assert clause is not None and (clause.start, clause.text) == (32, "Washington declined.")
    assert clause_at("  Russia invited them.", 0) is None


PIECES = [
    "Russia ",
    "invited ",
    "not ",
    "the Taliban",
    ", and ",
    ". ",
    "declined",
    "skip ",
    "hold talks",
    " since ",
    "x",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_any_text_yields_triggers_that_index_it_inside_their_clause(pieces: list[str]) -> None:
    text = "".join(pieces)
    for event in find_events(text, INVENTORY):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.clause is not None and text[event.clause.start : event.clause.end] == event.clause.text
        assert event.clause.start <= event.trigger.start and event.trigger.end <= event.clause.end
