"""Validate a goldset folder and report every problem at once: file, line, annotation id, field and message.

Unlike `load_goldset`, which stops at the first unreadable file, this reads each file on its own and keeps
going, so an annotator sees all mistakes in one run (`harness goldset validate`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from harness.goldset.content_checks import Inventories, Usage, check_layer_content
from harness.goldset.layer_checks import (
    Annotation,
    LayerFile,
    check_duplicates,
    check_furniture,
    check_ids,
    check_layer_spans,
    check_proposals,
)
from harness.goldset.load import DEFAULT_GOLDSET, MANIFEST_NAME
from harness.goldset.problems import Problem, SourceFile, parse_model, read_json_file, read_model_file
from harness.goldset.schema import (
    LAYER_FILES,
    DocumentInfo,
    Entity,
    EntityInventory,
    EntityMention,
    EventAnnotation,
    EventCluster,
    EventClusterInventory,
    FurnitureAnnotation,
    Manifest,
    NumberAnnotation,
    NumberFact,
    NumberFactInventory,
    QuoteAnnotation,
    QuoteCluster,
    QuoteClusterInventory,
    ReferenceSet,
)

T = TypeVar("T", Entity, NumberFact, EventCluster, QuoteCluster)

_ITEMS = {
    "entities": "mentions",
    "numbers": "numbers",
    "events": "events",
    "quotes": "quotes",
    "furniture": "furniture",
}
"""The list field that holds each layer's annotations."""

_ITEM_MODELS: dict[str, type[Annotation]] = {
    "entities": EntityMention,
    "numbers": NumberAnnotation,
    "events": EventAnnotation,
    "quotes": QuoteAnnotation,
    "furniture": FurnitureAnnotation,
}


def goldset_root(path: str | Path | None) -> Path:
    """The goldset folder for `path` (a folder or its manifest); the built-in goldset when None."""
    root = Path(path) if path is not None else DEFAULT_GOLDSET
    return root.parent if root.is_file() else root


def _problems_by_position(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda found: (found.file, found.line or 0, found.id or "", found.field or ""))


def validate_goldset(path: str | Path | None = None, *, allow_proposed: bool = False) -> list[Problem]:
    """Every problem of the goldset at `path` (default: the built-in one); an empty list means it is valid.

    An annotation still `proposed` is a problem (it is not gold until reviewed) unless `allow_proposed`,
    which checks proposals like any annotation while a review is under way."""
    root = goldset_root(path)
    source, manifest, problems = read_model_file(root, MANIFEST_NAME, Manifest)
    if manifest is None or source is None:
        return problems
    problems += _check_manifest(source, manifest)
    inventories, inventory_problems = _read_inventories(root, manifest)
    problems += inventory_problems
    usage = Usage()
    if inventories.quote_clusters is not None:
        usage.entities.update(cluster.speaker for cluster in inventories.quote_clusters.values() if cluster.speaker)
    for info in manifest.documents:
        text, text_problems = _read_text(root, info)
        problems += text_problems
        problems += _check_document(root, manifest, info, text, inventories, usage, allow_proposed)
    problems += _check_folders(root, manifest)
    problems += _check_unused(root, inventories, usage)
    problems += _check_references(root, manifest)
    return _problems_by_position(problems)


def _check_manifest(source: SourceFile, manifest: Manifest) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for info in manifest.documents:
        if info.id in seen:
            problems.append(source.problem(info.id, "id", f"document id '{info.id}' is listed twice"))
        if info.date is None and not info.date_note:
            message = "no date: relative dates cannot be resolved; give the date or say in date_note why there is none"
            problems.append(source.problem(info.id, "date", message))
        seen.add(info.id)
    for cluster in manifest.clusters:
        for document in cluster.documents:
            if document not in seen:
                message = f"cluster lists document '{document}', which the manifest does not define"
                problems.append(source.problem(cluster.id, "documents", message))
    return problems


