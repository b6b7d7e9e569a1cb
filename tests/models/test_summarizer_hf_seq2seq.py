"""The Hugging Face seq2seq summarizer on a tiny BART built and saved locally: no download, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.errors import ConfigError
from harness.models.protocols import SourceCluster, SourceDocument

pytest.importorskip("transformers")
pytest.importorskip("torch")

from harness.models.summarizers.hf_seq2seq import HFSeq2SeqSummarizer

CORPUS = [
    "The Taliban accepted an invitation to peace talks in Moscow .",
    "Russia invited 12 countries including the United States .",
    "The Afghan government declined the offer to attend .",
]
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import AutoModelForSeq2SeqLM, BartConfig, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bart")
    backend = Tokenizer(models.WordLevel(unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.train_from_iterator(CORPUS, trainers.WordLevelTrainer(special_tokens=SPECIALS))
    backend.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        special_tokens=[("<s>", backend.token_to_id("<s>")), ("</s>", backend.token_to_id("</s>"))],
    )
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="<pad>", bos_token="<s>", eos_token="</s>", unk_token="<unk>"
    )
    config = BartConfig(
        vocab_size=backend.get_vocab_size(),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=32,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=None,
    )
    torch.manual_seed(0)
    AutoModelForSeq2SeqLM.from_config(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


def _cluster(*texts: str) -> SourceCluster:
    return SourceCluster("c", tuple(SourceDocument(f"d{i}", text) for i, text in enumerate(texts)))


def test_generates_words_of_the_vocabulary_within_the_token_budget(tiny_model: Path) -> None:
    model = HFSeq2SeqSummarizer(str(tiny_model), generation={"max_new_tokens": 5, "do_sample": False})
    summary = model.summarize(_cluster(CORPUS[0], CORPUS[1]))
    vocabulary = set(" ".join(CORPUS).split())
    assert summary.text, "the tiny model must produce some text"
    assert set(summary.text.split()) <= vocabulary
    assert len(summary.text.split()) <= 5
    assert summary == model.summarize(_cluster(CORPUS[0], CORPUS[1]))


def test_long_input_is_truncated_to_the_position_limit(tiny_model: Path) -> None:
    model = HFSeq2SeqSummarizer(str(tiny_model), max_input_tokens=16, generation={"max_new_tokens": 3})
    long_cluster = _cluster(*(CORPUS * 10))
    summary = model.summarize(long_cluster)
    assert summary.metadata == {"input_truncated": True}


def test_batch_matches_single_calls(tiny_model: Path) -> None:
    model = HFSeq2SeqSummarizer(str(tiny_model), generation={"max_new_tokens": 4})
    clusters = [_cluster(CORPUS[0]), _cluster(CORPUS[2])]
    assert [s.text for s in model.summarize_many(clusters)] == [model.summarize(c).text for c in clusters]


def test_separator_joins_documents(tiny_model: Path) -> None:
    model = HFSeq2SeqSummarizer(str(tiny_model), separator=" | ", prefix="summarize: ")
    assert model.source(_cluster("a  b", "c")) == "summarize: a b | c"


def test_missing_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot load model"):
        HFSeq2SeqSummarizer(str(tmp_path / "absent"), local_files_only=True)


def test_the_runner_generates_in_batches_of_batch_size_with_the_same_summaries(
    tiny_model: Path, tmp_path: Path
) -> None:
    from omegaconf import OmegaConf

    from harness.results.records import OutputRecord, read_jsonl
    from harness.run.pipeline import run_experiment
    from tests.run.run_toys import target, toy_config, write_goldset

    texts = {f"d{number}": CORPUS[number % len(CORPUS)] for number in range(5)}
    goldset = write_goldset(tmp_path / "goldset", texts)
    generation = {"max_new_tokens": 4}
    config = {"_target_": target(HFSeq2SeqSummarizer), "model": str(tiny_model), "batch_size": 2}
    config["generation"] = generation
    result = run_experiment(OmegaConf.create(toy_config(goldset, tmp_path / "cache", tiny=config)), tmp_path / "run")
    assert result.exit_code == 0 and result.model_calls == 5
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    single = HFSeq2SeqSummarizer(str(tiny_model), generation=generation)
    expected = [single.summarize(_cluster(text)).text for text in texts.values()]
    assert [output.output["text"] for output in outputs] == expected
    with pytest.raises(ConfigError, match="batch_size"):
        HFSeq2SeqSummarizer(str(tiny_model), batch_size=0)
