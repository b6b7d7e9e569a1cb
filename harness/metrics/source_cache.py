"""Per-sources analysis shared by every scorer, summary and model: computed once per distinct source content.

A scorer's index of a cluster's sources (their numbers, quotes, events, tokens) depends only on the
documents' ids, texts and dates, the entity inventory and whether gold annotations are present. Entries are
keyed by that content, not by the `Sources` object, so two rows of a dataset holding the same article, or
the next model's samples, reuse the index; one table per analysis function is shared by all scorer instances.
The least recently used entries are dropped past `SIZE`, so memory stays flat over a long run.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from harness.verdicts.sources import Sources

T = TypeVar("T")

SIZE = 64
"""Distinct sources kept per analysis: a cluster's summaries are usually scored close together."""

_TABLES: dict[Callable[[Sources], Any], OrderedDict[Hashable, tuple[Any, Sources]]] = {}


def sources_key(sources: Sources) -> Hashable:
    """What an analysis of `sources` depends on: each document's id, date and text, the inventory and gold mode.

    Gold documents carry annotations besides their text, so in gold mode the documents and the inventory are
    also told apart by identity (the entry keeps them alive, so an identity is never reused while it is held).
    """
    documents = tuple((doc.info.id, doc.info.date, doc.info.date_basis, doc.text) for doc in sources.documents)
    if not sources.gold:
        return (False, documents)
    return (True, documents, tuple(map(id, sources.documents)), id(sources.entities))


class PerSources(Generic[T]):
    """`compute(sources)`, computed once per distinct source content and shared with every other user."""

    def __init__(self, compute: Callable[[Sources], T]) -> None:
        self._compute = compute
        self._table: OrderedDict[Hashable, tuple[Any, Sources]] = _TABLES.setdefault(compute, OrderedDict())

    def __call__(self, sources: Sources) -> T:
        """The value for `sources`, computed on first use of that content."""
        key = sources_key(sources)
        table = self._table
        held = table.get(key)
        if held is not None:
            table.move_to_end(key)
            value: T = held[0]
            return value
        value = self._compute(sources)
        table[key] = (value, sources)
        if len(table) > SIZE:
            table.popitem(last=False)
        return value
