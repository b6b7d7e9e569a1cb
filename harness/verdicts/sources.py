"""The sources a summary is checked against: gold documents with annotations, or plain texts (gold-free)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from harness.goldset.load import GoldCluster, GoldDocument, Goldset
from harness.goldset.schema import DocumentInfo, Entity


@dataclass(frozen=True)
class Sources:
    """One cluster's documents, the entity inventory, and whether gold annotations are present."""

    cluster: str
    documents: tuple[GoldDocument, ...]
    entities: tuple[Entity, ...] = ()
    references: tuple[str, ...] = ()
    gold: bool = True

    @classmethod
    def from_gold(cls, goldset: Goldset, cluster: GoldCluster) -> Sources:
        return cls(
            cluster=cluster.id,
            documents=cluster.documents,
            entities=goldset.entities,
            references=tuple(reference.text for reference in cluster.references),
            gold=True,
        )

    @classmethod
    def from_texts(
        cls,
        cluster: str,
        texts: dict[str, str],
        *,
        references: tuple[str, ...] = (),
        anchor: date | None = None,
    ) -> Sources:
        """Gold-free sources: claims are checked against the raw texts alone."""
        documents = tuple(
            GoldDocument(
                info=DocumentInfo(
                    id=doc_id,
                    path=doc_id,
                    sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                    date=anchor or date(1970, 1, 1),
                    date_basis="inferred" if anchor is None else "dateline",
                    title=doc_id,
                ),
                text=text,
            )
            for doc_id, text in texts.items()
        )
        return cls(cluster=cluster, documents=documents, references=references, gold=False)
