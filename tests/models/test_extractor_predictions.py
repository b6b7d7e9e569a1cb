"""The predictions-file extractor: offset conventions and errors naming file, line and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from harness.errors import ConfigError, InputFileError, ModelError
from harness.models.extractors.offsets import OffsetConverter, OffsetError
from harness.models.extractors.predictions import PredictionsExtractor
from harness.models.protocols import SourceDocument

TEXT = "Café talks: Russia invited 12 countries."
DOC = SourceDocument("d1", TEXT)


def _write(tmp_path: Path, *rows: dict[str, Any]) -> Path:
    path = tmp_path / "extractions.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("convention", "start", "end"),
    [("char", 12, 18), ("char_inclusive", 12, 17), ("byte", 13, 19), ("token", 2, 3)],
)
def test_offset_conventions_give_the_same_span(convention: str, start: int, end: int) -> None:
    assert OffsetConverter(TEXT, convention).convert(start, end) == (12, 18)  # type: ignore[arg-type]
    assert TEXT[12:18] == "Russia"


def test_byte_offset_inside_a_character() -> None:
    with pytest.raises(OffsetError, match="inside a character"):
        OffsetConverter(TEXT, "byte").convert(4, 5)


def test_reads_every_layer(tmp_path: Path) -> None:
    row = {
        "id": "d1",
        "entities": [{"start": 12, "end": 18, "text": "Russia", "type": "GPE"}],
        "numbers": [{"start": 27, "end": 39, "kind": "cardinal", "value": 12, "unit": "country"}],
        "quotes": [{"start": 0, "end": 10, "speaker": "a waiter"}],
        "events": [{"start": 19, "end": 26, "type": "INVITE"}],
    }
    claims = PredictionsExtractor(str(_write(tmp_path, row))).extract(DOC)
    assert claims.entities[0].span.text == "Russia" and claims.entities[0].type == "GPE"
    assert claims.numbers[0].span.text == "12 countries" and claims.numbers[0].value == 12
    assert claims.quotes[0].content.text == "Café talks" and claims.quotes[0].speaker_text == "a waiter"
    assert claims.events[0].trigger.text == "invited"


def test_byte_offsets_file(tmp_path: Path) -> None:
    row = {"id": "d1", "entities": [{"start": 13, "end": 19, "text": "Russia", "type": "GPE"}]}
    claims = PredictionsExtractor(str(_write(tmp_path, row)), offsets="byte").extract(DOC)
    assert (claims.entities[0].span.start, claims.entities[0].span.end) == (12, 18)


@pytest.mark.parametrize(
    ("entity", "field", "message"),
    [
        ({"start": 13, "end": 19, "text": "Russia", "type": "GPE"}, "entities[1].text", "does not match"),
        ({"start": 12, "end": 99, "type": "GPE"}, "entities[1]", "past the end"),
        ({"start": 12, "type": "GPE"}, "entities[1].end", "not an integer"),
        ({"start": 12, "end": 18, "type": "PLANET"}, "entities[1].type", "Input should be"),
    ],
)
def test_bad_spans_name_file_line_and_field(tmp_path: Path, entity: dict[str, Any], field: str, message: str) -> None:
    good = {"start": 12, "end": 18, "text": "Russia", "type": "GPE"}
    path = _write(tmp_path, {"id": "d0"}, {"id": "d1", "entities": [good, entity]})
    with pytest.raises(InputFileError, match=message) as caught:
        PredictionsExtractor(str(path)).extract(DOC)
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), 2, field)


def test_file_level_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, {"id": "d1"}, {"id": "d1"})
    with pytest.raises(InputFileError, match="duplicate") as caught:
        PredictionsExtractor(str(path))
    assert (caught.value.line, caught.value.field) == (2, "id")
    path = _write(tmp_path, {"id": "d1", "entities": "Russia"})
    with pytest.raises(InputFileError, match="expected list") as caught:
        PredictionsExtractor(str(path))
    assert caught.value.field == "entities"


def test_missing_document_and_bad_convention(tmp_path: Path) -> None:
    model = PredictionsExtractor(str(_write(tmp_path, {"id": "other"})))
    with pytest.raises(ModelError, match="no prediction for document 'd1'"):
        model.extract(DOC)
    with pytest.raises(ConfigError, match="offsets"):
        PredictionsExtractor(str(_write(tmp_path, {"id": "other"})), offsets="line")  # type: ignore[arg-type]
