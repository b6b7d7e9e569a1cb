"""A format-neutral view of one document's annotations: labelled text regions, their fields, links and relations.

BRAT standoff and Label Studio JSON both describe annotations this way, so each converter only writes and
reads regions; `document_regions` and `layers_from_regions` do the mapping to goldset layers once, losslessly.
Mapping: every annotation is a region keyed by its id (a quote's cue and an event's argument spans are regions
of their own); scalar fields become string fields; inventory links (entity, number fact, event and quote
cluster) become links that carry the item's name or description; a quote's cue and speaker and an event's
arguments become relations.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from harness.core.spans import Span
from harness.goldset.load import GoldDocument, Goldset
from harness.goldset.schema import (
    EntityMention,
    EventAnnotation,
    FurnitureAnnotation,
    NumberAnnotation,
    QuoteAnnotation,
)

REGION_LAYERS = ("entities", "numbers", "events", "quotes", "furniture", "cue", "argument")
"""What a region is: an annotation of a goldset layer, or a quote's cue or an event argument's span."""

SPEAKER, CUE = "speaker", "cue"
"""Relation labels from a quote to its speaker's mention and to its cue."""


@dataclass
class Region:
    """A labelled span: `key` is unique in the document (the annotation id, or `Q001.cue`, `V001.arg2`)."""

    key: str
    layer: str
    label: str
    span: Span
    fields: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    origin: Origin | None = None

    @property
    def name(self) -> str:
        """The annotation id when the region carries one (E001), else its key in the file (T1)."""
        return self.fields.get("id", self.key)


@dataclass(frozen=True)
class Origin:
    """Where an imported region or relation was read: file and 1-based line (or task/result position)."""

    path: str
    line: int | None = None


@dataclass(frozen=True)
class Link:
    """A reference from a region to an inventory item: `kind` is entity, fact, event-cluster, quote-cluster or
    speaker; `name` is the item's name or description, so an importer can rebuild the inventory."""

    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class Relation:
    label: str
    source: str
    target: str
    origin: Origin | None = None


@dataclass
class DocumentRegions:
    """Everything one document's layers say, as regions and relations (in annotation order)."""

    regions: list[Region] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def field_text(value: Any) -> str:
    """A scalar field as text that pydantic parses back to the same value (floats by repr, booleans lower-case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _fields(model: Any, skip: set[str]) -> dict[str, str]:
    data = model.model_dump(exclude=skip | {"span", "status"})
    fields = {name: field_text(value) for name, value in data.items() if value is not None}
    if model.status != "accepted":
        fields["status"] = model.status
    return fields


@dataclass(frozen=True)
class Names:
    """Inventory names used to label links: entity names, fact and cluster descriptions, by id."""

    entities: Mapping[str, str]
    facts: Mapping[str, str]
    event_clusters: Mapping[str, str]
    quote_clusters: Mapping[str, str]


def _link(kind: str, item_id: str | None, names: Mapping[str, str]) -> list[Link]:
    return [Link(kind, item_id, names.get(item_id, item_id))] if item_id is not None else []


def _nearest_mention(mentions: list[EntityMention], entity: str, near: int) -> EntityMention | None:
    linked = [mention for mention in mentions if mention.entity == entity]
    return min(linked, key=lambda mention: abs(mention.span.start - near)) if linked else None


def document_regions(
    entities: list[EntityMention],
    numbers: list[NumberAnnotation],
    events: list[EventAnnotation],
    quotes: list[QuoteAnnotation],
    furniture: list[FurnitureAnnotation],
    names: Names,
) -> DocumentRegions:
    """The regions and relations of one document's layers."""
    out = DocumentRegions()
    for mention in entities:
        fields = _fields(mention, {"type", "entity"})
        out.regions.append(Region(mention.id, "entities", mention.type, mention.span, fields))
        out.regions[-1].links = _link("entity", mention.entity, names.entities)
    for number in numbers:
        region = Region(number.id, "numbers", "Number", number.span, _fields(number, {"fact"}))
        region.links = _link("fact", number.fact, names.facts)
        out.regions.append(region)
    for item in furniture:
        out.regions.append(Region(item.id, "furniture", "Furniture", item.span, _fields(item, set())))
    for quote in quotes:
        fields = _fields(quote, {"content", "cue", "speaker", "cluster"})
        region = Region(quote.id, "quotes", "Quote", quote.content, fields)
        region.links = _link("quote-cluster", quote.cluster, names.quote_clusters)
        out.regions.append(region)
        if quote.cue is not None:
            out.regions.append(Region(f"{quote.id}.cue", "cue", "Cue", quote.cue))
            out.relations.append(Relation(CUE, quote.id, f"{quote.id}.cue"))
        if quote.speaker is not None:
            nearest = _nearest_mention(entities, quote.speaker, quote.content.start)
            if nearest is not None:
                out.relations.append(Relation(SPEAKER, quote.id, nearest.id))
            else:
                region.links.append(Link("speaker", quote.speaker, names.entities.get(quote.speaker, quote.speaker)))
    for event in events:
        fields = _fields(event, {"trigger", "type", "arguments", "cluster"})
        region = Region(event.id, "events", event.type, event.trigger, fields)
        region.links = _link("event-cluster", event.cluster, names.event_clusters)
        out.regions.append(region)
        for index, argument in enumerate(event.arguments):
            if argument.span is None:
                fields[f"arg{index}.role"] = argument.role
                fields[f"arg{index}.entity"] = argument.entity or ""
                continue
            key = f"{event.id}.arg{index}"
            links = _link("entity", argument.entity, names.entities)
            out.regions.append(Region(key, "argument", "Argument", argument.span, links=links))
            out.relations.append(Relation(argument.role, event.id, key))
    return out


def goldset_names(goldset: Goldset) -> Names:
    return Names(
        entities={item.id: item.name for item in goldset.entities},
        facts={item.id: item.description for item in goldset.number_facts},
        event_clusters={item.id: item.description for item in goldset.event_clusters},
        quote_clusters={item.id: item.description for item in goldset.quote_clusters},
    )


def goldset_regions(goldset: Goldset) -> Iterator[tuple[GoldDocument, DocumentRegions]]:
    """Each document of `goldset` (loaded with its proposals) with its regions."""
    names = goldset_names(goldset)
    for document in goldset.documents:
        regions = document_regions(
            list(document.entities),
            list(document.numbers),
            list(document.events),
            list(document.quotes),
            list(document.furniture),
            names,
        )
        yield document, regions
