"""A per-`Sources` cache for scorers that index a cluster's sources once and reuse the index for every summary.

The runner scores one model over every sample, then the next model: a one-entry cache would read every
cluster's sources again for each model. Entries are keyed by identity and dropped when the `Sources` object is.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from harness.verdicts.sources import Sources

T = TypeVar("T")


class PerSources(Generic[T]):
    """`compute(sources)`, computed once per live `Sources` object and kept while that object lives."""

    def __init__(self, compute: Callable[[Sources], T]) -> None:
        self._compute = compute
        self._values: dict[int, T] = {}

    def __call__(self, sources: Sources) -> T:
        """The cached value for `sources`, computed on first use."""
        key = id(sources)
        if key in self._values:
            return self._values[key]
        value = self._values[key] = self._compute(sources)
        weakref.finalize(sources, self._values.pop, key, None)
        return value
