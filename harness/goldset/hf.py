"""Export a goldset to Hugging Face `datasets`: one row per document, and one row per cluster.

The `datasets.Features` are derived from the pydantic models, so the export follows the schema when it
grows; optional fields become nullable columns and every layer a list of structs.
"""

from __future__ import annotations

import datetime as dt
import types
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from harness.goldset.load import Goldset
from harness.goldset.schema import (
    EntityMention,
    EventAnnotation,
    FurnitureAnnotation,
    NumberAnnotation,
    QuoteAnnotation,
    ReferenceSummary,
)

if TYPE_CHECKING:
    import datasets

LAYER_MODELS: dict[str, type[BaseModel]] = {
    "entities": EntityMention,
    "numbers": NumberAnnotation,
    "events": EventAnnotation,
    "quotes": QuoteAnnotation,
    "furniture": FurnitureAnnotation,
}

_SCALARS: dict[Any, str] = {str: "string", int: "int64", float: "float64", bool: "bool", dt.date: "string"}


def _feature(annotation: Any) -> Any:
    """The `datasets` feature for one field type: scalars, Literals (as strings), models, lists, optionals."""
    import datasets

    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        present = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _feature(present[0])
    if origin is Literal:
        return datasets.Value("string")
    if origin is list:
        return [_feature(get_args(annotation)[0])]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_features(annotation)
    return datasets.Value(_SCALARS[annotation])


def model_features(model: type[BaseModel]) -> dict[str, Any]:
    """A struct feature with one entry per field of `model`."""
    return {name: _feature(field.annotation) for name, field in model.model_fields.items()}


def _row(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def documents_dataset(goldset: Goldset) -> datasets.Dataset:
    """One row per document: id, text, date, sha256, title and every annotation layer as a list of structs."""
    import datasets

    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "text": datasets.Value("string"),
            "date": datasets.Value("string"),
            "date_basis": datasets.Value("string"),
            "sha256": datasets.Value("string"),
            "title": datasets.Value("string"),
            **{layer: [model_features(model)] for layer, model in LAYER_MODELS.items()},
        }
    )
    rows = [
        {
            "id": document.id,
            "text": document.text,
            "date": document.info.date.isoformat() if document.info.date else None,
            "date_basis": document.info.date_basis,
            "sha256": document.info.sha256,
            "title": document.info.title,
            **{layer: [_row(item) for item in getattr(document, layer)] for layer in LAYER_MODELS},
        }
        for document in goldset.documents
    ]
    return datasets.Dataset.from_list(rows, features=features)


def clusters_dataset(goldset: Goldset) -> datasets.Dataset:
    """One row per cluster: id, its document ids and texts (in manifest order), and its reference summaries."""
    import datasets

    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "document_ids": [datasets.Value("string")],
            "texts": [datasets.Value("string")],
            "references": [model_features(ReferenceSummary)],
        }
    )
    rows = [
        {
            "id": cluster.id,
            "document_ids": [document.id for document in cluster.documents],
            "texts": [document.text for document in cluster.documents],
            "references": [_row(reference) for reference in cluster.references],
        }
        for cluster in goldset.clusters
    ]
    return datasets.Dataset.from_list(rows, features=features)
