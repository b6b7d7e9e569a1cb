"""`harness gate`: passes when the run holds, fails on a lowered metric, an item regression or a crash,
and exits 2 on a missing or corrupt results file with a message naming it."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from harness.cli import main
from tests.runfiles import MakeRun, finding

IDS = ["a", "b", "c"]


def _baseline(make_run: MakeRun) -> Path:
    return make_run(
        "baseline",
        {"lead-3": [(i, {"rouge1": 0.40, "number_precision": 1.0}, [finding("supported")]) for i in IDS]},
    )


def test_identical_run_passes_and_writes_reports(make_run: MakeRun, tmp_path: Path) -> None:
    baseline = _baseline(make_run)
    junit, markdown = tmp_path / "gate.xml", tmp_path / "gate.md"
    code = main(
        ["gate", str(baseline), "--baseline", str(baseline), "--junit", str(junit), "--markdown", str(markdown)]
    )
    assert code == 0
    suite = ElementTree.parse(junit).getroot()
    assert suite.get("failures") == "0"
    assert int(suite.get("tests", "0")) >= 4
    assert markdown.read_text().startswith("✅ **Gate passed**")


def test_lowered_metric_fails(make_run: MakeRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = _baseline(make_run)
    worse = make_run(
        "worse", {"lead-3": [(i, {"rouge1": 0.30, "number_precision": 1.0}, [finding("supported")]) for i in IDS]}
    )
    junit = tmp_path / "gate.xml"
    assert main(["gate", str(worse), "--baseline", str(baseline), "--junit", str(junit)]) == 1
    out = capsys.readouterr().out
    assert "rouge1 fell from 0.4000 to 0.3000 (tolerated: 0.02)" in out
    failures = ElementTree.parse(junit).getroot().findall(".//failure")
    assert [f.get("message") for f in failures] == ["rouge1 fell from 0.4000 to 0.3000 (tolerated: 0.02)"]
    # A looser threshold from the command line lets the same run through.
    assert main(["gate", str(worse), "--baseline", str(baseline), "--set", "metrics.rouge1.max_drop=0.2"]) == 0


def test_floor_fails_even_without_drop(make_run: MakeRun) -> None:
    low = make_run("low", {"m": [(i, {"number_precision": 0.5}, []) for i in IDS]})
    assert main(["gate", str(low), "--baseline", str(low)]) == 0
    assert main(["gate", str(low), "--baseline", str(low), "--set", "metrics.number_precision.min=0.8"]) == 1


def test_item_regression_fails_and_names_the_sample(
    make_run: MakeRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = _baseline(make_run)
    samples = [(i, {"rouge1": 0.40, "number_precision": 1.0}, [finding("supported")]) for i in IDS]
    samples[1] = ("b", {"rouge1": 0.40, "number_precision": 1.0}, [finding("contradicted", "14 countries")])
    regressed = make_run("regressed", {"lead-3": samples})
    markdown = tmp_path / "pr.md"
    assert main(["gate", str(regressed), "--baseline", str(baseline), "--markdown", str(markdown)]) == 1
    out = capsys.readouterr().out
    assert "sample b passed in the baseline and now fails: number '14 countries' contradicted" in out
    assert "### What got worse" in markdown.read_text()


def test_crashed_sample_never_passes(make_run: MakeRun) -> None:
    baseline = _baseline(make_run)
    crashed = make_run(
        "crashed",
        {"lead-3": [(i, {"rouge1": 0.40, "number_precision": 1.0}, [finding("supported")]) for i in IDS]},
        **{"lead-3:c": "RuntimeError: out of memory"},
    )
    assert main(["gate", str(crashed), "--baseline", str(baseline), "--set", "item_regressions=false"]) == 1


def test_missing_model_fails(make_run: MakeRun) -> None:
    baseline = _baseline(make_run)
    other = make_run("other", {"textrank": [(i, {"rouge1": 0.5}, []) for i in IDS]})
    assert main(["gate", str(other), "--baseline", str(baseline)]) == 1


def test_github_annotations(
    make_run: MakeRun, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = _baseline(make_run)
    worse = make_run("worse", {"lead-3": [(i, {"rouge1": 0.1, "number_precision": 1.0}, []) for i in IDS]})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["gate", str(worse), "--baseline", str(baseline)]) == 1
    assert "::error title=harness gate: lead-3::rouge1 change: rouge1 fell" in capsys.readouterr().out


@pytest.mark.parametrize("broken", ["missing", "corrupt-json", "bad-field"])
def test_bad_results_file_exits_2_naming_it(make_run: MakeRun, broken: str, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = _baseline(make_run)
    run = make_run("run", {"lead-3": [(i, {"rouge1": 0.4}, []) for i in IDS]})
    if broken == "missing":
        (run / "samples.jsonl").unlink()
        expected = "samples.jsonl: results file not found"
    elif broken == "corrupt-json":
        (run / "metrics.json").write_text("{not json")
        expected = "metrics.json, line 1: invalid JSON"
    else:
        lines = (run / "samples.jsonl").read_text().splitlines()
        lines[1] = lines[1].replace('"rouge1":0.4', '"rouge1":"high"')
        (run / "samples.jsonl").write_text("\n".join(lines) + "\n")
        expected = "samples.jsonl, line 2, field 'metrics.rouge1'"
    assert main(["gate", str(run), "--baseline", str(baseline)]) == 2
    assert expected in capsys.readouterr().err


def test_unknown_gate_config_exits_2(make_run: MakeRun, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = _baseline(make_run)
    assert main(["gate", str(baseline), "--baseline", str(baseline), "--config", "nope"]) == 2
    assert "gate config not found" in capsys.readouterr().err
