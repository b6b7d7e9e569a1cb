"""The sources a summary is checked against: gold documents with annotations, or plain texts (gold-free)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from harness.core.spans import Entity
from harness.goldset.load import GoldCluster, GoldDocument, Goldset
from harness.goldset.schema import DocumentInfo


@dataclass(frozen=True)
class Sources:
    """One cluster's documents, the entity inventory, and whether gold annotations are present."""

    cluster: str
    documents: tuple[GoldDocument, ...]
    entities: tuple[Entity, ...] = ()
    references: tuple[str, ...] = ()
    gold: bool = True
    undated: frozenset[str] = frozenset()
    """Ids of documents whose date is unknown: their `info.date` is a placeholder never used as an anchor."""

    def anchor(self, document: GoldDocument) -> date | None:
        """The date a document's relative dates are read against; None when it is unknown."""
        return None if document.id in self.undated else document.info.date

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
        """Gold-free sources: claims are checked against the raw texts alone.

        Each document is dated by `anchor` (e.g. a dataset's date column), else by a dateline in its text;
        failing both its date is unknown (listed in `undated`) and its relative dates stay unresolved.
        """
        from harness.claims.numbers.dateline import find_dateline

        dated = {doc_id: anchor or find_dateline(text) for doc_id, text in texts.items()}
        documents = tuple(
            GoldDocument(
                info=DocumentInfo(
                    id=doc_id,
                    path=doc_id,
                    sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                    date=dated[doc_id] or date(1970, 1, 1),
                    date_basis="dateline" if dated[doc_id] else "inferred",
                    date_note=None if dated[doc_id] else "no date known: relative dates stay unresolved",
                    title=doc_id,
                ),
                text=text,
            )
            for doc_id, text in texts.items()
        )
        undated = frozenset(doc_id for doc_id, found in dated.items() if found is None)
        return cls(cluster=cluster, documents=documents, references=references, gold=False, undated=undated)
