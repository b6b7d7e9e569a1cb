"""EventConsistencyScorer: contradiction count and supported share."""

from __future__ import annotations

from harness.metrics.events import EventConsistencyScorer
from harness.metrics.protocols import Scorer
from tests.verdicts.event_synthetic import event_sources
from tests.verdicts.synthetic import gold_sources


def test_contradictions_and_support() -> None:
    score = EventConsistencyScorer().score("Russia invited the Taliban. The Taliban declined.", gold_sources())
    assert [(finding.text, finding.verdict) for finding in score.findings] == [
        ("invited", "supported"),
        ("declined", "contradicted"),
    ]
    assert score.metrics == {
        "event_claims": 2.0,
        "event_contradictions": 1.0,
        "event_checked": 2.0,
        "event_unjudged": 0.0,
        "event_support": 0.5,
    }


def test_unverified_events_lower_support_without_contradiction() -> None:
    score = EventConsistencyScorer().score("Russia attacked the Taliban.", gold_sources())
    assert score.metrics == {
        "event_claims": 1.0,
        "event_contradictions": 0.0,
        "event_checked": 0.0,
        "event_unjudged": 1.0,
        "event_support": 0.0,
    }


def test_no_event_leaves_support_out() -> None:
    assert EventConsistencyScorer().score("A quiet day.", gold_sources()).metrics == {
        "event_claims": 0.0,
        "event_contradictions": 0.0,
        "event_checked": 0.0,
        "event_unjudged": 0.0,
    }


def test_is_a_scorer() -> None:
    assert isinstance(EventConsistencyScorer(), Scorer)


def test_antonym_about_the_same_thing_counts_as_a_contradiction() -> None:
    score = EventConsistencyScorer().score(
        "The Taliban accepted a government offer of a three-month ceasefire.", event_sources()
    )
    assert [(finding.text, finding.verdict) for finding in score.findings] == [
        ("accepted", "contradicted"),
        ("offer", "unverified"),
    ]
    assert score.metrics == {
        "event_claims": 2.0,
        "event_contradictions": 1.0,
        "event_checked": 1.0,
        "event_unjudged": 1.0,
        "event_support": 0.0,
    }
