"""The rule-based extractor and the shipped gazetteer on a small document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from harness.errors import ConfigError, InputFileError
from harness.models.extractors.rules import RuleBasedExtractor
from harness.models.gazetteer import load_gazetteer
from harness.models.protocols import Extractor, SourceDocument

TEXT = (
    'Russia has invited 12 countries to talks on Sept. 4. "We will not participate," said Sibghat Ahmadi. '
    "The Taliban accepted the invitation, while NATO declined."
)
DOC = SourceDocument("d", TEXT, dt.date(2018, 8, 22))


def test_every_layer() -> None:
    claims = RuleBasedExtractor().extract(DOC)
    assert [(n.span.text, n.value, n.unit) for n in claims.numbers if n.kind == "cardinal"] == [
        ("12 countries", 12.0, "country")
    ]
    assert [n.date for n in claims.numbers if n.kind == "date"] == ["2018-09-04"]
    linked = {(e.span.text, e.type, e.entity) for e in claims.entities if e.entity}
    assert {
        ("Russia", "GPE", "russia"),
        ("Taliban", "ORG", "taliban"),
        ("NATO", "ORG", "north-atlantic-treaty-organization"),
    } <= linked
    (quote,) = claims.quotes
    assert quote.content.text == "We will not participate"
    assert quote.speaker_text == "Sibghat Ahmadi"
    assert {(e.trigger.text, e.type) for e in claims.events} >= {
        ("invited", "INVITE"),
        ("accepted", "ACCEPT"),
        ("declined", "DECLINE"),
    }
    for span in [n.span for n in claims.numbers] + [e.span for e in claims.entities]:
        assert TEXT[span.start : span.end] == span.text


def test_only_the_requested_layers() -> None:
    claims = RuleBasedExtractor(layers=["numbers"]).extract(DOC)
    assert claims.numbers and not claims.entities and not claims.quotes and not claims.events


def test_custom_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps({"entities": [{"id": "ahmadi", "name": "Sibghat Ahmadi", "type": "PERSON"}]}))
    claims = RuleBasedExtractor(layers=["entities"], gazetteer=str(path)).extract(DOC)
    assert [(e.span.text, e.entity) for e in claims.entities if e.entity] == [("Sibghat Ahmadi", "ahmadi")]


def test_bad_gazetteer_names_the_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps({"entities": [{"id": "x", "name": "X", "type": "PLANET"}]}))
    with pytest.raises(InputFileError, match=r"entities\.0\.type") as caught:
        RuleBasedExtractor(gazetteer=str(path))
    assert caught.value.path == str(path)


def test_unknown_layer() -> None:
    with pytest.raises(ConfigError, match="layers"):
        RuleBasedExtractor(layers=["numbers", "sentiment"])


def test_shipped_gazetteer_is_general() -> None:
    entities = load_gazetteer()
    types = {e.type for e in entities}
    assert types == {"GPE", "NORP", "ORG", "PUBLICATION", "LOC"}
    assert len({e.id for e in entities}) == len(entities) > 150
    assert isinstance(RuleBasedExtractor(), Extractor)
