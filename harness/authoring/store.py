"""Store imported or proposed layers in a goldset: write each document's layer files and extend the inventories.

Inventory items already present are kept as they are (with their aliases, roles and notes); an item that a
link names for the first time is added with the name or description the link carries, and its type or
speaker taken from the annotations that use it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from harness.authoring.from_regions import ImportedLayers
from harness.authoring.write import write_inventory, write_layer
from harness.core.spans import Entity
from harness.errors import GoldsetError
from harness.goldset.load import Goldset, load_goldset
from harness.goldset.schema import LAYER_FILES, EventCluster, NumberFact, QuoteCluster

T = TypeVar("T", Entity, NumberFact, EventCluster, QuoteCluster)


def _extend(
    items: Sequence[T], layers: list[ImportedLayers], kind: str, make: Callable[[str, str], T | None]
) -> list[T]:
    """`items`, then one item made for every id that a `kind` link names and `items` lacks."""
    out = list(items)
    known = {item.id for item in out}
    for part in layers:
        for (link_kind, item_id), name in part.links.items():
            if link_kind == kind and item_id not in known and (made := make(item_id, name)) is not None:
                out.append(made)
                known.add(item_id)
    return out


def _inventories(goldset: Goldset, layers: list[ImportedLayers]) -> tuple[list[Any], ...]:
    entity_types = {m.entity: m.type for part in layers for m in part.entities}
    event_types = {e.cluster: e.type for part in layers for e in part.events if e.cluster}
    speakers = {q.cluster: q.speaker for part in layers for q in part.quotes if q.cluster}

    def entity(item_id: str, name: str) -> Entity:
        if item_id not in entity_types:
            raise GoldsetError(
                f"{goldset.root / goldset.manifest.entities}: entity '{item_id}' is named by a link but no "
                "mention gives its type; add it to the inventory first"
            )
        return Entity(id=item_id, name=name, type=entity_types[item_id])

    def event_cluster(item_id: str, name: str) -> EventCluster | None:
        return EventCluster(id=item_id, type=event_types[item_id], description=name) if item_id in event_types else None

    return (
        _extend(goldset.entities, layers, "entity", entity),
        _extend(goldset.number_facts, layers, "fact", lambda i, n: NumberFact(id=i, description=n)),
        _extend(goldset.event_clusters, layers, "event-cluster", event_cluster),
        _extend(
            goldset.quote_clusters,
            layers,
            "quote-cluster",
            lambda i, n: QuoteCluster(id=i, speaker=speakers.get(i), description=n),
        ),
    )


def store_layers(root: str | Path, documents: Mapping[str, ImportedLayers]) -> list[Path]:
    """Replace the layers of each listed document of the goldset at `root`; returns the files written."""
    goldset = load_goldset(root, proposals="include")
    unknown = [doc for doc in documents if doc not in goldset.document_by_id]
    if unknown:
        raise GoldsetError(f"{goldset.root / 'goldset.json'}: no document {unknown[0]!r} in this goldset")
    layers = list(documents.values())
    manifest, base = goldset.manifest, goldset.root
    entities, facts, event_clusters, quote_clusters = _inventories(goldset, layers)
    written = [
        write_inventory(base / manifest.entities, "entities", entities),
        write_inventory(base / manifest.number_facts, "facts", facts),
        write_inventory(base / manifest.event_clusters, "clusters", event_clusters),
        write_inventory(base / manifest.quote_clusters, "clusters", quote_clusters),
    ]
    for document_id, part in documents.items():
        for layer in LAYER_FILES:
            written.append(write_layer(base / manifest.annotations, document_id, layer, getattr(part, layer)))
    return written
