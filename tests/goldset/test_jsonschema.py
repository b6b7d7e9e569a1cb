"""The committed JSON Schemas match the models, and they accept the goldset files they describe."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from harness.goldset.jsonschema import SCHEMA_MODELS, schema_document, stale_schemas, write_schemas
from harness.goldset.load import DEFAULT_GOLDSET

SCHEMA_FOLDER = DEFAULT_GOLDSET / "schema"

FILES_OF = {
    "goldset.schema.json": ["goldset.json"],
    "inventory-entities.schema.json": ["inventory/entities.json"],
    "inventory-number-facts.schema.json": ["inventory/number-facts.json"],
    "inventory-event-clusters.schema.json": ["inventory/event-clusters.json"],
    "inventory-quote-clusters.schema.json": ["inventory/quote-clusters.json"],
    **{
        f"layer-{layer}.schema.json": [f"annotations/{doc}/{layer}.json" for doc in ("doc-a", "doc-b")]
        for layer in ("entities", "numbers", "events", "quotes", "furniture")
    },
    "references.schema.json": ["references.json"],
}


def test_committed_schemas_are_up_to_date() -> None:
    assert stale_schemas(SCHEMA_FOLDER) == [], "run `python -m harness.goldset.jsonschema` and commit the result"


def test_one_schema_per_file_type() -> None:
    assert sorted(SCHEMA_MODELS) == sorted(FILES_OF)
    assert sorted(path.name for path in SCHEMA_FOLDER.glob("*.schema.json")) == sorted(SCHEMA_MODELS)


@pytest.mark.parametrize("name", sorted(FILES_OF))
def test_schema_accepts_the_files_it_describes(name: str, tiny_goldset: Path) -> None:
    validator = jsonschema.Draft202012Validator(schema_document(name))
    jsonschema.Draft202012Validator.check_schema(schema_document(name))
    for relative in FILES_OF[name]:
        validator.validate(json.loads((tiny_goldset / relative).read_text(encoding="utf-8")))


def test_schema_rejects_a_bad_qualifier(tiny_goldset: Path) -> None:
    data = json.loads((tiny_goldset / "annotations/doc-b/numbers.json").read_text(encoding="utf-8"))
    data["numbers"][0]["qualifier"] = "roughly"
    errors = list(jsonschema.Draft202012Validator(schema_document("layer-numbers.schema.json")).iter_errors(data))
    assert [list(error.absolute_path) for error in errors] == [["numbers", 0, "qualifier"]]


def test_real_furniture_and_references_match_their_schemas() -> None:
    furniture = jsonschema.Draft202012Validator(schema_document("layer-furniture.schema.json"))
    for path in sorted((DEFAULT_GOLDSET / "annotations").glob("*/furniture.json")):
        furniture.validate(json.loads(path.read_text(encoding="utf-8")))
    references = json.loads((DEFAULT_GOLDSET / "references.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema_document("references.schema.json")).validate(references)


def test_write_then_check(tmp_path: Path) -> None:
    assert stale_schemas(tmp_path) == sorted(SCHEMA_MODELS, key=list(SCHEMA_MODELS).index)
    written = write_schemas(tmp_path)
    assert len(written) == len(SCHEMA_MODELS)
    assert stale_schemas(tmp_path) == []
    (tmp_path / "references.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["references.schema.json"]
