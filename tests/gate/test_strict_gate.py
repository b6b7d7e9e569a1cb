"""The gate never passes what it did not check: an unknown metric name is a usage error, a baseline or run
without samples fails, and which way a metric is worse comes from its scorer's declaration."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.cli import main
from harness.results.metric_info import LOWER
from tests.runfiles import MakeRun, finding

IDS = ["a", "b", "c"]


def _run(make_run: MakeRun, name: str, rouge: float = 0.4, **kwargs: object) -> Path:
    samples = [(i, {"rouge1": rouge, "my_errors": 0.0}, [finding("supported")]) for i in IDS]
    return make_run(name, {"lead-3": samples}, **kwargs)


def test_a_misspelt_metric_is_a_usage_error_listing_the_known_names(
    make_run: MakeRun, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _run(make_run, "run")
    assert main(["gate", str(run), "--baseline", str(run), "--set", "metrics.rouge11.min=0.99"]) == 2
    error = capsys.readouterr().err
    assert "unknown metric(s) rouge11" in error and "rouge1," in error


def test_a_baseline_without_samples_fails(make_run: MakeRun, capsys: pytest.CaptureFixture[str]) -> None:
    run = _run(make_run, "run")
    empty = _run(make_run, "empty")
    (empty / "samples.jsonl").write_text("")
    assert main(["gate", str(run), "--baseline", str(empty)]) == 1
    out = capsys.readouterr().out
    assert "the baseline has no samples of 'lead-3'" in out and "FAILED" in out


def test_a_run_that_checks_nothing_fails(make_run: MakeRun, capsys: pytest.CaptureFixture[str]) -> None:
    nothing = make_run("nothing", {})
    assert main(["gate", str(nothing), "--baseline", str(nothing)]) == 1
    assert "holds no model" in capsys.readouterr().out


def test_direction_comes_from_the_declared_metric_info(make_run: MakeRun, capsys: pytest.CaptureFixture[str]) -> None:
    declared = {"my_*": LOWER}
    baseline = _run(make_run, "baseline", metric_info=declared)
    worse = make_run(
        "worse",
        {"lead-3": [(i, {"rouge1": 0.4, "my_errors": 1.0}, [finding("supported")]) for i in IDS]},
        metric_info=declared,
    )
    rule = ["--set", "metrics.my_errors.max_drop=0.0"]
    assert main(["gate", str(worse), "--baseline", str(baseline), *rule]) == 1
    assert "my_errors rose from 0.0000 to 1.0000" in capsys.readouterr().out
    assert main(["gate", str(baseline), "--baseline", str(worse), *rule]) == 0


def test_a_gate_config_no_longer_takes_a_direction(make_run: MakeRun, capsys: pytest.CaptureFixture[str]) -> None:
    run = _run(make_run, "run")
    assert main(["gate", str(run), "--baseline", str(run), "--set", "metrics.rouge1.higher_is_better=false"]) == 2
    assert "higher_is_better" in capsys.readouterr().err
