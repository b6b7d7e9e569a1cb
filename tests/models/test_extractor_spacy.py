"""The spaCy extractor on a blank English pipeline with an entity ruler: no model download."""

from __future__ import annotations

from typing import Any

import pytest

from harness.errors import ConfigError
from harness.models.protocols import SourceDocument

pytest.importorskip("spacy")

from harness.models.extractors.spacy_ner import SpacyExtractor

PATTERNS: list[dict[str, Any]] = [
    {"label": "GPE", "pattern": "Russia"},
    {"label": "PERSON", "pattern": [{"LOWER": "sergei"}, {"LOWER": "lavrov"}]},
    {"label": "DATE", "pattern": "Tuesday"},
    {"label": "MEDIA", "pattern": "Reuters"},
]
TEXT = "Sergei Lavrov said on Tuesday that Russia invited the Taliban, Reuters reported."


def test_blank_pipeline_with_patterns_maps_labels() -> None:
    model = SpacyExtractor(blank=True, patterns=PATTERNS, labels={"MEDIA": "PUBLICATION"})
    claims = model.extract(SourceDocument("d", TEXT))
    assert [(e.span.text, e.type, e.span.start) for e in claims.entities] == [
        ("Sergei Lavrov", "PERSON", 0),
        ("Russia", "GPE", 35),
        ("Reuters", "PUBLICATION", 63),
    ]
    assert not claims.numbers and not claims.quotes


def test_missing_pipeline_names_it_and_the_install_command() -> None:
    with pytest.raises(ConfigError, match=r"'no_such_pipeline_xx'.*python -m spacy download no_such_pipeline_xx"):
        SpacyExtractor(model="no_such_pipeline_xx")


def test_label_map_to_an_unknown_type() -> None:
    with pytest.raises(ConfigError, match="unknown entity types"):
        SpacyExtractor(blank=True, labels={"MEDIA": "NEWSPAPER"})
