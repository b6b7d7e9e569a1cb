"""Statistics of a goldset: annotations per layer and document, their breakdowns, and cross-document support.

Only gold (accepted) annotations are counted; proposals still awaiting review are counted apart.

An annotator uses them to check coverage ("does every document have numbers?"); the survival metric uses
the support counts (how many documents report a fact, an event, a quote) as weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from harness.goldset.load import GoldDocument, Goldset

LAYERS = ("entities", "numbers", "events", "quotes", "furniture")


@dataclass(frozen=True)
class Breakdown:
    """Counts of one layer by one attribute: `counts[category][document id]`."""

    title: str
    counts: dict[str, dict[str, int]]


@dataclass(frozen=True)
class Support:
    """One inventory item and the documents whose annotations refer to it."""

    id: str
    description: str
    documents: list[str]
    annotations: int

    @property
    def support(self) -> int:
        return len(self.documents)


@dataclass(frozen=True)
class GoldsetStats:
    """Everything `harness goldset stats` prints."""

    name: str
    documents: list[str]
    layers: dict[str, dict[str, int]]
    breakdowns: list[Breakdown]
    entities: list[Support]
    facts: list[Support]
    event_clusters: list[Support]
    quote_clusters: list[Support]
    references: dict[str, list[int]]
    proposed: dict[str, dict[str, int]]
    """Proposals awaiting review, left out of every other count: `proposed[layer][document id]`."""

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `--format json`; support lists carry their `support` count."""
        data = asdict(self)
        for key in ("entities", "facts", "event_clusters", "quote_clusters"):
            for item, support in zip(data[key], getattr(self, key), strict=True):
                item["support"] = support.support
        return data


def _breakdown(title: str, documents: Iterable[GoldDocument], values: Callable[[GoldDocument], list[str]]) -> Breakdown:
    counts: dict[str, dict[str, int]] = {}
    for document in documents:
        for category, count in sorted(Counter(values(document)).items()):
            counts.setdefault(category, {})[document.id] = count
    return Breakdown(title, dict(sorted(counts.items())))


def _support(
    items: Iterable[tuple[str, str]], documents: Iterable[GoldDocument], refs: Callable[[GoldDocument], list[str]]
) -> list[Support]:
    per_document = {document.id: Counter(refs(document)) for document in documents}
    return [
        Support(
            id=item_id,
            description=description,
            documents=[doc for doc, counter in per_document.items() if counter[item_id]],
            annotations=sum(counter[item_id] for counter in per_document.values()),
        )
        for item_id, description in items
    ]


def goldset_stats(goldset: Goldset) -> GoldsetStats:
    """Count every layer of every document, and which documents support each inventory item."""
    docs = goldset.documents
    layers = {layer: {doc.id: len(getattr(doc, layer)) for doc in docs} for layer in LAYERS}
    breakdowns = [
        _breakdown("entities by type", docs, lambda d: [m.type for m in d.entities]),
        _breakdown("entity mentions by kind", docs, lambda d: [m.kind for m in d.entities]),
        _breakdown("numbers by kind", docs, lambda d: [n.kind for n in d.numbers]),
        _breakdown("numbers by qualifier", docs, lambda d: [n.qualifier for n in d.numbers]),
        _breakdown("events by type", docs, lambda d: [e.type for e in d.events]),
        _breakdown("events by polarity", docs, lambda d: [e.polarity for e in d.events]),
        _breakdown("events by modality", docs, lambda d: [e.modality for e in d.events]),
        _breakdown("quotes by kind", docs, lambda d: [q.kind for q in d.quotes]),
        _breakdown("furniture by kind", docs, lambda d: [f.kind for f in d.furniture]),
    ]
    return GoldsetStats(
        name=goldset.name,
        documents=[doc.id for doc in docs],
        layers=layers,
        breakdowns=breakdowns,
        entities=_support(
            ((entity.id, entity.name) for entity in goldset.entities), docs, lambda d: [m.entity for m in d.entities]
        ),
        facts=_support(
            ((fact.id, fact.description) for fact in goldset.number_facts),
            docs,
            lambda d: [n.fact for n in d.numbers if n.fact],
        ),
        event_clusters=_support(
            ((cluster.id, f"{cluster.type}: {cluster.description}") for cluster in goldset.event_clusters),
            docs,
            lambda d: [e.cluster for e in d.events if e.cluster],
        ),
        quote_clusters=_support(
            ((cluster.id, cluster.description) for cluster in goldset.quote_clusters),
            docs,
            lambda d: [q.cluster for q in d.quotes if q.cluster],
        ),
        references={
            cluster.id: [len(reference.text.split()) for reference in cluster.references]
            for cluster in goldset.clusters
        },
        proposed={layer: {doc.id: doc.proposed.get(layer, 0) for doc in docs} for layer in LAYERS},
    )
