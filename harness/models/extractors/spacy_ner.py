"""Entity extraction with a spaCy pipeline: an installed model, a model folder, or a blank one with rules.

spaCy labels map to the harness's entity types (PERSON, ORG, GPE, LOC, NORP, PUBLICATION); labels outside the
map (DATE, CARDINAL, ...) are dropped. `spacy` is imported only when the extractor is built; install it with
`pip install 'fact-harness[spacy]'`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from harness.core.claim_types import ClaimSet, EntityClaim
from harness.core.spans import EntityType, Span
from harness.errors import ConfigError
from harness.models.config_values import plain
from harness.models.protocols import SourceDocument

DEFAULT_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "PUBLICATION": "PUBLICATION",
}
ENTITY_TYPES = frozenset(DEFAULT_LABELS.values())


class SpacyExtractor:
    """Entities from `model` (a package name or folder), or from a blank `language` pipeline with `patterns`."""

    def __init__(
        self,
        model: str = "en_core_web_sm",
        blank: bool = False,
        language: str = "en",
        patterns: Sequence[Mapping[str, Any]] = (),
        labels: Mapping[str, str] | None = None,
    ) -> None:
        try:
            import spacy
        except ImportError:
            raise ConfigError("the spaCy extractor needs spaCy: pip install 'fact-harness[spacy]'") from None
        mapping = {**DEFAULT_LABELS, **(labels or {})}
        wrong = sorted(str(value) for value in mapping.values() if value not in ENTITY_TYPES)
        if wrong:
            raise ConfigError(f"spacy: labels map to unknown entity types {wrong}; use {sorted(ENTITY_TYPES)}")
        self.labels: dict[str, EntityType] = {key: value for key, value in mapping.items() if value in ENTITY_TYPES}
        if blank:
            self.nlp = spacy.blank(language)
            self.name = f"blank:{language}"
        else:
            try:
                self.nlp = spacy.load(model)
            except OSError:
                raise ConfigError(
                    f"spacy: pipeline {model!r} is not installed; install it with "
                    f"`python -m spacy download {model}`, give a model folder, or set blank: true with patterns"
                ) from None
            self.name = model
        if patterns:
            ruler: Any = self.nlp.add_pipe("entity_ruler", before="ner" if "ner" in self.nlp.pipe_names else None)
            try:
                ruler.add_patterns(plain(patterns))
            except (ValueError, KeyError, TypeError) as error:
                raise ConfigError(f"spacy: invalid entity-ruler patterns: {error}") from None

    def __repr__(self) -> str:
        return f"SpacyExtractor(model={self.name!r})"

    def extract(self, document: SourceDocument) -> ClaimSet:
        parsed = self.nlp(document.text)
        entities = tuple(
            EntityClaim(
                span=Span(start=ent.start_char, end=ent.end_char, text=ent.text),
                type=self.labels[ent.label_],
            )
            for ent in parsed.ents
            if ent.label_ in self.labels
        )
        return ClaimSet(layers=("entities",), entities=entities)
