"""B-cubed agreement of two clusterings of the same mentions (entity links, shared facts or events).

Clusters are sets of mention keys (document id, start, end). The formula is that of the CoNLL-2012 reference
scorer (Pradhan et al., 2014): mentions found on one side only simply share nothing with the other.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Mention = tuple[str, int, int]
Clusters = list[frozenset[Mention]]


def clusters_from_links(links: Iterable[tuple[Mention, Hashable | None]]) -> Clusters:
    """Group mentions by the entity they are linked to; an unlinked mention is a cluster of its own."""
    grouped: dict[Hashable, set[Mention]] = {}
    for mention, entity in links:
        key = entity if entity is not None else ("unlinked", mention)
        grouped.setdefault(key, set()).add(mention)
    return [frozenset(members) for members in grouped.values()]


@dataclass(frozen=True)
class ClusterScore:
    """Precision and recall of a clustering; B-cubed credits each side with its own mention weights."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall, f"{prefix}_f1": self.f1}


def b_cubed(key: Clusters, response: Clusters) -> ClusterScore:
    """B-cubed: for each mention, the overlap of its key and response clusters, averaged over mentions."""

    def credit(clusters: Clusters, others: Clusters) -> float:
        where: Mapping[Mention, frozenset[Mention]] = {m: c for c in others for m in c}
        total = sum(map(len, clusters))
        earned = sum(len(c & where.get(m, frozenset())) / len(c) for c in clusters for m in c)
        return earned / total if total else 0.0

    return ClusterScore(precision=credit(response, key), recall=credit(key, response))
