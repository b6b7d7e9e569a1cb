"""Rule-based extraction: the harness's own claim finders run over a source document.

Numbers come from the number grammar (dates anchored at the document's date), entities from the shipped
general gazetteer plus capitalization, quotes from paired quote marks with a speaker from the nearest
reporting cue, events from the trigger lexicon. No gold annotation is read.
"""

from __future__ import annotations

from collections.abc import Sequence

from harness.claims.entities import find_entities
from harness.claims.events import find_events
from harness.claims.numbers.find import find_numbers
from harness.claims.quotes import find_quotes
from harness.core.claim_types import ClaimSet
from harness.errors import ConfigError
from harness.models.gazetteer import load_gazetteer
from harness.models.protocols import SourceDocument

LAYERS = ("numbers", "entities", "quotes", "events")


class RuleBasedExtractor:
    """Finds the requested `layers` by rule; `gazetteer` is an inventory-format file (None: the shipped one)."""

    def __init__(self, layers: Sequence[str] = LAYERS, gazetteer: str | None = None) -> None:
        unknown = [layer for layer in layers if layer not in LAYERS]
        if unknown or not layers:
            raise ConfigError(f"rules: layers must be a non-empty subset of {list(LAYERS)}, got {list(layers)}")
        self.layers = tuple(layer for layer in LAYERS if layer in layers)
        self.gazetteer = load_gazetteer(gazetteer)

    def extract(self, document: SourceDocument) -> ClaimSet:
        text = document.text
        return ClaimSet(
            layers=self.layers,
            numbers=tuple(find_numbers(text, anchor=document.date)) if "numbers" in self.layers else (),
            entities=tuple(find_entities(text, self.gazetteer)) if "entities" in self.layers else (),
            quotes=tuple(find_quotes(text, self.gazetteer)) if "quotes" in self.layers else (),
            events=tuple(find_events(text, self.gazetteer)) if "events" in self.layers else (),
        )
