"""`harness goldset validate|stats|locate|schema` on a tiny goldset: exit codes and printed output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness.authoring.cli import main
from harness.cli import main as harness_main


def test_validate_exits_0_with_a_one_line_summary(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tiny_goldset)]) == 0
    out = capsys.readouterr().out
    assert out == (
        "OK: goldset tiny (2 documents: 4 entities, 4 numbers, 2 events, 1 quotes, 2 furniture) has no problems\n"
    )


def test_validate_exits_1_and_prints_file_line_id_field_message(
    tiny_goldset: Path, edit_json: Callable[[Path, Callable[[Any], None]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    events = tiny_goldset / "annotations/doc-b/events.json"
    edit_json(events, lambda data: data["events"][0].update(time="2018-09-31"))
    assert main(["validate", str(tiny_goldset)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == f"1 problem in {tiny_goldset}"
    path, line, item, field, message = lines[0].split(":", 4)
    assert (path, item, field) == (str(events), " V001", " time")
    assert message.startswith(" '2018-09-31' is not a valid ISO date")
    assert events.read_text(encoding="utf-8").splitlines()[int(line) - 1].strip() == '"id": "V001",'


def test_missing_goldset_is_an_error_through_the_dispatcher(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path)]) == 1
    assert "goldset.json: -: -: file not found" in capsys.readouterr().out
    assert harness_main(["goldset", "stats", str(tmp_path)]) == 2
    assert "no goldset.json here" in capsys.readouterr().err


def test_stats_text(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tiny_goldset)]) == 0
    out = capsys.readouterr().out
    assert "annotations per layer\n           doc-a  doc-b  all\nentities   3      1      4\n" in out
    assert "numbers by qualifier\n        doc-a  doc-b  all\nexact   2      1      3\nnearly  0      1      1\n" in out


def test_stats_json_has_support_counts(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tiny_goldset), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["layers"]["numbers"] == {"doc-a": 2, "doc-b": 2}
    russia = next(item for item in data["entities"] if item["id"] == "russia")
    assert (russia["support"], russia["annotations"], russia["documents"]) == (2, 2, ["doc-a", "doc-b"])
    facts = {item["id"]: item["support"] for item in data["facts"]}
    assert facts == {"countries-invited": 1, "talks-date": 1, "years-since": 1}
    assert data["references"] == {"tiny-cluster": [9]}


def test_stats_markdown(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(tiny_goldset), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## goldset tiny: 2 documents\n\n### annotations per layer\n\n|  | doc-a | doc-b | all |\n")
    assert "| furniture | 1 | 1 | 2 |" in out


def test_locate_prints_offsets_and_span_json(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "doc-a", "talks", "--occurrence", "1", str(tiny_goldset)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "doc-a: start 62 end 67 (occurrence 1 of 1)"
    assert json.loads(lines[1]) == {"start": 62, "end": 67, "text": "talks"}


def test_locate_unknown_phrase_or_occurrence_is_a_user_error(
    tiny_goldset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert harness_main(["goldset", "locate", "doc-b", "Moscow", str(tiny_goldset)]) == 2
    assert "'Moscow' does not occur in document doc-b" in capsys.readouterr().err
    assert harness_main(["goldset", "locate", "doc", "Russia", str(tiny_goldset)]) == 2
    assert "matches 2 documents" in capsys.readouterr().err


def test_locate_on_the_built_in_goldset_with_a_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "001", "12 countries"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("001_3f86ba4f504d5ffb: start ")
    span = json.loads(out.splitlines()[1])
    text = (
        (Path(__file__).resolve().parents[2] / "goldsets/moscow-talks-2018/texts/001_3f86ba4f504d5ffb.txt")
        .open(encoding="utf-8", newline="")
        .read()
    )
    assert text[span["start"] : span["end"]] == "12 countries"


def test_schema_writes_then_checks(tiny_goldset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", str(tiny_goldset), "--check"]) == 1
    assert main(["schema", str(tiny_goldset)]) == 0
    assert (tiny_goldset / "schema" / "layer-numbers.schema.json").exists()
    assert main(["schema", str(tiny_goldset), "--check"]) == 0
