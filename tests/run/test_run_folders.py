"""A run never destroys the results it finds: a folder holding results is refused unless overwrite=true, and
results are moved into place only once complete. Bad folders and bad settings are one-line errors, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.results.records import METRICS_FILE, SAMPLES_FILE, read_summary
from tests.run.run_toys import FirstWordsSummarizer, WordScorer, target

CLUSTER = "moscow-talks-2018"


@pytest.fixture
def toy(tmp_path: Path) -> list[str]:
    """A config folder with a fast toy summarizer and scorer, and a scorer that cannot start."""
    root = tmp_path / "configs"
    files = {
        "summarizer/toy.yaml": f"_target_: {target(FirstWordsSummarizer)}\nname: toy\nwords: 3\n",
        "metrics/toy.yaml": f"words:\n  _target_: {target(WordScorer)}\n",
        "metrics/broken.yaml": f"words:\n  _target_: {target(WordScorer)}\n  lost_on: the\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return ["--config-dir", str(root), "summarizer=toy"]


def _finished_run(run_dir: Path, toy: list[str]) -> dict[str, bytes]:
    assert main(["run", *toy, "metrics=toy", f"hydra.run.dir={run_dir}"]) == 0
    return {name: (run_dir / name).read_bytes() for name in (METRICS_FILE, SAMPLES_FILE, "table.md")}


def test_a_folder_with_results_is_refused_and_kept(
    tmp_path: Path, toy: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    before = _finished_run(run_dir, toy)
    capsys.readouterr()

    assert main(["run", *toy, "metrics=toy", "summarizer.words=5", f"hydra.run.dir={run_dir}"]) == 2
    error = capsys.readouterr().err
    assert "already holds the results" in error and "overwrite=true" in error
    assert {name: (run_dir / name).read_bytes() for name in before} == before


def test_a_failing_overwrite_leaves_the_old_results_whole(
    tmp_path: Path, toy: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    before = _finished_run(run_dir, toy)
    capsys.readouterr()
    overrides = ["metrics=broken", "summarizer.words=50", "overwrite=true", f"hydra.run.dir={run_dir}"]
    assert main(["run", *toy, *overrides]) == 2
    assert "went away" in capsys.readouterr().err
    assert list(run_dir.glob(".*.partial"))
    assert {name: (run_dir / name).read_bytes() for name in before} == before


def test_overwrite_replaces_every_file(tmp_path: Path, toy: list[str]) -> None:
    run_dir = tmp_path / "run"
    assert main(["run", *toy, "metrics=toy", f"hydra.run.dir={run_dir}"]) == 0
    assert main(["run", *toy, "metrics=toy", "summarizer.words=5", "overwrite=true", f"hydra.run.dir={run_dir}"]) == 0
    samples = [json.loads(line) for line in (run_dir / SAMPLES_FILE).read_text().splitlines()]
    assert len(samples) == 1
    assert read_summary(run_dir / METRICS_FILE).models["toy"].n_samples == 1
    assert not list(run_dir.glob(".*.partial"))


def test_a_run_folder_that_is_a_file_is_one_line_exit_2(
    tmp_path: Path, toy: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["run", *toy, "metrics=toy", f"hydra.run.dir={blocker / 'run'}"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and str(blocker) in error and "Traceback" not in error


def test_a_setting_of_the_wrong_type_names_the_key(
    tmp_path: Path, toy: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = ["summarizer=lead", "summarizer.k=five", "metrics=toy", f"hydra.run.dir={tmp_path / 'r'}"]
    assert main(["run", *toy[:2], *overrides]) == 2
    assert capsys.readouterr().err.strip() == "harness run: error: summarizer.k: expected an integer, got 'five'"


def test_an_unreachable_dataset_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", "goldset=hf_dataset", "goldset.path=multi_news", f"hydra.run.dir={tmp_path / 'r'}"])
    error = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert error[-1].startswith("harness run: error:") and "multi_news" in error[-1]
    assert not any("Traceback" in line or "Error executing job" in line for line in error)
