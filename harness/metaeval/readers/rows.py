"""One flat record (a JSON Lines line, a Hugging Face row) to a `LabelledItem`, through the column mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from harness.errors import ConfigError
from harness.metaeval import fields
from harness.metaeval.fields import Where
from harness.metaeval.items import LabelledItem

DEFAULT_COLUMNS: dict[str, str | None] = {
    "id": "id",
    "document": "document",
    "summary": "summary",
    "label": "label",
    "split": "split",
    "categories": "categories",
    "spans": "spans",
}
"""Reader field -> column name; `document`, `summary` and `label` are required, the others optional."""


def merged_columns(columns: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """The default mapping with the user's entries on top; an unknown key is a config mistake."""
    merged = dict(DEFAULT_COLUMNS)
    for key, value in (columns or {}).items():
        if key not in DEFAULT_COLUMNS:
            raise ConfigError(
                f"metaeval_data.columns.{key}: unknown field; the fields are {', '.join(DEFAULT_COLUMNS)}"
            )
        merged[key] = value
    return merged


def item_from_row(
    row: Mapping[str, Any],
    columns: Mapping[str, str | None],
    where: Where,
    *,
    default_id: str,
    label_means: str = "consistent",
) -> LabelledItem:
    """Read `document`, `summary`, `label` and the optional `id`, `split`, `categories`, `spans` of one record."""
    document = fields.text(fields.required(row, columns, "document", where), str(columns["document"]), where)
    summary = fields.text(fields.required(row, columns, "summary", where), str(columns["summary"]), where)
    label = fields.label(fields.required(row, columns, "label", where), str(columns["label"]), where, means=label_means)
    raw_id = fields.optional(row, columns, "id")
    return LabelledItem(
        id=default_id if raw_id is None else str(raw_id),
        document=document,
        summary=summary,
        label=label,
        split=fields.split(fields.optional(row, columns, "split"), str(columns["split"]), where),
        categories=fields.categories(fields.optional(row, columns, "categories"), str(columns["categories"]), where),
        spans=fields.spans(summary, fields.optional(row, columns, "spans"), str(columns["spans"]), where),
    )
