"""Goldset layers and inventory items from the format-neutral regions of one document (the inverse of
`regions.document_regions`); every error names the file and line the offending region was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from harness.authoring.regions import CUE, SPEAKER, DocumentRegions, Link, Origin, Region, Relation
from harness.errors import InputFileError
from harness.goldset.load import validation_message
from harness.goldset.schema import (
    EntityMention,
    EventAnnotation,
    EventArgument,
    FurnitureAnnotation,
    NumberAnnotation,
    QuoteAnnotation,
)


@dataclass
class ImportedLayers:
    """One document's layers as read, and the inventory items its links name (id -> name and what else is known)."""

    entities: list[EntityMention] = field(default_factory=list)
    numbers: list[NumberAnnotation] = field(default_factory=list)
    events: list[EventAnnotation] = field(default_factory=list)
    quotes: list[QuoteAnnotation] = field(default_factory=list)
    furniture: list[FurnitureAnnotation] = field(default_factory=list)
    links: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) -> name or description, for every link met."""


_LOOSE_ROLE = re.compile(r"^arg(\d+)\.role$")
_LOOSE_FIELD = re.compile(r"^arg\d+\.(role|entity)$")
"""Fields of an event that hold an argument without a span, at its position among the arguments."""


def _error(origin: Origin | None, message: str) -> InputFileError:
    return InputFileError(origin.path if origin else "<regions>", message, line=origin.line if origin else None)


def _build(model: type[BaseModel], data: dict[str, Any], region: Region) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise _error(region.origin, f"{region.name}: {validation_message(error)}") from None


def _one_link(region: Region, kind: str, *, required: bool = False) -> str | None:
    found = [link for link in region.links if link.kind == kind]
    if len(found) > 1:
        raise _error(region.origin, f"{region.name}: {len(found)} '{kind}' links; give one")
    if required and not found:
        raise _error(region.origin, f"{region.name}: no '{kind}' link; link the mention to its canonical entity")
    return found[0].id if found else None


def _note_links(out: ImportedLayers, links: list[Link]) -> None:
    for link in links:
        kind = "entity" if link.kind == "speaker" else link.kind
        out.links.setdefault((kind, link.id), link.name)


def _related(regions: dict[str, Region], relation: Relation) -> Region:
    if relation.source not in regions or relation.target not in regions:
        missing = relation.source if relation.source not in regions else relation.target
        raise _error(relation.origin, f"relation '{relation.label}' names '{missing}', which is no region")
    return regions[relation.target]


def _arguments(region: Region, spans: list[tuple[str, Region]]) -> list[EventArgument]:
    """Arguments in their original order: entity-only ones sit at the index their field names, span ones fill
    the remaining places in relation order."""
    loose: dict[int, tuple[str, str]] = {}
    for name, value in region.fields.items():
        if (found := _LOOSE_ROLE.match(name)) is not None:
            index = int(found.group(1))
            loose[index] = (value, region.fields.get(f"arg{index}.entity", ""))
    total = len(loose) + len(spans)
    if any(index >= total for index in loose):
        raise _error(region.origin, f"{region.name}: argument positions {sorted(loose)} exceed its {total} arguments")
    queue = iter(spans)
    arguments = []
    for index in range(total):
        if index in loose:
            role, entity = loose[index]
            arguments.append(EventArgument(role=role, entity=entity or None))
        else:
            role, target = next(queue)
            arguments.append(EventArgument(role=role, entity=_one_link(target, "entity"), span=target.span))
    return arguments


def layers_from_regions(document: DocumentRegions) -> ImportedLayers:
    """Rebuild every layer of one document; raises `InputFileError` at the first region that does not fit."""
    out = ImportedLayers()
    by_key = {region.key: region for region in document.regions}
    outgoing: dict[str, list[tuple[str, Region]]] = {}
    for relation in document.relations:
        outgoing.setdefault(relation.source, []).append((relation.label, _related(by_key, relation)))
    for region in document.regions:
        _note_links(out, region.links)
        fields: dict[str, Any] = {k: v for k, v in region.fields.items() if not _LOOSE_FIELD.match(k)}
        related = outgoing.get(region.key, [])
        if region.layer == "entities":
            entity = _one_link(region, "entity", required=True)
            data = {**fields, "span": region.span, "type": region.label, "entity": entity}
            out.entities.append(_build(EntityMention, data, region))
        elif region.layer == "numbers":
            data = {**fields, "span": region.span, "fact": _one_link(region, "fact")}
            out.numbers.append(_build(NumberAnnotation, data, region))
        elif region.layer == "furniture":
            out.furniture.append(_build(FurnitureAnnotation, {**fields, "span": region.span}, region))
        elif region.layer == "quotes":
            cue = [target.span for label, target in related if label == CUE]
            speakers = [_one_link(target, "entity") for label, target in related if label == SPEAKER]
            speaker = speakers[0] if speakers else _one_link(region, "speaker")
            data = {
                **fields,
                "content": region.span,
                "cue": cue[0] if cue else None,
                "speaker": speaker,
                "cluster": _one_link(region, "quote-cluster"),
            }
            out.quotes.append(_build(QuoteAnnotation, data, region))
        elif region.layer == "events":
            spans = [(label, target) for label, target in related if target.layer == "argument"]
            data = {
                **fields,
                "type": region.label,
                "trigger": region.span,
                "cluster": _one_link(region, "event-cluster"),
                "arguments": _arguments(region, spans),
            }
            out.events.append(_build(EventAnnotation, data, region))
    return out
