"""Models are keyed by (run, model) everywhere; `harness compare` stays readable at 80 columns and piped;
failed-run stub folders are skipped with a note; model names with `|` keep table.md's columns."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from harness.cli import main
from harness.errors import HarnessError
from harness.report.compare import compare
from harness.report.html import build_report, verdict_counts
from harness.results.records import Fingerprint, ModelSummary, RunSummary
from harness.results.runs import load_runs
from harness.run import table
from tests.runfiles import MakeRun, finding

IDS = [f"doc{i}" for i in range(6)]
METRICS = {f"metric_{i:02d}": 0.5 for i in range(27)}


def _run(make_run: MakeRun, name: str, model: str = "lead-3", value: float = 0.4) -> Path:
    metrics = {**METRICS, "rouge1": value, "number_precision": 1.0, "flagged": 0.0}
    return make_run(name, {model: [(i, metrics, [finding("supported")]) for i in IDS]})


def test_same_model_name_in_two_runs_is_kept_apart(make_run: MakeRun) -> None:
    first, second = _run(make_run, "k3"), _run(make_run, "k5", value=0.6)
    runs = load_runs([str(first), str(second)])
    comparison = compare(runs, baseline=str(first))
    assert comparison.models == ["lead-3 (k3)", "lead-3 (k5)"]
    assert comparison.baseline == "lead-3 (k3)"
    assert compare(runs, baseline="k5").baseline == "lead-3 (k5)"
    with pytest.raises(HarnessError, match="ambiguous"):
        compare(runs, baseline="lead-3")
    assert set(verdict_counts(runs)) == {"lead-3 (k3)", "lead-3 (k5)"}
    page = build_report(runs, comparison)
    assert "verdicts · lead-3 (k3)" in page and "verdicts · lead-3 (k5)" in page


def test_a_unique_model_name_is_a_baseline(make_run: MakeRun) -> None:
    runs = load_runs([str(_run(make_run, "a")), str(_run(make_run, "b", model="textrank"))])
    assert compare(runs, baseline="textrank").baseline == "textrank"


def test_compare_piped_is_readable_at_80_columns(
    make_run: MakeRun, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    runs = [str(_run(make_run, name, model=name, value=v)) for name, v in (("a", 0.3), ("b", 0.4), ("c", 0.5))]
    assert main(["compare", *runs, "--metrics", "all"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "metric_26" in out and "0.300" in out and "0.500" in out
    assert main(["compare", *runs, "--metrics", "rouge1,flagged"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "flagged share" not in out
    header = next(line for line in out.splitlines() if line.startswith("model"))
    assert header.split() == ["model", "rouge1", "flagged"]


def test_compare_shows_the_headline_columns_by_default(make_run: MakeRun) -> None:
    run = _run(make_run, "a")
    summary = RunSummary.model_validate_json((run / "metrics.json").read_text())
    summary.columns = {"ROUGE-1": "rouge1", "num prec": "number_precision"}
    (run / "metrics.json").write_text(summary.model_dump_json())
    assert compare(load_runs([str(run)])).metrics == ["rouge1", "number_precision"]


def test_compare_help_shows_a_plain_percent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--help"]) == 0
    out = capsys.readouterr().out
    assert "95%" in out and "95%%" not in out


def test_a_stub_folder_of_a_failed_run_is_skipped_with_a_note(
    make_run: MakeRun, tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(make_run, "runs/good")
    stub = tmp_path / "runs" / "failed"
    (stub / ".hydra").mkdir(parents=True)
    (stub / "run.log").write_text("")
    with caplog.at_level(logging.WARNING):
        assert main(["compare", str(tmp_path / "runs" / "*")]) == 0
    assert "skipped" in caplog.text and "failed" in caplog.text
    assert "lead-3" in capsys.readouterr().out


def test_table_md_escapes_a_bar_in_a_model_name() -> None:
    fingerprint = Fingerprint(harness_version="0", goldset="g", scorers="s")
    summary = RunSummary(
        task="summarize", dataset="d", fingerprint=fingerprint, models={"a|b": ModelSummary(model="a|b", n_samples=1)}
    )
    row = next(line for line in table.markdown(summary, {"R1": "rouge1"}).splitlines() if line.startswith("| a"))
    assert row.startswith("| a\\|b |") and row.count(" | ") == 3


def test_meta_eval_tables_keep_every_cell_at_80_columns() -> None:
    import io

    from rich.console import Console

    from harness.metaeval.render import TextTable, rich_table

    headers = ("scorer", "score rule", "n (cons./incons.)", "threshold", "balanced acc.", "ROC AUC", "Pearson")
    cells = ("numbers", "precision", "120 (80/40)", "0.500 (fitted)", "0.612 [0.551, 0.670]", "0.700 [0.6, 0.8]")
    table = TextTable("Summary level: FRANK", headers, ((*cells, "0.123 [0.101, 0.150]"),), "note")
    console = Console(width=80, file=io.StringIO(), color_system=None)
    console.print(rich_table(table))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "0.612 [0.551, 0.670]" in text and "0.123 [0.101, 0.150]" in text and "balanced acc." in text
