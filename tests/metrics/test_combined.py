"""The combined score: a product of component scores over whichever scorers reported, run after the others."""

from __future__ import annotations

import pytest

from harness.errors import ConfigError
from harness.metrics.combined import CombinedScorer
from harness.metrics.entities import EntityConsistencyScorer
from harness.metrics.lexical import LexicalSupportScorer
from harness.run.tasks import score_output
from harness.verdicts.sources import Sources


def test_product_of_reported_components() -> None:
    combined = CombinedScorer(weight=0.5, threshold=0.5)
    metrics = {"number_flagged": 1.0, "number_claims": 2.0, "entity_flagged": 0.0, "entity_claims": 3.0}
    assert combined.components(metrics) == {"number_flagged": 0.75, "entity_flagged": 1.0}
    assert combined.combine({**metrics, "lexical_support": 0.8}) == pytest.approx(
        {"combined_score": 0.6, "combined_flag": 0.0}
    )
    assert combined.combine({**metrics, "nli_score": 0.4})["combined_flag"] == 1.0


def test_nothing_reported_is_a_clean_score_and_absent_claims_are_left_out() -> None:
    combined = CombinedScorer()
    assert combined.combine({}) == {"combined_score": 1.0, "combined_flag": 0.0}
    assert combined.components({"number_flagged": 0.0, "number_claims": 0.0}) == {}


def test_scores_are_clipped_and_settings_checked() -> None:
    assert CombinedScorer().components({"judge_score": 1.7}) == {"judge_score": 1.0}
    with pytest.raises(ConfigError, match="threshold"):
        CombinedScorer(threshold=0.0)
    with pytest.raises(ConfigError, match="pairs"):
        CombinedScorer(counts=[["number_flagged"]])
    with pytest.raises(ConfigError, match="weight"):
        CombinedScorer(weight=2.0)


def test_the_runner_combines_after_every_other_scorer() -> None:
    sources = Sources.from_texts("c", {"doc": "Rex Tillerson met Mary Okafor in Lagos on Monday."})
    scorers = {
        "combined": CombinedScorer(weight=1.0, threshold=0.9),
        "entities": EntityConsistencyScorer(),
        "lexical": LexicalSupportScorer(),
    }
    scored = score_output(scorers, "summarize", ("Rex Tillerson met John Smith in Lagos.", sources))
    assert scored.metrics["entity_flagged"] == 1.0
    lexical = scored.metrics["lexical_support"] * scored.metrics["lexical_trigram_support"]
    expected = (1 - 1 / scored.metrics["entity_claims"]) * lexical
    assert scored.metrics["combined_score"] == pytest.approx(expected)
    assert scored.metrics["combined_flag"] == 1.0
