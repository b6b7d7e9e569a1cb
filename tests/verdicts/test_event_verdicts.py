"""Event verdicts: supported, contradicted (flipped polarity or antonym type) and unverified."""

from __future__ import annotations

from harness.claims.events import find_events
from harness.claims.types import EventArgumentClaim, EventClaim
from harness.goldset.schema import Span
from harness.verdicts.events import ANTONYMS, judge_events
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding
from tests.verdicts.synthetic import gold_sources, text_sources


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
