"""Checks on one document's annotation layers: spans against the text, ids, duplicates and furniture overlap.

What each annotation says about numbers, events and inventories is checked in `content_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from harness.goldset.problems import Problem, SourceFile
from harness.goldset.schema import (
    EntityMention,
    EventAnnotation,
    FurnitureAnnotation,
    NumberAnnotation,
    QuoteAnnotation,
    Span,
)

Annotation = EntityMention | NumberAnnotation | EventAnnotation | QuoteAnnotation | FurnitureAnnotation

ID_PREFIX = {"entities": "E", "numbers": "N", "events": "V", "quotes": "Q", "furniture": "F"}
"""Annotation ids are the layer's letter and a number in text order: E001, N001, V001, Q001, F001."""


@dataclass(frozen=True)
class LayerFile:
    """One parsed layer file of a document: its name (`entities`, ...), its source and its annotations."""

    name: str
    source: SourceFile
    annotations: tuple[Annotation, ...]


def spans_of(annotation: Annotation) -> Iterator[tuple[str, Span]]:
    """Every span an annotation holds, with the field path that names it."""
    match annotation:
        case EntityMention() | NumberAnnotation() | FurnitureAnnotation():
            yield "span", annotation.span
        case EventAnnotation():
            yield "trigger", annotation.trigger
            for index, argument in enumerate(annotation.arguments):
                if argument.span is not None:
                    yield f"arguments[{index}].span", argument.span
        case QuoteAnnotation():
            yield "content", annotation.content
            if annotation.cue is not None:
                yield "cue", annotation.cue


def _nearest_occurrence(text: str, wanted: str, near: int) -> int | None:
    if not wanted:
        return None
    starts = [match.start() for match in re.finditer(re.escape(wanted), text)]
    return min(starts, key=lambda start: abs(start - near)) if starts else None


def check_span(source: SourceFile, item_id: str, field: str, span: Span, text: str) -> list[Problem]:
    """`0 <= start <= end <= len(text)`, `span.text == text[start:end]`, and no surrounding whitespace."""
    if span.start > span.end:
        return [source.problem(item_id, f"{field}.start", f"start {span.start} is after end {span.end}")]
    if span.end > len(text):
        message = f"end {span.end} is past the end of the text ({len(text)} characters)"
        return [source.problem(item_id, f"{field}.end", message)]
    actual = text[span.start : span.end]
    if actual != span.text:
        message = f"text {span.text!r} does not match the document at [{span.start}:{span.end}], which reads {actual!r}"
        found = _nearest_occurrence(text, span.text, span.start)
        if found is not None:
            message += f"; the text occurs at [{found}:{found + len(span.text)}]"
        return [source.problem(item_id, f"{field}.text", message)]
    if actual != actual.strip():
        return [source.problem(item_id, f"{field}.text", f"span {actual!r} starts or ends with whitespace")]
    return []


def check_ids(layer: LayerFile) -> list[Problem]:
    """Ids follow the layer's pattern (E001, N001, ...) and are unique within the document and layer."""
    problems = []
    pattern = re.compile(rf"^{ID_PREFIX[layer.name]}\d{{3,}}$")
    seen: set[str] = set()
    for annotation in layer.annotations:
        if not pattern.match(annotation.id):
            expected = f"{ID_PREFIX[layer.name]}001"
            problems.append(layer.source.problem(annotation.id, "id", f"id should look like {expected}"))
        if annotation.id in seen:
            problems.append(layer.source.problem(annotation.id, "id", f"duplicate id '{annotation.id}' in this layer"))
        seen.add(annotation.id)
    return problems


def _without_id(annotation: BaseModel) -> str:
    return annotation.model_dump_json(exclude={"id"})


def check_duplicates(layer: LayerFile) -> list[Problem]:
    """No two annotations of a layer carry the same span and the same values (a copy-paste slip)."""
    problems = []
    first_by_content: dict[str, str] = {}
    for annotation in layer.annotations:
        key = _without_id(annotation)
        if key in first_by_content:
            field = next(spans_of(annotation))[0]
            message = f"duplicates {first_by_content[key]}: same span and same values"
            problems.append(layer.source.problem(annotation.id, field, message))
        else:
            first_by_content[key] = annotation.id
    return problems


def check_layer_spans(layer: LayerFile, text: str) -> list[Problem]:
    problems = []
    for annotation in layer.annotations:
        for field, span in spans_of(annotation):
            problems += check_span(layer.source, annotation.id, field, span, text)
    return problems


def _overlaps(first: Span, second: Span) -> bool:
    return first.start < second.end and second.start < first.end


def check_furniture(furniture: LayerFile | None, content_layers: list[LayerFile]) -> list[Problem]:
    """Furniture spans do not overlap each other, and no content annotation touches furniture."""
    if furniture is None:
        return []
    problems = []
    pieces = [item for item in furniture.annotations if isinstance(item, FurnitureAnnotation)]
    for index, item in enumerate(pieces):
        for other in pieces[:index]:
            if _overlaps(item.span, other.span):
                problems.append(furniture.source.problem(item.id, "span", f"overlaps furniture {other.id}"))
    for layer in content_layers:
        for annotation in layer.annotations:
            for field, span in spans_of(annotation):
                for item in pieces:
                    if _overlaps(span, item.span):
                        message = (
                            f"lies in page furniture {item.id} ({item.kind}) of {furniture.source.relative}; "
                            "annotate article content only"
                        )
                        problems.append(layer.source.problem(annotation.id, field, message))
    return problems


def check_proposals(layer: LayerFile) -> list[Problem]:
    """Each annotation still `proposed`: it is not gold until an annotator marks it `accepted` (or deletes it)."""
    message = "proposed annotation awaits review: set status to 'accepted' or delete it"
    return [layer.source.problem(item.id, "status", message) for item in layer.annotations if item.status == "proposed"]
