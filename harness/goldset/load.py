"""Load a goldset folder into typed, in-memory objects.

Loading checks only that files exist and parse; `harness.goldset.validate` checks what they say.
Annotations with `status: proposed` (a tool's suggestions awaiting review) are never gold: by default the
loader leaves them out of every layer and counts them in `GoldDocument.proposed`; `proposals="refuse"` makes
any of them an error and `proposals="include"` keeps them (for authoring tools only, never for scoring).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ValidationError

from harness.errors import GoldsetError
from harness.goldset.schema import (
    DocumentInfo,
    Entity,
    EntityInventory,
    EntityLayer,
    EntityMention,
    EventAnnotation,
    EventCluster,
    EventClusterInventory,
    EventLayer,
    FurnitureAnnotation,
    FurnitureLayer,
    Manifest,
    NumberAnnotation,
    NumberFact,
    NumberFactInventory,
    NumberLayer,
    QuoteAnnotation,
    QuoteCluster,
    QuoteClusterInventory,
    QuoteLayer,
    ReferenceSet,
    ReferenceSummary,
)

MANIFEST_NAME = "goldset.json"
DEFAULT_GOLDSET = Path(__file__).resolve().parents[2] / "goldsets" / "moscow-talks-2018"

M = TypeVar("M", bound=BaseModel)
A = TypeVar("A", EntityMention, NumberAnnotation, EventAnnotation, QuoteAnnotation, FurnitureAnnotation)
Proposals = Literal["exclude", "include", "refuse"]


@dataclass(frozen=True)
class GoldDocument:
    """One source text with every layer of its hand annotations."""

    info: DocumentInfo
    text: str
    entities: tuple[EntityMention, ...] = ()
    numbers: tuple[NumberAnnotation, ...] = ()
    events: tuple[EventAnnotation, ...] = ()
    quotes: tuple[QuoteAnnotation, ...] = ()
    furniture: tuple[FurnitureAnnotation, ...] = ()
    proposed: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    """Proposals left out of each layer (layer name -> count); empty when none were found or all were kept."""

    @property
    def id(self) -> str:
        return self.info.id


@dataclass(frozen=True)
class GoldCluster:
    """Documents summarized together, with their reference summaries."""

    id: str
    documents: tuple[GoldDocument, ...]
    references: tuple[ReferenceSummary, ...]


@dataclass(frozen=True)
class Goldset:
    """A whole goldset: documents, inventories shared across documents, and clusters."""

    root: Path
    manifest: Manifest
    documents: tuple[GoldDocument, ...]
    entities: tuple[Entity, ...]
    number_facts: tuple[NumberFact, ...]
    event_clusters: tuple[EventCluster, ...]
    quote_clusters: tuple[QuoteCluster, ...]
    clusters: tuple[GoldCluster, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.manifest.name

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    @cached_property
    def document_by_id(self) -> dict[str, GoldDocument]:
        return {document.id: document for document in self.documents}


def validation_message(error: ValidationError) -> str:
    """Every field a pydantic model refused, as `field 'a.b': message; ...`."""
    return "; ".join(
        f"field '{'.'.join(str(part) for part in issue['loc'])}': {issue['msg']}" for issue in error.errors()
    )


def read_model(path: Path, model: type[M]) -> M:
    """Parse one JSON file into `model`, turning any problem into a `GoldsetError` that names the file and field."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldsetError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise GoldsetError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise GoldsetError(f"{path}, line {error.lineno}: invalid JSON: {error.msg}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise GoldsetError(f"{path}: {validation_message(error)}") from None


def read_text_exact(path: Path) -> str:
    """Read a source text without any newline translation, so offsets match the bytes on disk."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise GoldsetError(f"{path}: source text not found") from None
    except UnicodeDecodeError as error:
        raise GoldsetError(f"{path}: not UTF-8 ({error.reason} at byte {error.start})") from None


def _layer(root: Path, folder: str, document_id: str, layer: str, model: type[M]) -> M | None:
    path = root / folder / document_id / f"{layer}.json"
    return read_model(path, model) if path.exists() else None


def _gold(items: list[A], path: Path, layer: str, proposals: Proposals, proposed: dict[str, int]) -> tuple[A, ...]:
    """The layer's annotations under the `proposals` rule; the ones left out are counted in `proposed`."""
    if proposals == "include":
        return tuple(items)
    waiting = [item.id for item in items if item.status == "proposed"]
    if waiting and proposals == "refuse":
        raise GoldsetError(
            f"{path}: {len(waiting)} proposed annotations await review ({', '.join(waiting[:5])}"
            f"{', ...' if len(waiting) > 5 else ''}); mark each 'accepted' or delete it"
        )
    if waiting:
        proposed[layer] = len(waiting)
    return tuple(item for item in items if item.status != "proposed")