def _read_text(root: Path, info: DocumentInfo) -> tuple[str | None, list[Problem]]:
    """The exact text (no newline translation) and a problem if it is missing or its sha256 differs."""
    path = root / info.path
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(info.path, info.id, "path", "source text not found")]
    digest = hashlib.sha256(data).hexdigest()
    problems = []
    if digest != info.sha256:
        message = (
            f"sha256 is {digest} but {MANIFEST_NAME} says {info.sha256}: the text changed, so every offset "
            "may be wrong; restore the original text (or re-annotate and update the manifest)"
        )
        problems.append(Problem(info.path, info.id, "sha256", message))
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as error:
        return None, [*problems, Problem(info.path, info.id, "path", f"not UTF-8 at byte {error.start}")]


def _index(source: SourceFile, items: list[T], problems: list[Problem]) -> dict[str, T]:
    by_id: dict[str, T] = {}
    for item in items:
        if item.id in by_id:
            problems.append(source.problem(item.id, "id", f"duplicate id '{item.id}' in this inventory"))
        by_id[item.id] = item
    return by_id


def _read_inventories(root: Path, manifest: Manifest) -> tuple[Inventories, list[Problem]]:
    problems: list[Problem] = []
    entity_source, entity_file, found = read_model_file(root, manifest.entities, EntityInventory)
    problems += found
    fact_source, fact_file, found = read_model_file(root, manifest.number_facts, NumberFactInventory)
    problems += found
    event_source, event_file, found = read_model_file(root, manifest.event_clusters, EventClusterInventory)
    problems += found
    quote_source, quote_file, found = read_model_file(root, manifest.quote_clusters, QuoteClusterInventory)
    problems += found
    entities = _index(entity_source, entity_file.entities, problems) if entity_source and entity_file else None
    facts = _index(fact_source, fact_file.facts, problems) if fact_source and fact_file else None
    events = _index(event_source, event_file.clusters, problems) if event_source and event_file else None
    quotes = _index(quote_source, quote_file.clusters, problems) if quote_source and quote_file else None
    if quote_source is not None and quotes is not None and entities is not None:
        for cluster in quotes.values():
            if cluster.speaker is not None and cluster.speaker not in entities:
                message = f"unknown id '{cluster.speaker}': not in {manifest.entities}"
                problems.append(quote_source.problem(cluster.id, "speaker", message))
    files = {
        "entities": manifest.entities,
        "number_facts": manifest.number_facts,
        "event_clusters": manifest.event_clusters,
        "quote_clusters": manifest.quote_clusters,
    }
    return Inventories(entities, facts, events, quotes, files), problems


def _note_raw_references(item: Any, usage: Usage) -> None:
    """Count the inventory ids an unparseable annotation names as used, so one typo gives one problem."""
    if not isinstance(item, dict):
        return
    for key, used in (("entity", usage.entities), ("speaker", usage.entities), ("fact", usage.facts)):
        if isinstance(item.get(key), str):
            used.add(item[key])
    if isinstance(item.get("cluster"), str):
        (usage.quote_clusters if "content" in item else usage.event_clusters).add(item["cluster"])
    for argument in item.get("arguments") or []:
        if isinstance(argument, dict) and isinstance(argument.get("entity"), str):
            usage.entities.add(argument["entity"])


def _salvage(data: Any, name: str, usage: Usage) -> tuple[Annotation, ...]:
    """The annotations of an ill-typed layer file that parse on their own, so they are still checked."""
    items = data.get(_ITEMS[name]) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    model = _ITEM_MODELS[name]
    kept = []
    for item in items:
        try:
            kept.append(model.model_validate(item))
        except ValidationError:
            _note_raw_references(item, usage)
    return tuple(kept)


def _read_layers(
    root: Path, manifest: Manifest, document_id: str, usage: Usage
) -> tuple[list[LayerFile], list[Problem]]:
    layers, problems = [], []
    for name, model in LAYER_FILES.items():
        relative = f"{manifest.annotations}/{document_id}/{name}.json"
        source, data, found = read_json_file(root, relative)
        problems += found
        if source is None or found:
            continue
        layer, found = parse_model(source, data, model)
        problems += found
        if layer is None:
            layers.append(LayerFile(name, source, _salvage(data, name, usage)))
            continue
        fields = vars(layer)
        if fields["document"] != document_id:
            message = f"names document '{fields['document']}' but lies in the folder of '{document_id}'"
            problems.append(source.problem(None, "document", message))
        layers.append(LayerFile(name, source, tuple(fields[_ITEMS[name]])))
    return layers, problems


