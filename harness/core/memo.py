"""A bounded memo keyed by content: work that depends only on its inputs is done once per distinct input.

Equal keys share one entry whatever objects hold them (a summary read by three scorers, a source document seen
by every summary of its cluster), and the least recently used entry goes once `size` entries are held, so
memory stays flat over a long run.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

DEFAULT_SIZE = 128

_EVERY: weakref.WeakSet[Memo[Any]] = weakref.WeakSet()


class Memo(Generic[T]):
    """Values by hashable key, kept for the `size` most recently used keys."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._size = size
        self._values: OrderedDict[Hashable, T] = OrderedDict()
        _EVERY.add(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value held for `key`, or `compute()` on first use of that key."""
        values = self._values
        if key in values:
            values.move_to_end(key)
            return values[key]
        value = values[key] = compute()
        if len(values) > self._size:
            values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)


def clear_memos() -> None:
    """Empty every memo, as in a new process: what a benchmark does before each timed pass."""
    for memo in list(_EVERY):
        memo._values.clear()
