"""The predictions-file summarizer: lookup by cluster id and errors that name file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.errors import InputFileError, ModelError
from harness.models.protocols import SourceCluster, SourceDocument
from harness.models.summarizers.predictions import PredictionsSummarizer

CLUSTER = SourceCluster("talks", (SourceDocument("d", "Some text."),))


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "preds.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_the_summary_of_the_cluster(tmp_path: Path) -> None:
    path = _write(
        tmp_path, json.dumps({"id": "other", "summary": "No."}), "", json.dumps({"id": "talks", "summary": "Yes."})
    )
    summary = PredictionsSummarizer(str(path)).summarize(CLUSTER)
    assert summary.text == "Yes."
    assert summary.metadata == {"source": f"{path}:3"}


def test_cluster_field_keys_the_row(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"id": "s1", "cluster": "talks", "summary": "By cluster."}))
    assert PredictionsSummarizer(str(path)).summarize(CLUSTER).text == "By cluster."


def test_custom_field_names(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"key": "talks", "text": "Custom."}))
    model = PredictionsSummarizer(str(path), id_field="key", summary_field="text")
    assert model.summarize(CLUSTER).text == "Custom."


def test_missing_prediction_is_a_model_error_for_that_sample(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"id": "other", "summary": "No."}))
    model = PredictionsSummarizer(str(path))
    with pytest.raises(ModelError, match="no prediction for cluster 'talks'"):
        model.summarize(CLUSTER)
    assert model.summarize(SourceCluster("other", CLUSTER.documents)).text == "No."


@pytest.mark.parametrize(
    ("lines", "line", "field", "message"),
    [
        ([json.dumps({"id": "a", "summary": "x"}), "{not json"], 2, None, "not valid JSON"),
        (["[1, 2]"], 1, None, "expected a JSON object"),
        ([json.dumps({"summary": "x"})], 1, "id", "missing field"),
        ([json.dumps({"id": "a"})], 1, "summary", "missing field"),
        ([json.dumps({"id": "a", "summary": 3})], 1, "summary", "expected str, got int"),
        ([json.dumps({"id": 7, "summary": "x"})], 1, "id", "expected str, got int"),
        ([json.dumps({"id": "a", "summary": "x"}), json.dumps({"id": "a", "summary": "y"})], 2, "id", "duplicate"),
    ],
)
def test_malformed_rows_name_file_line_and_field(
    tmp_path: Path, lines: list[str], line: int, field: str | None, message: str
) -> None:
    path = _write(tmp_path, *lines)
    with pytest.raises(InputFileError, match=message) as caught:
        PredictionsSummarizer(str(path))
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert caught.value.field == field
    assert f"line {line}" in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="file not found"):
        PredictionsSummarizer(str(tmp_path / "absent.jsonl"))
