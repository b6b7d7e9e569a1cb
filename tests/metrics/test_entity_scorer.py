"""EntityConsistencyScorer: entity precision over distinct entities, flagged counts, zero-claim case."""

from __future__ import annotations

from harness.metrics.entities import EntityConsistencyScorer
from harness.metrics.protocols import Scorer
from tests.verdicts.synthetic import gold_sources, text_sources


def test_precision_counts_distinct_entities_found_in_the_sources() -> None:
    score = EntityConsistencyScorer().score("Sergey Lavrov met Vladimir Putin, and Lavrov left.", gold_sources())
    # mentions: Sergey Lavrov, Vladimir Putin, Lavrov -> entities {sergei-lavrov: found, vladimir putin: not}
    assert score.metrics == {
        "entity_claims": 3.0,
        "entity_flagged": 1.0,
        "entity_wrong_role": 0.0,
        "entity_checked": 3.0,
        "entity_unjudged": 0.0,
        "entity_precision": 0.5,
    }
    assert [finding.verdict for finding in score.findings] == ["supported", "unsupported", "supported"]


def test_wrong_role_counts_as_found_but_flagged() -> None:
    score = EntityConsistencyScorer().score("Hanif Atmar, Afghanistan's foreign minister, spoke.", gold_sources())
    assert score.metrics["entity_precision"] == 1.0
    assert score.metrics["entity_wrong_role"] == 1.0
    assert score.metrics["entity_flagged"] == 1.0


def test_no_entity_leaves_precision_out() -> None:
    score = EntityConsistencyScorer().score("nothing was named here.", text_sources())
    assert score.metrics == {
        "entity_claims": 0.0,
        "entity_flagged": 0.0,
        "entity_wrong_role": 0.0,
        "entity_checked": 0.0,
        "entity_unjudged": 0.0,
    }


def test_is_a_scorer() -> None:
    assert isinstance(EntityConsistencyScorer(), Scorer)
