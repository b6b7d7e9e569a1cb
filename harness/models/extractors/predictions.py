"""Extractions produced elsewhere, read from JSON Lines: one row per document with its claims by layer.

A row looks like `{"id": "<document id>", "entities": [{"start": 0, "end": 6, "text": "Russia", "type": "GPE"}],
"numbers": [{"start": ..., "end": ..., "kind": "cardinal", "value": 12, "unit": "country"}],
"quotes": [{"start": ..., "end": ..., "speaker": "..."}], "events": [{"start": ..., "end": ..., "type": "ACCEPT"}]}`.
Offsets follow `offsets` (see `offsets.py`) and are converted to code points, end exclusive; a span whose
`text` differs from the document is rejected, naming the file, line and field.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from harness.core.claim_types import ClaimSet, EntityClaim, EventClaim, NumberClaim, QuoteClaim
from harness.core.jsonl import field, read_rows
from harness.core.spans import Span
from harness.errors import ConfigError, InputFileError
from harness.models.extractors.offsets import CONVENTIONS, OffsetConvention, OffsetConverter, OffsetError
from harness.models.prediction_rows import PredictionRows
from harness.models.protocols import SourceDocument

LAYER_FIELDS = {"entities": "span", "numbers": "span", "quotes": "content", "events": "trigger"}
_CLAIM_TYPES: dict[str, type[EntityClaim | NumberClaim | QuoteClaim | EventClaim]] = {
    "entities": EntityClaim,
    "numbers": NumberClaim,
    "quotes": QuoteClaim,
    "events": EventClaim,
}
_RENAMED = {"quotes": {"speaker": "speaker_text"}}


class PredictionsExtractor(PredictionRows):
    """Looks up each document's claims in a predictions file."""

    def __init__(self, path: str, offsets: OffsetConvention = "char", id_field: str = "id") -> None:
        if offsets not in CONVENTIONS:
            raise ConfigError(f"predictions extractor: offsets must be one of {list(CONVENTIONS)}, got {offsets!r}")
        super().__init__(path, "document")
        self.offsets = offsets
        for line, row in read_rows(self.path):
            key = field(self.path, line, row, id_field, str)
            if key in self._rows:
                first = self._rows[key][0]
                raise InputFileError(
                    self.path, f"duplicate id {key!r} (first on line {first})", line=line, field=id_field
                )
            for layer in LAYER_FIELDS:
                if layer in row:
                    field(self.path, line, row, layer, list)
            self._rows[key] = (line, row)

    def _claim(
        self, converter: OffsetConverter, line: int, layer: str, index: int, item: Any
    ) -> EntityClaim | NumberClaim | QuoteClaim | EventClaim:
        where = f"{layer}[{index}]"
        if not isinstance(item, dict):
            raise InputFileError(self.path, f"expected an object, got {type(item).__name__}", line=line, field=where)
        values = dict(item)
        for name in ("start", "end"):
            if not isinstance(values.get(name), int) or isinstance(values.get(name), bool):
                raise InputFileError(self.path, "missing or not an integer", line=line, field=f"{where}.{name}")
        try:
            start, end = converter.convert(values.pop("start"), values.pop("end"))
        except OffsetError as error:
            raise InputFileError(self.path, f"{error} (offsets: {self.offsets})", line=line, field=where) from None
        actual = converter.text[start:end]
        given = values.pop("text", actual)
        if given != actual:
            raise InputFileError(
                self.path,
                f"span text {given!r} does not match the document's {actual!r} at [{start}, {end}) "
                f"(offsets read as {self.offsets!r}; is that the right convention?)",
                line=line,
                field=f"{where}.text",
            )
        for old, new in _RENAMED.get(layer, {}).items():
            if old in values:
                values[new] = values.pop(old)
        values[LAYER_FIELDS[layer]] = Span(start=start, end=end, text=actual)
        try:
            return _CLAIM_TYPES[layer].model_validate(values)
        except ValidationError as error:
            problem = error.errors()[0]
            name = ".".join(str(part) for part in problem["loc"])
            raise InputFileError(self.path, problem["msg"], line=line, field=f"{where}.{name}") from None

    def extract(self, document: SourceDocument) -> ClaimSet:
        line, row = self.row(document.id)
        converter = OffsetConverter(document.text, self.offsets)
        layers = {
            layer: tuple(
                self._claim(converter, line, layer, index, item) for index, item in enumerate(row.get(layer, []))
            )
            for layer in LAYER_FIELDS
        }
        return ClaimSet.model_validate(layers)
