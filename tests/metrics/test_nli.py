"""NliScorer with a tiny, randomly initialised BERT classifier built locally and loaded by path, offline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.nli import LabelIndex, NliScorer
from harness.metrics.protocols import Scorer
from harness.verdicts.sources import Sources
from tests.metrics.tiny_nli import LABELS, build_tiny_nli

pytestmark = pytest.mark.slow

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

SOURCES = {
    "d1": "Russia invited the Taliban. The talks are in Moscow.",
    "d2": "Kabul declined the offer. The Taliban accepted.",
}
SUMMARY = "The Taliban accepted. Kabul declined the talks."


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_nli(tmp_path_factory.mktemp("tiny-nli"), [*SOURCES.values(), SUMMARY])


def _expected(path: Path) -> float:
    """SummaC-ZS by hand: per summary sentence the max over source sentences of P(entail) - P(contradict)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True).eval()
    premises = [
        "Russia invited the Taliban.",
        "The talks are in Moscow.",
        "Kabul declined the offer.",
        "The Taliban accepted.",
    ]
    best = []
    for hypothesis in ["The Taliban accepted.", "Kabul declined the talks."]:
        margins = []
        for premise in premises:
            with torch.no_grad():
                logits = model(**tokenizer(premise, hypothesis, return_tensors="pt")).logits[0]
            probabilities = torch.softmax(logits, dim=-1)
            margins.append(float(probabilities[2] - probabilities[0]))
        best.append(max(margins))
    return sum(best) / len(best)


def test_score_is_the_mean_of_best_entailment_margins(tiny_nli: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    scorer = NliScorer(model=str(tiny_nli), local_files_only=True, batch_size=3)
    score = scorer.score(SUMMARY, Sources.from_texts("c", SOURCES))
    assert score.metrics["summac_zs"] == pytest.approx(_expected(tiny_nli), abs=1e-5)
    assert -1.0 <= score.metrics["summac_zs"] <= 1.0
    assert [finding.text for finding in score.findings] == ["The Taliban accepted.", "Kabul declined the talks."]
    for finding in score.findings:
        assert finding.type == "nli" and finding.verdict in {"entailed", "neutral", "contradicted"}
        evidence = finding.evidence[0]
        assert SOURCES[evidence.document][evidence.start : evidence.end] == evidence.text


def test_labels_are_read_from_id2label() -> None:
    labels = LabelIndex.from_id2label(LABELS, "m")
    assert (labels.entailment, labels.neutral, labels.contradiction) == (2, 1, 0)
    with pytest.raises(ScorerUnavailableError, match="entailment"):
        LabelIndex.from_id2label({0: "LABEL_0", 1: "LABEL_1"}, "m")


def test_missing_transformers_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(ScorerUnavailableError, match=r"pip install 'fact-harness\[hf\]'"):
        NliScorer(model="any").score(SUMMARY, Sources.from_texts("c", SOURCES))


def test_missing_model_folder_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ScorerUnavailableError, match="cannot load model"):
        NliScorer(model=str(tmp_path / "absent"), local_files_only=True).score(
            SUMMARY, Sources.from_texts("c", SOURCES)
        )


def test_empty_summary_leaves_the_score_out(tiny_nli: Path) -> None:
    assert (
        NliScorer(model=str(tiny_nli), local_files_only=True).score("", Sources.from_texts("c", SOURCES)).metrics == {}
    )
    assert isinstance(NliScorer(model=str(tiny_nli)), Scorer)


def test_chunks_of_sentences_are_premises(tiny_nli: Path) -> None:
    scorer = NliScorer(model=str(tiny_nli), local_files_only=True, window=2)
    score = scorer.score(SUMMARY, Sources.from_texts("c", SOURCES))
    for finding in score.findings:
        (evidence,) = finding.evidence
        assert evidence.text in SOURCES.values()
    assert 0.0 <= score.metrics["nli_score"] <= 1.0
    assert score.metrics["nli_score"] == pytest.approx((score.metrics["summac_zs"] + 1) / 2)


def test_batched_summaries_score_as_one_at_a_time(tiny_nli: Path) -> None:
    scorer = NliScorer(model=str(tiny_nli), local_files_only=True, batch_size=5, device="auto")
    sources = Sources.from_texts("c", SOURCES)
    summaries = [SUMMARY, "", "Russia invited the Taliban."]
    together = scorer.score_many([(summary, sources) for summary in summaries])
    alone = [scorer.score(summary, sources) for summary in summaries]
    assert together[1].metrics == {} and together[1].findings == ()
    for one, other in zip(together, alone, strict=True):
        assert one.findings == other.findings
        assert one.metrics == pytest.approx(other.metrics, abs=1e-5)


def test_preflight_checks_the_model_without_loading_it(tiny_nli: Path, tmp_path: Path) -> None:
    NliScorer(model=str(tiny_nli)).preflight()
    with pytest.raises(ScorerUnavailableError, match="does not exist"):
        NliScorer(model=str(tmp_path / "absent")).preflight()
    with pytest.raises(ScorerUnavailableError, match="not in the local Hugging Face cache"):
        NliScorer(model="nobody/no-such-nli-model").preflight()


def test_bad_window_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="stride"):
        NliScorer(model="m", window=2, stride=3)


def test_sensitivity_experiment_runs_with_nli(tiny_nli: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.cli import main
    from harness.results.records import OutputRecord, SampleRecord, read_jsonl

    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    overrides = [
        f"metrics.nli.model={tiny_nli}",
        "metrics.nli.local_files_only=true",
        "metrics.nli.window=20",
        "metrics.nli.max_length=64",
    ]
    run_dir = tmp_path / "run"
    code = main(["run", "--config-name", "sensitivity", "metrics=with_nli", *overrides, f"hydra.run.dir={run_dir}"])
    assert code == 0
    samples = read_jsonl(run_dir / "samples.jsonl", SampleRecord)
    outputs = read_jsonl(run_dir / "outputs.jsonl", OutputRecord)
    assert len(samples) == len(outputs) > 1 and all(0.0 <= sample.metrics["nli_score"] <= 1.0 for sample in samples)
    assert any(finding.type == "nli" for sample in samples for finding in sample.findings)
    assert "planted error" in (run_dir / "sensitivity.md").read_text()
