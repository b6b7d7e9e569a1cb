"""`harness compare`: tables from results files, paired tests against a baseline, every output format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from harness.cli import main
from harness.errors import HarnessError
from harness.report.compare import compare
from harness.report.formats import to_csv, to_latex, to_markdown
from harness.results.records import Fingerprint
from harness.results.runs import load_runs
from tests.runfiles import MakeRun, finding

IDS = [f"doc{i}" for i in range(8)]


def _two_models(make_run: MakeRun) -> Path:
    return make_run(
        "run",
        {
            "base": [(i, {"rouge1": 0.2, "number_precision": 1.0}, [finding("supported")]) for i in IDS],
            "better": [(i, {"rouge1": 0.5, "number_precision": 1.0}, [finding("contradicted")]) for i in IDS],
        },
    )


def test_means_tests_and_flag_breakdown(make_run: MakeRun) -> None:
    comparison = compare(load_runs([str(_two_models(make_run))]), baseline="base")
    assert comparison.metrics[:2] == ["rouge1", "number_precision"]
    assert comparison.estimates["better"]["rouge1"].mean == pytest.approx(0.5)
    test = comparison.tests["better"]["rouge1"]
    assert test.difference == pytest.approx(0.3)
    assert test.p_value == pytest.approx(2 / 256)
    assert comparison.tests["better"]["number_precision"].p_value == 1.0
    assert comparison.flagged["better"]["number"] == 8
    assert comparison.flagged["base"]["number"] == 0
    assert comparison.flagged_share["better"].mean == 1.0


def test_markdown_marks_significant_differences(make_run: MakeRun) -> None:
    text = to_markdown(compare(load_runs([str(_two_models(make_run))]), baseline="base"))
    assert "| base (baseline) | 0.200 |" in text
    assert "| better | 0.500 ↑† | 1.000 |" in text
    assert "| better | 8 / 8 |" in text


def test_csv_is_long_and_unrounded(make_run: MakeRun) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(compare(load_runs([str(_two_models(make_run))]), baseline="base")))))
    better = next(r for r in rows if r["model"] == "better" and r["metric"] == "rouge1")
    assert float(better["mean"]) == pytest.approx(0.5)
    assert float(better["p_value"]) == pytest.approx(2 / 256)
    assert len(rows) == 4


def test_latex_escapes_and_marks(make_run: MakeRun) -> None:
    latex = to_latex(compare(load_runs([str(_two_models(make_run))]), baseline="base"))
    assert r"number\_precision" in latex
    assert r"$\uparrow$$^\dagger$" in latex
    assert latex.startswith(r"\begin{tabular}")


def test_runs_with_other_fingerprints_are_refused(make_run: MakeRun) -> None:
    first = make_run("a", {"m1": [("x", {"rouge1": 0.1}, [])]})
    other = Fingerprint(harness_version="0.0.1", goldset="h" * 64, scorers="s" * 64)
    second = make_run("b", {"m2": [("x", {"rouge1": 0.2}, [])]}, fingerprint=other)
    with pytest.raises(HarnessError, match="fingerprints differ"):
        compare(load_runs([str(first), str(second)]))
    assert compare(load_runs([str(first), str(second)]), allow_mixed=True).models == ["m1", "m2"]


def test_same_model_in_two_runs_is_labelled_by_folder(make_run: MakeRun) -> None:
    first = make_run("week1", {"bart": [("x", {"rouge1": 0.1}, [])]})
    second = make_run("week2", {"bart": [("x", {"rouge1": 0.2}, [])]})
    assert compare(load_runs([str(first), str(second)])).models == ["bart (week1)", "bart (week2)"]


def test_cli_formats_and_glob(make_run: MakeRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _two_models(make_run)
    assert main(["compare", str(tmp_path / "ru*"), "--baseline", "base", "--format", "markdown"]) == 0
    assert "0.500 ↑†" in capsys.readouterr().out
    out = tmp_path / "table.html"
    assert main(["compare", str(tmp_path / "run"), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text().startswith("<table>")


def test_cli_names_a_missing_results_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["compare", str(tmp_path / "empty")]) == 2
    assert "metrics.json: results file not found" in capsys.readouterr().err
