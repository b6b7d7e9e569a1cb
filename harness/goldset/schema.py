"""Typed models of a goldset on disk: manifest, inventories and per-document standoff annotations.

Offsets are Python string indices (code points) into the exact source text, end-exclusive. Every span repeats
its text so that a reader (and the validator) can check `text[start:end] == span.text`.
The JSON Schemas in each goldset's `schema/` folder are generated from these models
(`python -m harness.goldset.jsonschema`).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from harness.core.spans import (
    DateBasis as DateBasis,
)
from harness.core.spans import (
    Entity as Entity,
)
from harness.core.spans import (
    EntityInventory as EntityInventory,
)
from harness.core.spans import (
    EntityType as EntityType,
)
from harness.core.spans import (
    EventType as EventType,
)
from harness.core.spans import (
    FurnitureKind as FurnitureKind,
)
from harness.core.spans import (
    MentionKind as MentionKind,
)
from harness.core.spans import (
    Modality as Modality,
)
from harness.core.spans import (
    NumberKind as NumberKind,
)
from harness.core.spans import (
    Polarity as Polarity,
)
from harness.core.spans import (
    Qualifier as Qualifier,
)
from harness.core.spans import (
    QuoteKind as QuoteKind,
)
from harness.core.spans import (
    Span as Span,
)
from harness.core.spans import (
    Status as Status,
)
from harness.core.spans import (
    _Strict as _Strict,
)

"""An annotation is gold once `accepted`; a `proposed` one (pre-annotated by a tool) awaits an annotator's review."""
STATUS_HELP = "accepted: gold. proposed: a tool's suggestion awaiting review, never scored as gold."


class DocumentInfo(_Strict):
    """One source document of the goldset, as listed in the manifest."""

    id: str = Field(description="The file stem, e.g. 000_a96abc202f7dac2d.")
    path: str = Field(description="Path of the exact text, relative to the goldset folder.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    date: dt.date | None = Field(
        default=None,
        description="Publication date: the anchor for relative dates ('next month'); null when unknown (say why "
        "in date_note).",
    )
    date_basis: DateBasis = "dateline"
    date_note: str | None = Field(default=None, description="Why an inferred date was chosen, or why there is none.")
    title: str
    publisher: str | None = None
    url: str | None = None


class ClusterInfo(_Strict):
    """A set of documents about one story, summarized together and scored against its references."""

    id: str
    documents: list[str] = Field(min_length=1)
    references: str | None = Field(
        default=None,
        description="Path of the reference summaries file, relative to the goldset folder; null until written.",
    )


class Manifest(_Strict):
    """`goldset.json`: what the goldset holds and where its files are."""

    name: str
    version: str
    description: str
    language: str = "en"
    guidelines: str = "GUIDELINES.md"
    documents: list[DocumentInfo] = Field(min_length=1)
    clusters: list[ClusterInfo] = Field(min_length=1)
    entities: str = "inventory/entities.json"
    number_facts: str = "inventory/number-facts.json"
    event_clusters: str = "inventory/event-clusters.json"
    quote_clusters: str = "inventory/quote-clusters.json"
    annotations: str = Field(
        default="annotations", description="Folder with one subfolder per document, one file per layer."
    )


class NumberFact(_Strict):
    """A quantity or date that one or more documents report; links number annotations across documents."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str


class EventCluster(_Strict):
    """One real-world event that one or more documents report."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    type: EventType
    description: str


class QuoteCluster(_Strict):
    """One utterance that one or more documents quote, possibly in slightly different words."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    speaker: str | None = Field(default=None, description="Entity id of the speaker, when known.")
    description: str


class NumberFactInventory(_Strict):
    facts: list[NumberFact]


class EventClusterInventory(_Strict):
    clusters: list[EventCluster]


class QuoteClusterInventory(_Strict):
    clusters: list[QuoteCluster]


class EntityMention(_Strict):
    id: str
    span: Span
    type: EntityType
    entity: str = Field(description="Canonical entity id from the inventory.")
    kind: MentionKind = "name"
    status: Status = Field(default="accepted", description=STATUS_HELP)


class NumberAnnotation(_Strict):
    """A numeric expression with its normalized meaning.

    `low`/`high` are the interval the expression allows once its qualifier is applied ("nearly 40" ->
    [36, 40), stored as low=36, high=40, high_open=True); `value` is the point the writer named (40), or None
    for a vague quantity ("hundreds" -> [200, 1000)).
    """

    id: str
    span: Span
    kind: NumberKind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    unit: str | None = Field(default=None, description="Singular unit: 'country', 'percent', 'year', 'person'.")
    counted: str = Field(description="What is counted or dated: 'countries invited to the Moscow talks'.")
    qualifier: Qualifier = "exact"
    date: str | None = Field(
        default=None, description="ISO 8601 value for dates: 2018-09-04, 2018-09, 2018, or a week/interval."
    )
    fact: str | None = Field(default=None, description="Number fact id linking the same quantity across documents.")
    status: Status = Field(default="accepted", description=STATUS_HELP)


class EventArgument(_Strict):
    role: str = Field(description="ACE-style role: agent, target, recipient, place, time, theme, ...")
    entity: str | None = Field(default=None, description="Entity id, when the argument is an entity.")
    span: Span | None = None


class EventAnnotation(_Strict):
    id: str
    type: EventType
    trigger: Span
    arguments: list[EventArgument] = Field(default_factory=list)
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    time: str | None = Field(default=None, description="ISO value or interval of when it happened or will happen.")
    cluster: str | None = Field(default=None, description="Event cluster id shared across documents.")
    status: Status = Field(default="accepted", description=STATUS_HELP)


class QuoteAnnotation(_Strict):
    id: str
    content: Span = Field(description="The quoted words, without the quotation marks.")
    kind: QuoteKind = "direct"
    speaker: str | None = Field(default=None, description="Entity id of the speaker.")
    speaker_description: str | None = Field(default=None, description="Who spoke, when no entity id fits.")
    cue: Span | None = Field(default=None, description="The reporting verb or phrase ('said').")
    cluster: str | None = Field(default=None, description="Quote cluster id shared across documents.")
    status: Status = Field(default="accepted", description=STATUS_HELP)


class FurnitureAnnotation(_Strict):
    id: str
    span: Span
    kind: FurnitureKind
    status: Status = Field(default="accepted", description=STATUS_HELP)


class EntityLayer(_Strict):
    document: str
    mentions: list[EntityMention]


class NumberLayer(_Strict):
    document: str
    numbers: list[NumberAnnotation]


class EventLayer(_Strict):
    document: str
    events: list[EventAnnotation]


class QuoteLayer(_Strict):
    document: str
    quotes: list[QuoteAnnotation]


class FurnitureLayer(_Strict):
    document: str
    furniture: list[FurnitureAnnotation]


class ReferenceSummary(_Strict):
    id: str
    text: str
    target_words: int | None = Field(default=None, description="The length the writer aimed for.")
    author: str | None = None


class ReferenceSet(_Strict):
    cluster: str
    references: list[ReferenceSummary] = Field(min_length=1)


LAYER_FILES: dict[str, type[_Strict]] = {
    "entities": EntityLayer,
    "numbers": NumberLayer,
    "events": EventLayer,
    "quotes": QuoteLayer,
    "furniture": FurnitureLayer,
}
"""Each document's annotations live in `annotations/<document id>/<layer>.json`."""
