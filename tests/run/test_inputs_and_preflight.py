"""Bad model output is a recorded failure, never a score; rows and samples that do not match are named by file
and line; every scorer and model is checked before any model is called."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from omegaconf import OmegaConf

from harness.errors import ConfigError, ScorerUnavailableError
from harness.models.extractors.predictions import PredictionsExtractor
from harness.models.local_paths import local_folder, offline
from harness.models.summarizers.predictions import PredictionsSummarizer
from harness.results.records import SampleRecord, read_jsonl
from harness.run.pipeline import run_experiment
from tests.run.run_toys import FirstWordsSummarizer, WordScorer, target, toy_config, write_goldset


class NotReadyScorer(WordScorer):
    """A scorer whose model cannot be loaded: it says so in `preflight`, before any model is called."""

    def preflight(self) -> None:
        raise ScorerUnavailableError("words: the toy model is not downloaded")


def _run(tmp_path: Path, **summarizers: dict[str, Any]) -> Any:
    config = toy_config(write_goldset(tmp_path / "goldset"), tmp_path / "cache", **summarizers)
    return config, tmp_path / "run"


def test_an_empty_summary_is_a_failure_of_that_sample(tmp_path: Path) -> None:
    config, run_dir = _run(tmp_path, empty={"_target_": target(FirstWordsSummarizer), "name": "empty", "words": 0})
    result = run_experiment(OmegaConf.create(config), run_dir)
    assert result.exit_code == 1
    assert {failure.stage for failure in result.failures["empty"]} == {"model"}
    assert all("empty" in failure.error for failure in result.failures["empty"])
    samples = read_jsonl(run_dir / "samples.jsonl", SampleRecord)
    assert samples and all(sample.error and not sample.metrics for sample in samples)


def test_an_empty_prediction_and_a_wrong_id_are_named_by_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    predictions = tmp_path / "predictions.jsonl"
    rows = [
        {"id": "c-d1", "summary": "  "},
        {"id": "c-d2", "summary": "Twelve countries."},
        {"id": "c-D3", "summary": "x"},
    ]
    predictions.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    model = {"_target_": "harness.models.summarizers.predictions.PredictionsSummarizer", "path": str(predictions)}
    config, run_dir = _run(tmp_path, predictions=model)
    with caplog.at_level(logging.WARNING):
        result = run_experiment(OmegaConf.create(config), run_dir)
    errors = {failure.id: failure.error for failure in result.failures["predictions"]}
    assert set(errors) == {"c-d1", "c-d3"}
    assert f"{predictions}, line 1: the summary is empty" in errors["c-d1"]
    assert "no prediction for cluster 'c-d3'" in errors["c-d3"] and "line 3 ('c-D3')" in errors["c-d3"]
    assert f"{predictions}, line 3: id 'c-D3' matches no sample" in caplog.text


def test_a_scorer_that_cannot_start_stops_the_run_before_any_model_call(tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    model = {"_target_": target(FirstWordsSummarizer), "name": "first", "calls_log": str(calls)}
    config, run_dir = _run(tmp_path, first=model)
    config["metrics"] = {"words": {"_target_": target(NotReadyScorer)}}
    with pytest.raises(ScorerUnavailableError, match="not downloaded"):
        run_experiment(OmegaConf.create(config), run_dir)
    assert not calls.exists()


def test_a_model_path_that_does_not_exist_is_said_at_once(tmp_path: Path) -> None:
    from harness.models.summarizers.hf_seq2seq import HFSeq2SeqSummarizer

    started = time.monotonic()
    with pytest.raises(ConfigError, match="does not exist"):
        HFSeq2SeqSummarizer(model=str(tmp_path / "no-such-model"))
    assert time.monotonic() - started < 5
    assert local_folder("facebook/bart-large-cnn", "model") is None
    assert local_folder(str(tmp_path), "model") == tmp_path


def test_hf_hub_offline_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert offline()
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    assert not offline()


def test_a_predictions_file_is_what_the_model_reads(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "a", "summary": "s"}) + "\n")
    assert PredictionsSummarizer(str(path)).reads() == [path]
    extractions = tmp_path / "e.jsonl"
    extractions.write_text(json.dumps({"id": "d1", "entities": []}) + "\n")
    assert PredictionsExtractor(str(extractions)).reads() == [extractions]
