"""Label Studio JSON export and import of every goldset layer: one task per document, one annotation per task.

Mapping (see docs/goldset-format.md): each annotation is a `labels` region whose `from_name` names its layer
(entity, number, event, quote, cue, argument, furniture) and whose label is its type; scalar fields are
per-region `textarea` results named after the field; inventory links are per-region `textarea` results named
`link.<kind>` holding the id and the item's name; a quote's cue and speaker and an event's arguments are
`relation` results labelled cue, speaker or the argument's role.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from harness.authoring.from_regions import ImportedLayers, layers_from_regions
from harness.authoring.regions import DocumentRegions, Link, Origin, Region, Relation, goldset_regions
from harness.authoring.write import write_json
from harness.core.spans import Span
from harness.errors import InputFileError
from harness.goldset.load import load_goldset, read_text_exact

FROM_NAMES = {
    "entities": "entity",
    "numbers": "number",
    "events": "event",
    "quotes": "quote",
    "furniture": "furniture",
    "cue": "cue",
    "argument": "argument",
}
"""Region layer -> the `from_name` of its labels control."""
LAYERS = {name: layer for layer, name in FROM_NAMES.items()}
LINK = "link."


def _result(region: Region, from_name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    span = {"start": region.span.start, "end": region.span.end}
    return {"id": region.key, "from_name": from_name, "to_name": "text", "type": kind, "value": {**span, **value}}


def task_results(document: DocumentRegions) -> list[dict[str, Any]]:
    """The `result` list of one document's annotation."""
    results = []
    for region in document.regions:
        labels = {"text": region.span.text, "labels": [region.label]}
        results.append(_result(region, FROM_NAMES[region.layer], "labels", labels))
        for field, value in region.fields.items():
            results.append(_result(region, field, "textarea", {"text": [value]}))
        for link in region.links:
            results.append(_result(region, LINK + link.kind, "textarea", {"text": [link.id, link.name]}))
    for relation in document.relations:
        results.append(
            {
                "from_id": relation.source,
                "to_id": relation.target,
                "type": "relation",
                "direction": "right",
                "labels": [relation.label],
            }
        )
    return results


def export_labelstudio(goldset_path: str | Path | None, out: str | Path) -> Path:
    """Write one Label Studio tasks file (a JSON list) for every document, proposals included."""
    tasks = [
        {
            "id": number,
            "data": {"document": document.id, "text": document.text},
            "annotations": [{"result": task_results(regions)}],
        }
        for number, (document, regions) in enumerate(
            goldset_regions(load_goldset(goldset_path, proposals="include")), start=1
        )
    ]
    return write_json(Path(out), tasks)


