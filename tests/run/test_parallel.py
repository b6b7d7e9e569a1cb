"""`num_proc=2`: the same results files as one process, and the runner's failure guarantees kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from omegaconf import OmegaConf

from harness.cli import main
from harness.errors import ConfigError, ScorerUnavailableError
from harness.results.records import SampleRecord, read_jsonl
from harness.run.parallel import check_num_proc
from harness.run.pipeline import RunResult, run_experiment
from harness.run.writer import partial_name
from tests.run.run_toys import FirstWordsSummarizer, PlantingSummarizer, target, toy_config, write_goldset

RESULT_FILES = ("outputs.jsonl", "samples.jsonl", "metrics.json", "table.md")


def models() -> dict[str, dict[str, Any]]:
    return {
        "first": {"_target_": target(FirstWordsSummarizer), "name": "first-3", "fail_on": ["c-d2"]},
        "planted": {"_target_": target(PlantingSummarizer), "name": "planted"},
    }


def run_toy(tmp_path: Path, num_proc: int, **metrics: Any) -> tuple[RunResult, Path]:
    goldset = tmp_path / "goldset"
    config = toy_config(
        goldset if goldset.is_dir() else write_goldset(goldset), tmp_path / f"cache{num_proc}", **models()
    )
    config["metrics"]["words"].update(metrics)
    config["num_proc"] = num_proc
    run_dir = tmp_path / f"run{num_proc}"
    return run_experiment(OmegaConf.create(config), run_dir), run_dir


def test_two_processes_write_the_same_files_as_one_on_a_small_goldset(tmp_path: Path) -> None:
    one, one_dir = run_toy(tmp_path, 1)
    two, two_dir = run_toy(tmp_path, 2)

    for name in RESULT_FILES:
        assert (two_dir / name).read_text(encoding="utf-8") == (one_dir / name).read_text(encoding="utf-8"), name
    samples = read_jsonl(two_dir / "samples.jsonl", SampleRecord)
    assert [(s.model, s.id, s.error is None) for s in samples] == [
        ("first-3", "c-d1", True),
        ("first-3", "c-d2", False),
        ("first-3", "c-d3", True),
        ("planted", "c-d1", True),
        ("planted", "c-d2", True),
        ("planted", "c-d3", True),
    ]
    assert two.failures == one.failures
    assert [(f.id, f.stage) for f in two.failures["first-3"]] == [("c-d2", "model")]


def test_a_scorer_failure_in_a_worker_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    result, run_dir = run_toy(tmp_path, 2, fail_on="Kabul")

    assert result.exit_code == 1
    assert [(f.id, f.stage, f.error) for f in result.failures["first-3"]] == [
        ("c-d2", "model", "ModelError: cannot summarize c-d2"),
        ("c-d3", "scoring", "scorer 'words': ValueError: cannot score a summary containing 'Kabul'"),
    ]
    assert result.failures["planted"] == []
    samples = read_jsonl(run_dir / "samples.jsonl", SampleRecord)
    first = [(s.id, s.error is None, "word_precision" in s.metrics) for s in samples if s.model == "first-3"]
    assert first == [("c-d1", True, True), ("c-d2", False, False), ("c-d3", False, False)]
    assert [s.error is None for s in samples if s.model == "planted"] == [True, True, True]


def test_an_unavailable_scorer_still_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(ScorerUnavailableError, match="the toy model is not installed"):
        run_toy(tmp_path, 2, unavailable=True)


def test_a_scorer_that_becomes_unavailable_in_a_worker_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(ScorerUnavailableError, match="the toy model went away"):
        run_toy(tmp_path, 2, lost_on="Kabul")
    samples = read_jsonl(tmp_path / "run2" / partial_name("samples.jsonl"), SampleRecord)
    assert [(s.model, s.id) for s in samples] == [("first-3", "c-d1"), ("first-3", "c-d2")]
    assert not (tmp_path / "run2" / "metrics.json").exists()
    assert not (tmp_path / "run2" / "samples.jsonl").exists()


@pytest.mark.parametrize("value", [0, -1, "two", 1.5, True])
def test_num_proc_must_be_a_positive_whole_number(value: Any) -> None:
    with pytest.raises(ConfigError, match="num_proc"):
        check_num_proc(value)


def test_the_built_in_goldset_by_document_gives_the_same_files_in_two_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    chosen = ["summarizers.textrank=null", "summarizers.oracle=null", "summarizers.references=null"]
    for num_proc in (1, 2):
        run_dir = tmp_path / f"run{num_proc}"
        assert (
            main(
                [
                    "run",
                    "task.unit=document",
                    *chosen,
                    "cache=false",
                    f"num_proc={num_proc}",
                    f"hydra.run.dir={run_dir}",
                ]
            )
            == 0
        )

    samples = read_jsonl(tmp_path / "run2" / "samples.jsonl", SampleRecord)
    assert len(samples) == 10
    assert {s.model for s in samples} == {"lead-3", "corrupt-references"}
    for name in RESULT_FILES:
        one = (tmp_path / "run1" / name).read_text(encoding="utf-8")
        assert (tmp_path / "run2" / name).read_text(encoding="utf-8") == one, name
