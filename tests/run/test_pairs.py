"""`goldset=pairs`: a JSONL or CSV table of (document, summary[, system, reference]) scored in one command."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from harness.cli import main
from harness.errors import ConfigError, InputFileError
from harness.results.records import OutputRecord, SampleRecord, read_jsonl, read_summary
from harness.run.pairs import PairsSource

TALKS = "Russia invited 12 countries to talks in Moscow on Sept. 4. The Taliban will attend."
KABUL = "Kabul declined the offer on Monday. Washington stays away."
ROWS: list[dict[str, Any]] = [
    {"document": TALKS, "summary": "Russia invited 14 countries.", "system": "a", "reference": "Russia invited 12."},
    {"document": TALKS, "summary": "Russia invited 12 countries.", "system": "b", "reference": "Russia invited 12."},
    {"document": KABUL, "summary": "Kabul declined the offer.", "system": "a", "reference": "Kabul said no."},
]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))


def test_one_model_per_system_scores_its_own_summaries_against_shared_samples(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "pairs.jsonl", ROWS)
    assert main(["run", "goldset=pairs", f"goldset.path={data}", f"hydra.run.dir={tmp_path / 'run'}"]) == 0
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert [(o.model, o.output["text"], o.cached) for o in outputs] == [
        ("a", "Russia invited 14 countries.", False),
        ("a", "Kabul declined the offer.", False),
        ("b", "Russia invited 12 countries.", False),
    ]
    assert outputs[0].id == outputs[2].id != outputs[1].id
    samples = read_jsonl(tmp_path / "run" / "samples.jsonl", SampleRecord)
    by_model = {(s.model, s.id): s for s in samples}
    wrong, right = by_model[("a", outputs[0].id)], by_model[("b", outputs[0].id)]
    assert wrong.metrics["number_contradicted"] + wrong.metrics["number_unsupported"] == 1.0
    assert right.metrics["number_supported"] == 1.0 and right.metrics["rouge1"] == pytest.approx(6 / 7)
    summary = read_summary(tmp_path / "run" / "metrics.json")
    assert {name: model.n_samples for name, model in summary.models.items()} == {"a": 2, "b": 1}


def test_a_csv_without_system_or_reference_is_one_model_scored_without_rouge(tmp_path: Path) -> None:
    data = tmp_path / "pairs.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["document", "summary"])
        writer.writeheader()
        writer.writerows({"document": row["document"], "summary": row["summary"]} for row in ROWS)
    args = ["run", "goldset=pairs", f"goldset.path={data}", "metrics.rouge=null", f"hydra.run.dir={tmp_path / 'run'}"]
    assert main(args) == 0
    summary = read_summary(tmp_path / "run" / "metrics.json")
    assert list(summary.models) == ["summaries"] and summary.models["summaries"].n_samples == 3
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert outputs[1].id == outputs[0].id + "#2" and outputs[2].id != outputs[0].id
    assert "rouge1" not in summary.models["summaries"].metrics


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", r"pairs.jsonl, line 2: not valid JSON"),
        (json.dumps({"document": TALKS}), r"pairs.jsonl, line 2, field 'summary': missing or empty"),
        (json.dumps({"document": 3, "summary": "x"}), r"pairs.jsonl, line 2, field 'document': must be text"),
    ],
)
def test_bad_rows_name_the_file_line_and_field(tmp_path: Path, line: str, message: str) -> None:
    data = tmp_path / "pairs.jsonl"
    data.write_text(json.dumps(ROWS[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=message):
        PairsSource(str(data)).samples("document")


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        PairsSource(str(tmp_path / "absent.jsonl"))
