"""Export to Hugging Face `datasets`: one row per document with nested layers, one row per cluster."""

from __future__ import annotations

from pathlib import Path

from harness.goldset.hf import clusters_dataset, documents_dataset
from harness.goldset.load import load_goldset


def test_documents_dataset_rows_and_nested_layers(tiny_goldset: Path) -> None:
    dataset = documents_dataset(load_goldset(tiny_goldset))
    assert dataset.num_rows == 2
    assert dataset["id"] == ["doc-a", "doc-b"]
    row = dataset[0]
    assert (row["date"], row["date_basis"], row["title"]) == ("2018-08-22", "dateline", "Talks in Moscow")
    assert row["text"].startswith("Talks in Moscow\n\nBy Staff")
    first_number = row["numbers"][0]
    assert first_number["span"] == {"start": 27 + len("Russia has invited "), "end": 58, "text": "12 countries"}
    assert (first_number["value"], first_number["qualifier"], first_number["fact"]) == (
        12.0,
        "exact",
        "countries-invited",
    )
    assert first_number["date"] is None
    assert row["events"][0]["arguments"][0]["entity"] == "russia"
    assert row["quotes"][0]["cue"]["text"] == "said"
    assert dataset[1]["quotes"] == []
    nearly = dataset[1]["numbers"][0]
    assert (nearly["low"], nearly["high"], nearly["high_open"]) == (36.0, 40.0, True)


def test_every_exported_span_still_matches_its_text(tiny_goldset: Path) -> None:
    for row in documents_dataset(load_goldset(tiny_goldset)):
        for layer, field in [("entities", "span"), ("numbers", "span"), ("quotes", "content"), ("furniture", "span")]:
            for item in row[layer]:
                span = item[field]
                assert row["text"][span["start"] : span["end"]] == span["text"]


def test_clusters_dataset(tiny_goldset: Path) -> None:
    dataset = clusters_dataset(load_goldset(tiny_goldset))
    assert dataset.num_rows == 1
    row = dataset[0]
    assert (row["id"], row["document_ids"]) == ("tiny-cluster", ["doc-a", "doc-b"])
    assert row["texts"][1].startswith("Taliban accept")
    assert row["references"] == [
        {"id": "ref-1", "text": "Russia invited 12 countries to talks on Sept. 4.", "target_words": 10, "author": None}
    ]


def test_datasets_round_trip_through_disk(tiny_goldset: Path, tmp_path: Path) -> None:
    import datasets

    documents_dataset(load_goldset(tiny_goldset)).save_to_disk(str(tmp_path / "docs"))
    reloaded = datasets.load_from_disk(str(tmp_path / "docs"))
    assert reloaded[1]["furniture"][0]["kind"] == "comment_prompt"