def load_document(
    root: Path, manifest: Manifest, info: DocumentInfo, *, verify: bool = True, proposals: Proposals = "exclude"
) -> GoldDocument:
    """One document with its layers; with `verify`, a text whose sha256 differs from the manifest is refused,
    since its annotations' offsets no longer point at what was annotated. `proposals`: see the module doc."""
    text = read_text_exact(root / info.path)
    if verify:
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != info.sha256:
            raise GoldsetError(
                f"{root / info.path}: sha256 {actual[:12]}... differs from the manifest's {info.sha256[:12]}...: the "
                "text changed under its annotations; restore it, or re-annotate and update goldset.json "
                "(`harness goldset validate` lists every span that moved)"
            )
    folder = manifest.annotations
    entities = _layer(root, folder, info.id, "entities", EntityLayer)
    numbers = _layer(root, folder, info.id, "numbers", NumberLayer)
    events = _layer(root, folder, info.id, "events", EventLayer)
    quotes = _layer(root, folder, info.id, "quotes", QuoteLayer)
    furniture = _layer(root, folder, info.id, "furniture", FurnitureLayer)
    proposed: dict[str, int] = {}

    def gold(layer: str, items: list[A]) -> tuple[A, ...]:
        return _gold(items, root / folder / info.id / f"{layer}.json", layer, proposals, proposed)

    return GoldDocument(
        info=info,
        text=text,
        entities=gold("entities", entities.mentions) if entities else (),
        numbers=gold("numbers", numbers.numbers) if numbers else (),
        events=gold("events", events.events) if events else (),
        quotes=gold("quotes", quotes.quotes) if quotes else (),
        furniture=gold("furniture", furniture.furniture) if furniture else (),
        proposed=proposed,
    )


def _inventory(root: Path, relative: str, model: type[M]) -> M | None:
    path = root / relative
    return read_model(path, model) if path.exists() else None


def load_goldset(path: str | Path | None = None, *, verify: bool = True, proposals: Proposals = "exclude") -> Goldset:
    """Load the goldset at `path` (a folder with `goldset.json`, or the manifest itself); default: the built-in one.

    `proposals` ("exclude", "include" or "refuse") says what becomes of annotations still `proposed`."""
    root = Path(path) if path is not None else DEFAULT_GOLDSET
    if root.is_file():
        root = root.parent
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.exists():
        raise GoldsetError(f"{root}: no {MANIFEST_NAME} here; a goldset folder needs a manifest (see README)")
    manifest = read_model(manifest_path, Manifest)
    documents = tuple(
        load_document(root, manifest, info, verify=verify, proposals=proposals) for info in manifest.documents
    )
    entities = _inventory(root, manifest.entities, EntityInventory)
    facts = _inventory(root, manifest.number_facts, NumberFactInventory)
    events = _inventory(root, manifest.event_clusters, EventClusterInventory)
    quotes = _inventory(root, manifest.quote_clusters, QuoteClusterInventory)
    by_id = {document.id: document for document in documents}
    clusters = []
    for cluster in manifest.clusters:
        missing = [doc for doc in cluster.documents if doc not in by_id]
        if missing:
            raise GoldsetError(f"{manifest_path}: cluster '{cluster.id}' lists unknown documents {missing}")
        references = read_model(root / cluster.references, ReferenceSet).references if cluster.references else []
        clusters.append(
            GoldCluster(
                id=cluster.id,
                documents=tuple(by_id[doc] for doc in cluster.documents),
                references=tuple(references),
            )
        )
    return Goldset(
        root=root,
        manifest=manifest,
        documents=documents,
        entities=tuple(entities.entities) if entities else (),
        number_facts=tuple(facts.facts) if facts else (),
        event_clusters=tuple(events.clusters) if events else (),
        quote_clusters=tuple(quotes.clusters) if quotes else (),
        clusters=tuple(clusters),
    )
