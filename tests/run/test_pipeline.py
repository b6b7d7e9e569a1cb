"""The pipeline on a tiny goldset: records, fingerprints, the cache, failures, interruptions and secrets."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from omegaconf import OmegaConf

from harness import __version__
from harness.errors import ConfigError, ScorerUnavailableError
from harness.results.records import OutputRecord, SampleRecord, read_jsonl, read_summary
from harness.run.fingerprint import resources_digest
from harness.run.pipeline import RunResult, run_experiment
from harness.run.samples import GoldsetSource, HFDatasetSource
from harness.run.secrets import is_secret_key, redact
from harness.run.writer import partial_name
from tests.run.run_toys import (
    REFERENCE,
    FirstWordsSummarizer,
    InterruptingSummarizer,
    KeyedSummarizer,
    PlantingSummarizer,
    WordScorer,
    target,
    toy_config,
    write_goldset,
)

CLUSTERS = ["c-d1", "c-d2", "c-d3"]


@pytest.fixture
def goldset(tmp_path: Path) -> Path:
    return write_goldset(tmp_path / "goldset")


def first_words(calls_log: Path | None = None, **params: Any) -> dict[str, Any]:
    log = {"calls_log": str(calls_log)} if calls_log else {}
    return {"_target_": target(FirstWordsSummarizer), "name": "first-3", **log, **params}


def run(config: dict[str, Any], run_dir: Path) -> RunResult:
    return run_experiment(OmegaConf.create(config), run_dir)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_records_summaries_and_fingerprint_are_written(goldset: Path, tmp_path: Path) -> None:
    planted = {"_target_": target(PlantingSummarizer), "name": "planted"}
    config = toy_config(goldset, tmp_path / "cache", first=first_words(), planted=planted)
    result = run(config, tmp_path / "run")

    assert result.exit_code == 0
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    samples = read_jsonl(tmp_path / "run" / "samples.jsonl", SampleRecord)
    summary = read_summary(tmp_path / "run" / "metrics.json")
    assert [(o.model, o.id) for o in outputs] == [("first-3", c) for c in CLUSTERS] + [("planted", c) for c in CLUSTERS]
    assert outputs[0].output == {"text": "Twelve countries were", "metadata": {}}
    assert outputs[3].output == {"text": "14 countries were invited.", "metadata": {"planted": ["12 -> 14"]}}

    files = [
        "goldset.json",
        "refs-d1.json",
        "refs-d2.json",
        "refs-d3.json",
        "texts/d1.txt",
        "texts/d2.txt",
        "texts/d3.txt",
    ]
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((goldset / name).read_bytes()).digest())
    scorer_settings = json.dumps({"words": {"_target_": target(WordScorer)}}, sort_keys=True, separators=(",", ":"))
    expected = {
        "harness_version": __version__,
        "resources": resources_digest(),
        "goldset": digest.hexdigest(),
        "scorers": hashlib.sha256(scorer_settings.encode()).hexdigest(),
    }
    assert summary.fingerprint.model_dump() == expected
    assert all(record.fingerprint == summary.fingerprint for record in [*outputs, *samples])

    # "14 countries were invited." shares 3 of its 4 words with d1 and none with d2 or d3; "14" is never found.
    assert summary.models["planted"].metrics == {"flagged": 1.0, "word_precision": 0.25}
    assert summary.models["planted"].verdict_counts == {"number": {"unsupported": 3}}
    assert summary.models["first-3"].metrics == {"flagged": 0.0, "word_precision": 1.0}
    assert summary.dataset == "tiny"
    table = (tmp_path / "run" / "table.md").read_text(encoding="utf-8")
    assert "| first-3 | 3 | 0 | 1.000 | 0.000 |" in table
    assert "| planted | 3 | 0 | 0.250 | 1.000 |" in table
    saved = OmegaConf.load(tmp_path / "run" / "config.yaml")
    assert saved.summarizers.first.name == "first-3"


def test_rerun_takes_outputs_from_the_cache_and_cache_false_calls_again(goldset: Path, tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    config = toy_config(goldset, tmp_path / "cache", first=first_words(calls))
    assert run(config, tmp_path / "run1").model_calls == 3
    again = run(config, tmp_path / "run2")

    assert again.model_calls == 0
    assert lines(calls) == CLUSTERS
    assert all(record.cached for record in read_jsonl(tmp_path / "run2" / "outputs.jsonl", OutputRecord))
    assert again.summary.models == run(config, tmp_path / "run3").summary.models

    assert run({**config, "cache": False}, tmp_path / "run4").model_calls == 3
    assert lines(calls) == CLUSTERS * 2


def test_a_changed_model_config_is_not_served_from_the_cache(goldset: Path, tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    run(toy_config(goldset, tmp_path / "cache", first=first_words(calls)), tmp_path / "run1")
    result = run(toy_config(goldset, tmp_path / "cache", first=first_words(calls, words=2)), tmp_path / "run2")
    assert result.model_calls == 3
    renamed = first_words(calls) | {"name": "renamed"}
    assert run(toy_config(goldset, tmp_path / "cache", first=renamed), tmp_path / "run3").model_calls == 0


def test_a_model_failure_is_recorded_and_the_other_samples_are_scored(goldset: Path, tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    config = toy_config(goldset, tmp_path / "cache", first=first_words(calls, fail_on=["c-d2"]))
    result = run(config, tmp_path / "run")

    assert result.exit_code == 1
    assert [(f.id, f.stage, f.error) for f in result.failures["first-3"]] == [
        ("c-d2", "model", "ModelError: cannot summarize c-d2")
    ]
    assert "first-3 / c-d2 (model): ModelError: cannot summarize c-d2" in result.failure_report()
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert [(o.id, o.error) for o in outputs] == [
        ("c-d1", None),
        ("c-d2", "ModelError: cannot summarize c-d2"),
        ("c-d3", None),
    ]
    samples = read_jsonl(tmp_path / "run" / "samples.jsonl", SampleRecord)
    assert [(s.id, s.metrics.get("word_precision"), s.error is None) for s in samples] == [
        ("c-d1", 1.0, True),
        ("c-d2", None, False),
        ("c-d3", 1.0, True),
    ]
    model = read_summary(tmp_path / "run" / "metrics.json").models["first-3"]
    assert (model.n_samples, model.n_failed, model.metrics["word_precision"]) == (3, 1, 1.0)

    run(config, tmp_path / "run2")
    assert lines(calls) == [*CLUSTERS, "c-d2"]


def test_a_scorer_failure_is_recorded_on_its_sample(goldset: Path, tmp_path: Path) -> None:
    config = toy_config(goldset, tmp_path / "cache", first=first_words())
    config["metrics"]["words"]["fail_on"] = "Kabul"
    result = run(config, tmp_path / "run")

    assert result.exit_code == 1
    (failure,) = result.failures["first-3"]
    assert (failure.id, failure.stage) == ("c-d3", "scoring")
    assert failure.error == "scorer 'words': ValueError: cannot score a summary containing 'Kabul'"
    samples = read_jsonl(tmp_path / "run" / "samples.jsonl", SampleRecord)
    assert [s.error is None for s in samples] == [True, True, False]


def test_an_unavailable_scorer_stops_the_run_before_any_model_call(goldset: Path, tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    config = toy_config(goldset, tmp_path / "cache", first=first_words(calls))
    config["metrics"]["words"]["unavailable"] = True
    with pytest.raises(ScorerUnavailableError, match="the toy model is not installed"):
        run(config, tmp_path / "run")
    assert not calls.exists()


def test_an_interrupted_run_keeps_its_lines_and_the_next_run_resumes_from_the_cache(
    goldset: Path, tmp_path: Path
) -> None:
    calls, stop = tmp_path / "calls.log", tmp_path / "stop"
    stop.touch()
    model = {
        "_target_": target(InterruptingSummarizer),
        "stop_at": "c-d3",
        "stop_file": str(stop),
        "calls_log": str(calls),
    }
    config = toy_config(goldset, tmp_path / "cache", stopping=model)
    with pytest.raises(KeyboardInterrupt):
        run(config, tmp_path / "run")
    kept = read_jsonl(tmp_path / "run" / partial_name("outputs.jsonl"), OutputRecord)
    assert [record.id for record in kept] == ["c-d1", "c-d2"]
    assert not (tmp_path / "run" / "metrics.json").exists()
    assert not (tmp_path / "run" / "outputs.jsonl").exists()

    stop.unlink()
    resumed = run(config, tmp_path / "run")
    assert resumed.model_calls == 1
    assert lines(calls) == ["c-d1", "c-d2", "c-d3"]
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert [(record.id, record.cached) for record in outputs] == [("c-d1", True), ("c-d2", True), ("c-d3", False)]


def test_secrets_are_never_written(goldset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "sk-toy-0123456789"
    monkeypatch.setenv("TOY_API_KEY", secret)
    keyed = {"_target_": target(KeyedSummarizer), "name": "hosted", "api_key": "${oc.env:TOY_API_KEY}"}
    config = toy_config(goldset, tmp_path / "cache", hosted=keyed)
    assert run(config, tmp_path / "run").exit_code == 0

    written = [
        path for folder in (tmp_path / "run", tmp_path / "cache") for path in folder.rglob("*") if path.is_file()
    ]
    assert len(written) >= 8
    assert not [path for path in written if secret in path.read_text(encoding="utf-8")]
    assert OmegaConf.load(tmp_path / "run" / "config.yaml").summarizers.hosted.api_key == "***"

    monkeypatch.setenv("TOY_API_KEY", "sk-rotated-key")
    assert run(config, tmp_path / "run2").model_calls == 0


@pytest.mark.parametrize(
    ("key", "secret"),
    [("api_key", True), ("hf_token", True), ("password", True), ("api_key_env", False), ("max_new_tokens", False)],
)
def test_secret_keys_are_recognised_by_their_last_word(key: str, secret: bool) -> None:
    assert is_secret_key(key) is secret


def test_redact_hides_secret_values_and_overrides_but_keeps_references() -> None:
    config = {
        "model": {"api_key": "sk-1", "api_key_env": "OPENAI_API_KEY", "token": "${oc.env:HF_TOKEN}", "k": 3},
        "overrides": ["summarizer.api_key=sk-2", "summarizer.k=4"],
        "dirname": "summarizer.api_key=sk-3,summarizer.k=4",
    }
    assert redact(config) == {
        "model": {"api_key": "***", "api_key_env": "OPENAI_API_KEY", "token": "${oc.env:HF_TOKEN}", "k": 3},
        "overrides": ["summarizer.api_key=***", "summarizer.k=4"],
        "dirname": "summarizer.api_key=***,summarizer.k=4",
    }


def test_document_unit_makes_one_sample_per_document_scored_against_itself(goldset: Path) -> None:
    samples = GoldsetSource(str(goldset)).samples("document")
    assert [sample.id for sample in samples] == ["d1", "d2", "d3"]
    assert [len(sample.sources.documents) for sample in samples] == [1, 1, 1]
    assert samples[1].sources.documents[0].text == samples[1].cluster.documents[0].text
    assert samples[1].cluster.references == (REFERENCE,)
    assert len(GoldsetSource().samples("document")) == 5


def test_unknown_unit_and_duplicate_model_names_are_config_errors(goldset: Path, tmp_path: Path) -> None:
    config = toy_config(goldset, tmp_path / "cache", a=first_words(), b=first_words())
    with pytest.raises(ConfigError, match=r"summarizers\.b and summarizers\.a are both named 'first-3'"):
        run(config, tmp_path / "run")
    config = toy_config(goldset, tmp_path / "cache", a=first_words())
    config["task"]["unit"] = "paragraph"
    with pytest.raises(ConfigError, match=r"task\.unit: unknown unit 'paragraph'"):
        run(config, tmp_path / "run")


def test_a_csv_dataset_is_split_into_documents_and_scored_gold_free(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text(
        "article,highlights\n"
        '"Twelve countries were invited. ||||| Kabul declined.","Twelve countries were invited."\n'
        '"The Taliban will attend.","The Taliban attend."\n',
        encoding="utf-8",
    )
    source = HFDatasetSource(
        "csv",
        split="train",
        data_files=str(data),
        document_column="article",
        summary_column="highlights",
        separator="|||||",
        cache_dir=str(tmp_path / "hf"),
    )
    samples = source.samples("cluster")
    assert [(s.id, [d.text for d in s.cluster.documents]) for s in samples] == [
        ("train-0", ["Twelve countries were invited.", "Kabul declined."]),
        ("train-1", ["The Taliban will attend."]),
    ]
    assert samples[0].sources.gold is False
    assert samples[0].sources.references == ("Twelve countries were invited.",)
    assert [s.id for s in source.samples("document")] == ["train-0/0", "train-0/1", "train-1/0"]
    with pytest.raises(ConfigError, match="no column 'text'; its columns are article, highlights"):
        HFDatasetSource(
            "csv", split="train", data_files=str(data), document_column="text", cache_dir=str(tmp_path / "hf")
        ).samples("cluster")
