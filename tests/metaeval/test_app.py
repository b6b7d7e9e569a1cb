"""`harness meta-eval` end to end on a local JSON Lines file, and the real number scorer on a labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main as cli_main
from harness.metaeval.evaluate import evaluate_scorer
from harness.metaeval.items import LabelledItem
from harness.metaeval.scoring import ScorerEntry, score_items
from harness.metaeval.stats import BootstrapSettings
from tests.metaeval.toys import CapitalScorer, DigitScorer, target

RECORDS = [
    {
        "id": "a",
        "document": "Twelve countries, 12 in all, met in 2018.",
        "summary": "12 countries met in 2018.",
        "label": 1,
        "split": "dev",
    },
    {
        "id": "b",
        "document": "Twelve countries, 12 in all, met in 2018.",
        "summary": "14 countries met in 2018.",
        "label": 0,
        "split": "dev",
        "categories": ["number"],
        "spans": [{"start": 0, "end": 2, "type": "number"}],
    },
    {
        "id": "c",
        "document": "Talks open on 4 September in Moscow.",
        "summary": "Talks open on 4 September.",
        "label": 1,
        "split": "test",
        "spans": [],
    },
    {
        "id": "d",
        "document": "Talks open on 4 September in Moscow.",
        "summary": "Talks open on 5 September in Kabul.",
        "label": 0,
        "split": "test",
        "categories": ["number", "entity"],
        "spans": [{"text": "5", "type": "number"}, {"text": "Kabul", "type": "entity"}],
    },
    {
        "id": "e",
        "document": "About 40 percent are contested.",
        "summary": "About 40 percent are contested in Moscow.",
        "label": 0,
        "split": "test",
        "categories": ["entity"],
        "spans": [{"text": "Moscow", "type": "entity"}],
    },
]


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    return path


def run_cli(labelled: Path, run_dir: Path, *extra: str) -> int:
    scorers = f"scorers=[{{_target_: {target(DigitScorer)}}},{{_target_: {target(CapitalScorer)}, name: caps}}]"
    return cli_main(
        [
            "meta-eval",
            f"metaeval_data.path={labelled}",
            scorers,
            "bootstrap.resamples=100",
            f"hydra.run.dir={run_dir}",
            *extra,
        ]
    )


def test_cli_prints_the_three_tables_and_writes_the_files(
    labelled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    assert run_cli(labelled, run_dir) == 0
    printed = capsys.readouterr().out
    for title in ("Summary level: labelled.jsonl", "Per error category", "Span level", "Published reference figures"):
        assert title in printed
    summary = json.loads((run_dir / "metaeval.json").read_text(encoding="utf-8"))
    assert summary["protocol"]["threshold_basis"] == "dev"
    assert (summary["dataset"]["n_dev"], summary["dataset"]["n_test"]) == (2, 3)
    digits, caps = summary["scorers"]
    assert (digits["name"], caps["name"]) == ("digits", "caps")
    # digits: dev scores a 1.0, b 0.5 -> threshold 0.5; test c 1.0 (label 1), d 0.0, e 1.0 (label 0)
    assert digits["summary"]["threshold"] == 0.5
    assert digits["summary"]["balanced_accuracy"]["mean"] == pytest.approx(0.75)
    assert digits["summary"]["roc_auc"]["mean"] == pytest.approx(0.75)
    assert digits["summary"]["pearson"]["mean"] == pytest.approx(0.5)
    assert set(digits["categories"]) == {"entity", "number"}
    # the only number error in test (d) scores 0.0 against c's 1.0
    assert digits["categories"]["number"]["roc_auc"]["mean"] == pytest.approx(1.0)
    # digits flags "5" in d: one correct finding; marked spans 5, Kabul, Moscow -> recall 1/3
    assert digits["spans"]["all"]["precision"]["mean"] == pytest.approx(1.0)
    assert digits["spans"]["all"]["recall"]["mean"] == pytest.approx(1 / 3)
    assert caps["spans"]["entity"]["recall"]["mean"] == pytest.approx(1.0)
    lines = [json.loads(line) for line in (run_dir / "scores.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 10
    d_digits = next(line for line in lines if line["scorer"] == "digits" and line["id"] == "d")
    assert d_digits["score"] == 0.0 and [flag["text"] for flag in d_digits["flagged"]] == ["5"]
    markdown = (run_dir / "metaeval.md").read_text(encoding="utf-8")
    assert "## Summary level: labelled.jsonl" in markdown and "| digits | findings |" in markdown
    assert "## Span level" in markdown and "## Per error category" in markdown


def test_cli_metric_rule_and_bad_input_errors(
    labelled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(labelled, tmp_path / "run", "score=metric:nothing") == 2
    assert "has no metric 'nothing'" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps({"document": "d", "label": 1}) + "\n", encoding="utf-8")
    assert run_cli(broken, tmp_path / "run2") == 2
    assert "broken.jsonl, line 1, field 'summary'" in capsys.readouterr().err


def test_real_number_scorer_flags_a_changed_number() -> None:
    from harness.metrics.numbers import NumberConsistencyScorer

    document = "Twelve countries have been invited to the talks in Moscow on Sept. 4, the ministry said."
    items = [
        LabelledItem("kept", document, "Twelve countries have been invited to the talks.", 1, "test"),
        LabelledItem("changed", document, "Fifteen countries have been invited to the talks.", 0, "test"),
    ]
    scored = score_items(ScorerEntry("numbers", NumberConsistencyScorer()), items, progress=False)
    assert [entry.score for entry in scored] == [1.0, 0.0]
    assert [(finding.text, finding.verdict) for finding in scored[1].flagged] == [("Fifteen countries", "contradicted")]
    report = evaluate_scorer("numbers", "findings", scored, BootstrapSettings(resamples=50))
    assert report.summary.roc_auc.mean == 1.0
    assert report.summary.threshold_basis == "optimistic"