def _check_document(
    root: Path,
    manifest: Manifest,
    info: DocumentInfo,
    text: str | None,
    inv: Inventories,
    usage: Usage,
    allow_proposed: bool,
) -> list[Problem]:
    if not (root / manifest.annotations / info.id).is_dir():
        message = f"no annotation folder for document '{info.id}'; create {manifest.annotations}/{info.id}/"
        return [Problem(f"{manifest.annotations}/{info.id}", info.id, None, message)]
    layers, problems = _read_layers(root, manifest, info.id, usage)
    for layer in layers:
        problems += check_ids(layer)
        problems += check_duplicates(layer)
        problems += check_layer_content(layer, inv, usage)
        if text is not None:
            problems += check_layer_spans(layer, text)
        if not allow_proposed:
            problems += check_proposals(layer)
    furniture = next((layer for layer in layers if layer.name == "furniture"), None)
    problems += check_furniture(furniture, [layer for layer in layers if layer.name != "furniture"])
    return problems


def _check_folders(root: Path, manifest: Manifest) -> list[Problem]:
    """Each annotation folder belongs to a document, and holds only layer files."""
    folder = root / manifest.annotations
    if not folder.is_dir():
        return [Problem(manifest.annotations, None, None, "annotations folder not found")]
    known = {info.id for info in manifest.documents}
    problems = []
    for child in sorted(folder.iterdir()):
        relative = f"{manifest.annotations}/{child.name}"
        if not child.is_dir():
            problems.append(Problem(relative, None, None, "only document folders belong here"))
        elif child.name not in known:
            message = f"folder '{child.name}' matches no document of {MANIFEST_NAME}"
            problems.append(Problem(relative, child.name, None, message))
        else:
            for file in sorted(child.iterdir()):
                if file.suffix != ".json" or file.stem not in LAYER_FILES:
                    message = f"not a layer file; expected {', '.join(f'{name}.json' for name in LAYER_FILES)}"
                    problems.append(Problem(f"{relative}/{file.name}", None, None, message))
    return problems


def _check_unused(root: Path, inv: Inventories, usage: Usage) -> list[Problem]:
    """Every inventory item is used by at least one annotation (an unused one is a typo or a leftover)."""
    tables: list[tuple[str, Collection[str] | None, set[str]]] = [
        (inv.files["entities"], inv.entities, usage.entities),
        (inv.files["number_facts"], inv.facts, usage.facts),
        (inv.files["event_clusters"], inv.event_clusters, usage.event_clusters),
        (inv.files["quote_clusters"], inv.quote_clusters, usage.quote_clusters),
    ]
    problems = []
    for relative, known, used in tables:
        if known is None:
            continue
        source = SourceFile(relative, (root / relative).read_text(encoding="utf-8"))
        problems += [source.problem(item, None, "not used by any annotation") for item in known if item not in used]
    return problems


def _check_references(root: Path, manifest: Manifest) -> list[Problem]:
    problems = []
    for cluster in manifest.clusters:
        if cluster.references is None:
            continue
        source, references, found = read_model_file(root, cluster.references, ReferenceSet)
        problems += found
        if references is None or source is None:
            continue
        if references.cluster != cluster.id:
            message = f"names cluster '{references.cluster}' but {MANIFEST_NAME} points cluster '{cluster.id}' here"
            problems.append(source.problem(None, "cluster", message))
        seen: set[str] = set()
        for reference in references.references:
            if reference.id in seen:
                problems.append(source.problem(reference.id, "id", f"duplicate id '{reference.id}'"))
            seen.add(reference.id)
            if not reference.text.strip():
                problems.append(source.problem(reference.id, "text", "reference summary is empty"))
            if reference.target_words is not None and reference.target_words <= 0:
                problems.append(source.problem(reference.id, "target_words", "must be a positive word count"))
    return problems
