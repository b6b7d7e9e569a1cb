"""The scorers as `evaluate` metrics: built locally, computed gold-free, mean over predictions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness.errors import ConfigError
from harness.metrics import hf_evaluate
from harness.metrics.fragments import FragmentScorer
from harness.metrics.hf_evaluate import load_metric, score_gold_free

pytestmark = pytest.mark.slow

SOURCE = (
    "Russian Foreign Minister Sergei Lavrov said Moscow invited the Taliban. "
    '"The first reaction was positive," Lavrov said. Washington declined the invitation.'
)


def _compute(name: str, tmp_path: Path, predictions: list[str], references: list[object]) -> dict[str, float]:
    metric = load_metric(name, keep_in_memory=True, cache_dir=str(tmp_path))
    result: dict[str, float] = metric.compute(predictions=predictions, references=references)
    return result


def test_entity_consistency_means_over_predictions(tmp_path: Path) -> None:
    result = _compute(
        "entity_consistency",
        tmp_path,
        ["Sergei Lavrov spoke.", "Vladimir Putin and Lavrov spoke."],
        [[SOURCE], [SOURCE]],
    )
    # precision 1.0 and 0.5; flagged 0 and 1
    assert result == pytest.approx(
        {
            "entity_claims": 1.5,
            "entity_flagged": 0.5,
            "entity_wrong_role": 0.0,
            "entity_checked": 1.5,
            "entity_unjudged": 0.0,
            "entity_precision": 0.75,
        }
    )


def test_quote_fidelity_with_a_single_source_string(tmp_path: Path) -> None:
    result = _compute(
        "QuoteFidelity",
        tmp_path,
        ['"The first reaction was positive," Lavrov said.', '"We refuse," Lavrov said.', "No quote."],
        [SOURCE, SOURCE, SOURCE],
    )
    assert result == pytest.approx(
        {
            "quote_claims": 2 / 3,
            "quote_flagged": 1 / 3,
            "quote_checked": 2 / 3,
            "quote_unjudged": 0.0,
            "quote_fidelity": 0.5,
        }
    )


def test_event_consistency(tmp_path: Path) -> None:
    result = _compute("event_consistency", tmp_path, ["Washington accepted."], [[SOURCE]])
    assert result == {
        "event_claims": 1.0,
        "event_contradictions": 1.0,
        "event_checked": 1.0,
        "event_unjudged": 0.0,
        "event_support": 0.0,
    }


def test_fragments_over_several_sources(tmp_path: Path) -> None:
    result = _compute("fragments", tmp_path, ["the cat sat", "a dog"], [["the cat", "sat down"], ["no dog"]])
    # "the cat sat" is one fragment of the concatenated sources; "dog" one of two summary words
    assert result == pytest.approx(
        {"fragment_coverage": (1.0 + 0.5) / 2, "fragment_density": (3.0 + 0.5) / 2, "compression": (4 / 3 + 1.0) / 2}
    )


def test_number_consistency_wraps_the_numbers_scorer(tmp_path: Path) -> None:
    result = _compute(
        "number_consistency", tmp_path, ["Russia invited 12 countries."], [["Russia invited 12 countries."]]
    )
    assert result["number_claims"] == 1.0
    assert result["number_flagged"] == 0.0


def test_metric_classes_are_module_attributes() -> None:
    import evaluate

    assert issubclass(hf_evaluate.EntityConsistency, evaluate.Metric)
    assert hf_evaluate.metric_class("Fragments") is hf_evaluate.Fragments
    with pytest.raises(AttributeError):
        _ = hf_evaluate.NoSuchMetric


def test_unknown_name_and_mismatched_lengths_are_user_errors() -> None:
    with pytest.raises(ConfigError, match="choose one of"):
        load_metric("bleu")
    with pytest.raises(ConfigError, match="2 predictions but 1 references"):
        score_gold_free(FragmentScorer(), ["a", "b"], [["a"]])


def test_importing_the_module_does_not_import_evaluate() -> None:
    code = "import sys, harness.metrics.hf_evaluate; print('evaluate' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"
