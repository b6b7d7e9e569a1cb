"""NliScorer with a tiny, randomly initialised BERT classifier built locally and loaded by path, offline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from harness.errors import ScorerUnavailableError
from harness.metrics.nli import LabelIndex, NliScorer
from harness.metrics.protocols import Scorer
from harness.verdicts.sources import Sources

pytestmark = pytest.mark.slow

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

SOURCES = {
    "d1": "Russia invited the Taliban. The talks are in Moscow.",
    "d2": "Kabul declined the offer. The Taliban accepted.",
}
SUMMARY = "The Taliban accepted. Kabul declined the talks."
LABELS = {0: "CONTRADICTION", 1: "neutral", 2: "ENTAILMENT"}


@pytest.fixture(scope="module")
def tiny_nli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import AutoModelForSequenceClassification, BertConfig, PreTrainedTokenizerFast

    path = tmp_path_factory.mktemp("tiny-nli")
    words = sorted({word.strip(".").lower() for text in [*SOURCES.values(), SUMMARY] for word in text.split()})
    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {word: index + 4 for index, word in enumerate(words)}
    tokenizer = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]"
    ).save_pretrained(path)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=3,
        id2label=LABELS,
        label2id={label: index for index, label in LABELS.items()},
    )
    torch.manual_seed(0)
    AutoModelForSequenceClassification.from_config(config).save_pretrained(path)
    return path


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
