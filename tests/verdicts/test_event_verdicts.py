"""Event verdicts: supported, contradicted (flipped polarity or antonym type) and unverified; context decides."""

from __future__ import annotations

from harness.claims.events import find_events
from harness.core.claim_types import EventArgumentClaim, EventClaim
from harness.core.spans import Span
from harness.verdicts.event_context import context_words
from harness.verdicts.events import ANTONYMS, judge_events
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding
from tests.verdicts.event_synthetic import event_sources, event_text_sources
from tests.verdicts.synthetic import INVENTORY, gold_sources, text_sources


def _judge(summary: str, sources: Sources) -> dict[str, Finding]:
    return {finding.text: finding for finding in judge_events(find_events(summary, sources.entities), sources)}


def _event(kind: str, polarity: str = "positive", agent: str | None = None) -> EventClaim:
    arguments = (EventArgumentClaim(role="agent", entity=agent, text=agent),) if agent else ()
    return EventClaim(trigger=Span(start=0, end=4, text="verb"), type=kind, polarity=polarity, arguments=arguments)


def test_same_type_polarity_and_agent_is_supported_with_gold_evidence() -> None:
    finding = _judge("Russia invited the Taliban.", gold_sources())["invited"]
    assert finding.verdict == "supported"
    assert [(e.document, e.annotation) for e in finding.evidence] == [("b", "b-e1")]


def test_antonym_type_with_the_same_agent_is_contradicted() -> None:
    finding = _judge("The Taliban declined.", gold_sources())["declined"]
    assert finding.verdict == "contradicted"
    assert finding.evidence[0].annotation == "a-e1"
    assert finding.detail == "summary: DECLINE (positive); source: ACCEPT (positive)"


def test_flipped_polarity_is_contradicted_and_matching_negation_is_supported() -> None:
    attended = judge_events([_event("ATTEND", "positive", "afghan-government")], gold_sources())[0]
    stayed_away = judge_events([_event("ATTEND", "negative", "afghan-government")], gold_sources())[0]
    assert attended.verdict == "contradicted"
    assert stayed_away.verdict == "supported"


def test_negated_antonym_is_support() -> None:
    finding = judge_events([_event("ACCEPT", "negative", "united-states")], gold_sources())[0]
    assert finding.verdict == "supported"
    assert finding.evidence[0].annotation == "b-e2"


def test_other_participants_or_types_leave_the_event_unverified() -> None:
    assert judge_events([_event("DECLINE", "positive", "russia")], gold_sources())[0].verdict == "unverified"
    assert judge_events([_event("ATTACK", "positive", "taliban")], gold_sources())[0].verdict == "unverified"


def test_antonym_table_is_symmetric_pairs() -> None:
    assert frozenset({"DECLINE", "ACCEPT"}) in ANTONYMS
    assert all(len(pair) == 2 for pair in ANTONYMS)


def test_gold_free_compares_with_events_found_in_the_texts() -> None:
    findings = _judge("Washington declined the invitation. Washington accepted.", text_sources())
    assert findings["declined"].verdict == "supported"
    assert findings["declined"].evidence[0].annotation is None
    assert findings["accepted"].verdict == "contradicted"


def _verdicts(summary: str, sources: Sources) -> list[tuple[str, str, list[str | None]]]:
    findings = judge_events(find_events(summary, sources.entities), sources)
    return [(f.text, f.verdict, [e.annotation for e in f.evidence]) for f in findings]


def test_context_words_are_folded_five_letter_stems_without_function_words() -> None:
    words = context_words(["The Taliban rejected a government offer of three-month ceasefires, officials said."])
    assert words == {"talib", "rejec", "gover", "offer", "three", "month", "cease", "offic"}


def test_antonym_about_the_same_thing_contradicts_although_another_event_of_the_agent_supports() -> None:
    assert _verdicts("The Taliban accepted a government offer of a three-month ceasefire.", event_sources()) == [
        ("accepted", "contradicted", ["e-reject"]),
        ("offer", "unverified", []),
    ]
    assert _verdicts("The Taliban accepted Russia's invitation to peace talks.", event_sources())[0] == (
        "accepted",
        "supported",
        ["e-accept"],
    )


def test_a_contradiction_must_share_two_more_context_words_than_the_best_support() -> None:
    # "an offer" shares {talib, offer} with the rejection, {talib} with the acceptance: 2 < 1 + 2.
    assert _verdicts("The Taliban accepted an offer.", event_sources())[0] == ("accepted", "supported", ["e-accept"])


def test_event_without_agent_is_contradicted_by_a_source_event_of_matching_context() -> None:
    sources = event_sources()
    # The capitalized "Hundreds" is read as a written target; it meets the gold victim "Hundreds of people".
    assert _verdicts("Hundreds of people have not been killed in recent weeks.", sources) == [
        ("killed", "contradicted", ["e-kill"])
    ]
    assert _verdicts("Hundreds of people have been killed.", sources) == [("killed", "supported", ["e-kill"])]
    assert _verdicts("Two soldiers were not killed.", sources) == [("killed", "unverified", [])]


def test_negated_light_verb_noun_contradicts_the_talks() -> None:
    sources = event_sources()
    assert _verdicts("The government would not hold direct talks with the Taliban.", sources) == [
        ("talks", "contradicted", ["e-talks"])
    ]
    assert _verdicts("The Afghan government will hold direct talks with the Taliban.", sources) == [
        ("talks", "supported", ["e-talks"])
    ]


def test_skipping_is_not_attending_and_not_skipping_is_attending() -> None:
    sources = event_sources()
    assert _verdicts("At least four senior Taliban members will skip the talks.", sources)[0] == (
        "skip",
        "contradicted",
        ["e-attend"],
    )
    assert _verdicts("The Taliban will not skip the talks.", sources)[0] == ("skip", "supported", ["e-attend"])


def test_gold_free_context_picks_the_source_event_about_the_same_thing() -> None:
    findings = judge_events(
        find_events(
            "The Taliban accepted a government offer of a three-month ceasefire. "
            "Hundreds of people have not been killed in recent weeks.",
            INVENTORY,
        ),
        event_text_sources(),
    )
    assert [(f.text, f.verdict, [e.text for e in f.evidence]) for f in findings if f.verdict != "unverified"] == [
        ("accepted", "contradicted", ["rejected"]),
        ("offer", "supported", ["offer"]),
        ("killed", "contradicted", ["killed"]),
    ]
