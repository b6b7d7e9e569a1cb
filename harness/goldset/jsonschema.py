"""Write the JSON Schema of every goldset file type, generated from the pydantic models of `schema.py`.

Editors and other tools (BRAT/Label Studio converters, other languages) validate goldset files with them.
Run `python -m harness.goldset.jsonschema [GOLDSET]` or `harness goldset schema` after changing a model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from harness.goldset.schema import (
    LAYER_FILES,
    EntityInventory,
    EventClusterInventory,
    Manifest,
    NumberFactInventory,
    QuoteClusterInventory,
    ReferenceSet,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "goldset.schema.json": Manifest,
    "inventory-entities.schema.json": EntityInventory,
    "inventory-number-facts.schema.json": NumberFactInventory,
    "inventory-event-clusters.schema.json": EventClusterInventory,
    "inventory-quote-clusters.schema.json": QuoteClusterInventory,
    **{f"layer-{layer}.schema.json": model for layer, model in LAYER_FILES.items()},
    "references.schema.json": ReferenceSet,
}
"""Schema file name -> the model of the files it describes."""


def schema_document(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the files that `SCHEMA_MODELS[name]` describes."""
    return {"$schema": DIALECT, "$id": name, **SCHEMA_MODELS[name].model_json_schema()}


def schema_text(name: str) -> str:
    """The schema exactly as written to disk: indent 2, keys sorted, trailing newline."""
    return json.dumps(schema_document(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder` (created if needed); returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_MODELS:
        path = folder / name
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of the schemas in `folder` that are missing or differ from what the models generate."""
    return [
        name
        for name in SCHEMA_MODELS
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != schema_text(name)
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the schemas into `<goldset>/schema/` (default: the built-in goldset)."""
    from harness.goldset.validate import goldset_root

    args = sys.argv[1:] if argv is None else argv
    folder = goldset_root(args[0] if args else None) / "schema"
    for path in write_schemas(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
