"""Each reader on a small file of its format, and on a malformed one whose error names file, line and field."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from harness.errors import InputFileError
from harness.metaeval.items import ErrorSpan
from harness.metaeval.readers.frank import FrankReader
from harness.metaeval.readers.hf import HFDatasetReader
from harness.metaeval.readers.jsonl import JsonlReader
from harness.metaeval.readers.summac import SummacCsvReader
from harness.metaeval.readers.xsumfaith import XsumFaithReader


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


JSONL_RECORDS: list[dict[str, Any]] = [
    {"id": "a", "document": "12 countries met.", "summary": "12 countries met.", "label": 1, "split": "val"},
    {
        "id": "b",
        "document": "12 countries met in Moscow.",
        "summary": "14 countries met in Kabul.",
        "label": "INCORRECT",
        "split": "test",
        "categories": ["number", "entity"],
        "spans": [{"start": 0, "end": 2, "text": "14", "type": "number"}, {"text": "Kabul", "type": "entity"}],
    },
]


def test_jsonl_reads_labels_splits_categories_and_spans(tmp_path: Path) -> None:
    dataset = JsonlReader(str(write_jsonl(tmp_path / "set.jsonl", JSONL_RECORDS))).load()
    first, second = dataset.items
    assert (first.id, first.label, first.split, first.categories, first.spans) == ("a", 1, "dev", (), None)
    assert (second.label, second.split, second.categories) == (0, "test", ("number", "entity"))
    assert second.spans == (ErrorSpan(0, 2, "14", "number"), ErrorSpan(20, 25, "Kabul", "entity"))
    assert dataset.has_categories and dataset.has_spans


def test_jsonl_column_mapping_and_inverted_labels(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "set.jsonl", [{"src": "d", "hyp": "s", "is_error": 1}, {"src": "d", "hyp": "s", "is_error": 0}]
    )
    reader = JsonlReader(
        str(path), columns={"document": "src", "summary": "hyp", "label": "is_error"}, label_means="inconsistent"
    )
    assert [item.label for item in reader.load().items] == [0, 1]
    assert [item.id for item in reader.load().items] == ["line-1", "line-2"]


def test_jsonl_missing_field_names_file_line_and_field(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [JSONL_RECORDS[0], {"document": "d", "label": 1}])
    with pytest.raises(InputFileError) as raised:
        JsonlReader(str(path)).load()
    assert (raised.value.path, raised.value.line, raised.value.field) == (str(path), 2, "summary")
    assert "bad.jsonl, line 2, field 'summary'" in str(raised.value)


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b'{"document": "d", "summary": "s", "label": 1}\n{"document": "caf\xe9"}\n', 2, "not UTF-8"),
        (b'{"document": "d", "summary": "s", "label": 1}\n\n{not json\n', 3, "not valid JSON"),
        (b"[1, 2]\n", 1, "expected a JSON object"),
    ],
)
def test_jsonl_unreadable_lines_name_file_and_line(tmp_path: Path, content: bytes, line: int, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as raised:
        JsonlReader(str(path)).load()
    assert (raised.value.path, raised.value.line) == (str(path), line)


def test_a_missing_jsonl_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="file not found") as raised:
        JsonlReader(str(tmp_path / "absent.jsonl")).load()
    assert raised.value.path == str(tmp_path / "absent.jsonl")


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"document": "d", "summary": "s", "label": "maybe"}, "label"),
        ({"document": "d", "summary": "s", "label": 1, "split": "train"}, "split"),
        ({"document": "d", "summary": "abc", "label": 0, "spans": [{"start": 1, "end": 9}]}, "spans[0]"),
        ({"document": "d", "summary": "abc", "label": 0, "spans": [{"text": "zz"}]}, "spans[0].text"),
    ],
)
def test_jsonl_bad_values_name_their_field(tmp_path: Path, record: dict[str, Any], field: str) -> None:
    with pytest.raises(InputFileError) as raised:
        JsonlReader(str(write_jsonl(tmp_path / "bad.jsonl", [record]))).load()
    assert (raised.value.line, raised.value.field) == (1, field)


def frank_record(summary: str, annotations: list[dict[str, list[str]]], split: str = "test") -> dict[str, Any]:
    return {
        "hash": f"h-{summary[:3]}",
        "model_name": "bart",
        "article": "The article.",
        "summary": summary,
        "split": split,
        "summary_sentences": summary.split(". "),
        "summary_sentences_annotations": annotations,
    }


def test_frank_label_and_categories_follow_the_majority(tmp_path: Path) -> None:
    records = [
        # every sentence has 2 of 3 NoE votes: consistent
        frank_record(
            "One. Two",
            [{"a": ["NoE"], "b": ["NoE"], "c": ["EntE"]}, {"a": ["NoE"], "b": ["CircE"], "c": ["NoE"]}],
            "valid",
        ),
        # the second sentence has one NoE: inconsistent; EntE chosen by 2 of 3 there, OutE by one only
        frank_record(
            "Three. Four",
            [{"a": ["NoE"], "b": ["NoE"], "c": ["NoE"]}, {"a": ["EntE", "OutE"], "b": ["EntE"], "c": ["NoE"]}],
        ),
        # no NoE majority and no category majority: inconsistent without a category
        frank_record("Five", [{"a": ["RelE"], "b": ["CorefE"], "c": ["NoE"]}]),
    ]
    path = tmp_path / "human_annotations_sentence.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    dataset = FrankReader(str(path)).load()
    assert [item.label for item in dataset.items] == [1, 0, 0]
    assert [item.categories for item in dataset.items] == [(), ("EntE",), ()]
    assert [item.split for item in dataset.items] == ["dev", "test", "test"]
    assert dataset.items[1].id == "h-Thr/bart" and dataset.items[1].document == "The article."
    assert dataset.benchmark == "frank"


def test_frank_missing_annotations_name_the_record_and_field(tmp_path: Path) -> None:
    record = frank_record("One", [{"a": ["NoE"]}])
    del record["summary_sentences_annotations"]
    path = tmp_path / "human_annotations.json"
    path.write_text(json.dumps([frank_record("Two", [{"a": ["NoE"]}]), record]), encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        FrankReader(str(path)).load()
    assert raised.value.field == "summary_sentences_annotations"
    assert "record 1" in str(raised.value) and str(path) in str(raised.value)


SUMMAC_ROWS = [
    {"document": "Doc one.", "claim": "Claim one.", "label": "1", "cut": "val", "dataset": "frank"},
    {"document": "Doc two.", "claim": "Claim two.", "label": "0", "cut": "test", "dataset": "frank"},
    {"document": "Doc three.", "claim": "Claim three.", "label": "1", "cut": "test", "dataset": "summeval"},
]


def test_summac_csv_keeps_one_subset_and_maps_cuts(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "summac.csv", SUMMAC_ROWS)
    dataset = SummacCsvReader(str(path), subset="frank").load()
    assert [(item.summary, item.label, item.split) for item in dataset.items] == [
        ("Claim one.", 1, "dev"),
        ("Claim two.", 0, "test"),
    ]
    assert dataset.benchmark == "summac/frank"
    assert len(SummacCsvReader(str(path)).load().items) == 3


def test_summac_csv_missing_column_names_line_and_field(tmp_path: Path) -> None:
    rows = [{key: value for key, value in row.items() if key != "claim"} for row in SUMMAC_ROWS]
    path = write_csv(tmp_path / "summac.csv", rows)
    with pytest.raises(InputFileError) as raised:
        SummacCsvReader(str(path)).load()
    assert (raised.value.line, raised.value.field) == (2, "claim")


SUMMARY = "The Taliban met 12 envoys in Kabul."


def xsum_row(worker: str, kind: str, span: str, start: int, end: int, system: str = "bart") -> dict[str, Any]:
    return {
        "bbcid": "101",
        "system": system,
        "summary": SUMMARY if system == "bart" else "A faithful summary.",
        "hallucination_type": kind,
        "hallucinated_span": span,
        "hallucinated_span_start": start,
        "hallucinated_span_end": end,
        "worker_id": worker,
    }


def test_xsumfaith_aggregates_annotators_by_majority(tmp_path: Path) -> None:
    kabul = SUMMARY.index("Kabul")
    rows = [
        # w1 and w2 mark "12 envoys in Kabul" / "Kabul" (w2 with 1-based offsets); w3 marks "Taliban" alone
        xsum_row("w1", "extrinsic", "12 envoys in Kabul", SUMMARY.index("12"), kabul + 5),
        xsum_row("w2", "intrinsic", "Kabul", kabul + 1, kabul + 6),
        xsum_row("w3", "extrinsic", "Taliban", 4, 11),
        # the second summary: only one of three marks anything, so it is consistent
        xsum_row("w1", "NULL", "", -1, -1, "pegasus"),
        xsum_row("w2", "NULL", "", -1, -1, "pegasus"),
        xsum_row("w3", "extrinsic", "faithful", 2, 10, "pegasus"),
    ]
    path = write_csv(tmp_path / "hallucination_annotations_xsum_summaries.csv", rows)
    documents = write_jsonl(tmp_path / "xsum.jsonl", [{"id": "101", "document": "The Taliban met envoys."}])
    dataset = XsumFaithReader(str(path), documents=str(documents), split_rule="alternate").load()
    bart, pegasus = dataset.items
    assert (bart.id, bart.label, bart.document, bart.split) == ("101/bart", 0, "The Taliban met envoys.", "dev")
    # only "Kabul" is covered by two of three annotators; one vote each for intrinsic and extrinsic there
    assert bart.spans == (ErrorSpan(kabul, kabul + 5, "Kabul", "extrinsic"),)
    assert bart.categories == ("extrinsic",)
    assert (pegasus.label, pegasus.spans, pegasus.split) == (1, (), "test")


def test_xsumfaith_missing_worker_column_and_unknown_document(tmp_path: Path) -> None:
    row = xsum_row("w1", "NULL", "", -1, -1)
    del row["worker_id"]
    path = write_csv(tmp_path / "x.csv", [row])
    documents = write_jsonl(tmp_path / "xsum.jsonl", [{"id": "101", "document": "Doc."}])
    with pytest.raises(InputFileError) as raised:
        XsumFaithReader(str(path), documents=str(documents)).load()
    assert (raised.value.line, raised.value.field) == (2, "worker_id")
    other = write_jsonl(tmp_path / "other.jsonl", [{"id": "7", "document": "Doc."}])
    with pytest.raises(InputFileError) as raised:
        XsumFaithReader(
            str(write_csv(tmp_path / "y.csv", [xsum_row("w1", "NULL", "", -1, -1)])), documents=str(other)
        ).load()
    assert raised.value.field == "bbcid"


def test_hf_reader_loads_a_local_jsonl_with_the_same_mapping(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "set.jsonl",
        [{"text": r["document"], "summary": r["summary"], "gold": r["label"]} for r in JSONL_RECORDS],
    )
    reader = HFDatasetReader(
        "json",
        split="train",
        data_files=str(path),
        cache_dir=str(tmp_path / "cache"),
        columns={"document": "text", "label": "gold"},
    )
    dataset = reader.load()
    assert [(item.id, item.label, item.summary) for item in dataset.items] == [
        ("train-0", 1, "12 countries met."),
        ("train-1", 0, "14 countries met in Kabul."),
    ]
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": "d", "summary": "s"}])
    with pytest.raises(InputFileError) as raised:
        HFDatasetReader(
            "json", split="train", data_files=str(bad), cache_dir=str(tmp_path / "cache2"), columns={"document": "text"}
        ).load()
    assert raised.value.field == "label" and "record 0" in str(raised.value)
