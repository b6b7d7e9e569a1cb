"""Write goldset files in the house style (indent 2, keys sorted, non-ASCII as is, trailing newline).

An accepted annotation is written without its `status` (the default), so files written before proposals
existed stay byte-identical; a proposal carries `"status": "proposed"`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from harness.goldset.schema import LAYER_FILES

ITEMS = {"entities": "mentions", "numbers": "numbers", "events": "events", "quotes": "quotes", "furniture": "furniture"}
"""The list field that holds each layer's annotations."""


def json_text(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(data), encoding="utf-8")
    return path


def annotation_data(annotation: BaseModel) -> dict[str, Any]:
    data = annotation.model_dump(mode="json")
    if data.get("status") == "accepted":
        del data["status"]
    return data


def write_layer(folder: Path, document_id: str, layer: str, annotations: Sequence[BaseModel]) -> Path:
    """Write `folder/<document id>/<layer>.json`."""
    if layer not in LAYER_FILES:
        raise ValueError(f"unknown layer {layer!r}")
    data = {"document": document_id, ITEMS[layer]: [annotation_data(item) for item in annotations]}
    return write_json(folder / document_id / f"{layer}.json", data)


def write_inventory(path: Path, key: str, items: Sequence[BaseModel]) -> Path:
    """Write an inventory file: `{key: [items]}` (key `entities`, `facts` or `clusters`), in the given order."""
    return write_json(path, {key: [item.model_dump(mode="json") for item in items]})