class _Lines:
    """Finds the line of each result in the raw file, reading forward as the results are read in order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.cursor = 0
        self.line = 1

    def line_of(self, key: str | None) -> int | None:
        """The line of the next `"id": "<key>"`; with no key (a relation), the line last found."""
        if key is None:
            return self.line
        match = re.compile(r'"id"\s*:\s*' + re.escape(json.dumps(key))).search(self.raw, self.cursor)
        if match is None:
            return None
        self.line += self.raw.count("\n", self.cursor, match.start())
        self.cursor = match.start()
        return self.line


def _span(value: dict[str, Any], text: str, where: InputFileError) -> Span:
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        raise where
    return Span(start=start, end=end, text=text[start:end])


def _regions(results: list[Any], text: str, path: Path, lines: _Lines) -> DocumentRegions:
    regions: dict[str, Region] = {}
    relations = []
    for position, result in enumerate(results):
        if not isinstance(result, dict):
            raise InputFileError(path, f"result {position} is not an object")
        if result.get("type") == "relation":
            labels = result.get("labels") or []
            origin = Origin(str(path), lines.line_of(None))
            if len(labels) != 1:
                raise InputFileError(path, "a relation needs exactly one label", line=origin.line)
            relations.append(Relation(labels[0], str(result.get("from_id")), str(result.get("to_id")), origin))
            continue
        key, name, value = str(result.get("id")), str(result.get("from_name")), result.get("value") or {}
        line = lines.line_of(key)
        origin = Origin(str(path), line)
        bad = InputFileError(path, f"result {key!r} ({name}): missing or impossible start/end", line=line)
        if result.get("type") == "labels":
            labels = value.get("labels") or []
            if name not in LAYERS or len(labels) != 1:
                message = f"result {key!r}: from_name must be one of {sorted(LAYERS)} with one label"
                raise InputFileError(path, message, line=line)
            regions[key] = Region(key, LAYERS[name], labels[0], _span(value, text, bad), origin=origin)
            continue
        if key not in regions:
            raise InputFileError(path, f"result {key!r} ({name}) comes before or without its region", line=line)
        texts = value.get("text") or []
        if name.startswith(LINK):
            if len(texts) != 2:
                raise InputFileError(path, f"result {key!r} ({name}): give [id, name]", line=line)
            regions[key].links.append(Link(name[len(LINK) :], str(texts[0]), str(texts[1])))
        else:
            regions[key].fields[name] = str(texts[0]) if texts else ""
    return DocumentRegions(list(regions.values()), relations)


def import_labelstudio(path: str | Path, goldset_path: str | Path, annotation: int = 0) -> dict[str, ImportedLayers]:
    """Read the `annotation`-th annotation of each task whose `data.document` is a document of the goldset."""
    file = Path(path)
    raw = read_text_exact(file)
    try:
        tasks = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputFileError(file, f"invalid JSON: {error.msg}", line=error.lineno) from None
    if not isinstance(tasks, list):
        raise InputFileError(file, "expected a list of tasks, as Label Studio exports them", line=1)
    goldset = load_goldset(goldset_path, proposals="include")
    lines = _Lines(raw)
    found: dict[str, ImportedLayers] = {}
    for number, task in enumerate(tasks, start=1):
        data = task.get("data") if isinstance(task, dict) else None
        data = data if isinstance(data, dict) else {}
        document = goldset.document_by_id.get(str(data.get("document")))
        if document is None:
            raise InputFileError(file, f"task {number}: data.document names no document of the goldset")
        if data.get("text") != document.text:
            raise InputFileError(file, f"task {number}: data.text differs from the goldset's text of {document.id}")
        annotations = task.get("annotations") or []
        if len(annotations) <= annotation:
            raise InputFileError(file, f"task {number}: no annotation number {annotation}")
        results = annotations[annotation].get("result") or []
        found[document.id] = layers_from_regions(_regions(results, document.text, file, lines))
    return found


FIELDS = (
    "id",
    "kind",
    "status",
    "value",
    "low",
    "high",
    "low_open",
    "high_open",
    "unit",
    "counted",
    "qualifier",
    "date",
    "polarity",
    "modality",
    "time",
    "speaker_description",
)
"""Scalar fields that export writes as per-region text areas (an event's `argN.*` fields come on top)."""
LINK_KINDS = ("entity", "fact", "event-cluster", "quote-cluster", "speaker")


def labeling_config(tasks: list[dict[str, Any]]) -> str:
    """A Label Studio labeling config (XML) with every control and relation label the exported `tasks` use."""
    from typing import get_args

    from harness.goldset.schema import EntityType, EventType

    labels = {
        "entity": get_args(EntityType),
        "number": ("Number",),
        "event": get_args(EventType),
        "quote": ("Quote",),
        "cue": ("Cue",),
        "argument": ("Argument",),
        "furniture": ("Furniture",),
    }
    lines = ["<View>", '  <Text name="text" value="$text"/>']
    for name, values in labels.items():
        lines.append(f'  <Labels name="{name}" toName="text">')
        lines += [f'    <Label value="{value}"/>' for value in values]
        lines.append("  </Labels>")
    for field in (*FIELDS, *(LINK + kind for kind in LINK_KINDS)):
        lines.append(f'  <TextArea name="{field}" toName="text" perRegion="true" maxSubmissions="2"/>')
    relations = sorted(
        {
            label
            for task in tasks
            for annotation in task.get("annotations", [])
            for result in annotation.get("result", [])
            if result.get("type") == "relation"
            for label in result.get("labels", [])
        }
    )
    lines += ["  <Relations>", *(f'    <Relation value="{label}"/>' for label in relations), "  </Relations>"]
    return "\n".join([*lines, "</View>"]) + "\n"
