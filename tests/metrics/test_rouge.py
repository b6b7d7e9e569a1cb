"""RougeScorer agrees with rouge-score called directly, takes the best reference per type, and needs references."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.protocols import Scorer
from harness.metrics.rouge import ROUGE_TYPES, RougeScorer
from harness.verdicts.sources import Sources

SUMMARY = "The Taliban accepted the invitation. Kabul declined to attend the talks."
REFERENCE_1 = "The Taliban accepted Russia's invitation to talks. The Afghan government declined."
REFERENCE_2 = "Kabul declined to attend talks in Moscow, while the Taliban accepted."


def _sources(*references: str) -> Sources:
    return Sources.from_texts("c", {"d": "source text"}, references=references)


def _direct(reference: str) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    lines = {
        SUMMARY: "The Taliban accepted the invitation.\nKabul declined to attend the talks.",
        REFERENCE_1: "The Taliban accepted Russia's invitation to talks.\nThe Afghan government declined.",
        REFERENCE_2: REFERENCE_2,
    }
    scores = scorer.score(lines[reference], lines[SUMMARY])
    return {kind: scores[kind].fmeasure for kind in ROUGE_TYPES}


def test_single_reference_matches_rouge_score() -> None:
    metrics = RougeScorer().score(SUMMARY, _sources(REFERENCE_1)).metrics
    assert metrics == pytest.approx(_direct(REFERENCE_1))


def test_several_references_keep_the_best_f1_per_type() -> None:
    metrics = RougeScorer().score(SUMMARY, _sources(REFERENCE_1, REFERENCE_2)).metrics
    first, second = _direct(REFERENCE_1), _direct(REFERENCE_2)
    assert metrics == pytest.approx({kind: max(first[kind], second[kind]) for kind in ROUGE_TYPES})
    assert first["rouge2"] != second["rouge2"]


def test_lsum_reads_sentences_so_their_order_does_not_matter() -> None:
    reference = "The Taliban accepted the invitation. Kabul declined to attend."
    swapped = "Kabul declined to attend. The Taliban accepted the invitation."
    metrics = RougeScorer().score(swapped, _sources(reference)).metrics
    assert metrics["rougeLsum"] == pytest.approx(1.0)
    assert metrics["rougeL"] == pytest.approx(5 / 9)


def test_no_reference_raises_a_clear_error() -> None:
    with pytest.raises(ScorerUnavailableError, match="no reference summaries"):
        RougeScorer().score(SUMMARY, _sources())


def test_unknown_rouge_type_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="rouge_types"):
        RougeScorer(rouge_types=["rougeX"])


def test_is_a_scorer() -> None:
    assert isinstance(RougeScorer(("rouge1",)), Scorer)
    assert set(RougeScorer(("rouge1",)).score(SUMMARY, _sources(REFERENCE_1)).metrics) == {"rouge1"}


def test_a_reference_scoring_itself_is_scored_leave_one_out() -> None:
    own, other = "Russia invited twelve countries to Moscow.", "The Taliban accepted the invitation to Moscow."
    metrics = RougeScorer().score(own, _sources(own, other)).metrics
    assert metrics["rouge1"] == pytest.approx(_direct_against(other, own)["rouge1"])
    assert metrics["rouge1"] < 1.0
    with pytest.raises(ScorerUnavailableError, match="other than the summary itself"):
        RougeScorer().score(own, _sources(own))


def _direct_against(reference: str, prediction: str) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    return {"rouge1": scorer.score(reference, prediction)["rouge1"].fmeasure}


def test_a_near_copy_of_a_reference_is_scored_against_the_other_references_only() -> None:
    planted = REFERENCE_1.replace("Russia's", "China's")
    metrics = RougeScorer(near_copy=0.9).score(planted, _sources(REFERENCE_1, REFERENCE_2)).metrics
    alone = RougeScorer(near_copy=0.9).score(planted, _sources(REFERENCE_2)).metrics
    assert metrics == alone and metrics["rouge1"] < 0.7
    kept = RougeScorer().score(planted, _sources(REFERENCE_1, REFERENCE_2)).metrics
    assert kept["rouge1"] > 0.9
    with pytest.raises(ScorerUnavailableError, match="near-copy"):
        RougeScorer(near_copy=0.9).score(planted, _sources(REFERENCE_1))
    with pytest.raises(ConfigError, match="near_copy"):
        RougeScorer(near_copy=1.5)
