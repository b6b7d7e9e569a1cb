"""A bounded memo keyed by text content: work that depends only on a text is done once per distinct text.

Equal texts share one entry whatever object holds them (a reference scored against every summary of its
cluster, a source document seen by several models or scorers), and the least recently used entry goes once
`size` entries are held, so memory stays flat over a long run.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_SIZE = 256


class TextMemo(Generic[T]):
    """`compute(text)`, kept for the `size` most recently used distinct texts."""

    def __init__(self, compute: Callable[[str], T], size: int = DEFAULT_SIZE) -> None:
        self._compute = compute
        self._size = size
        self._values: OrderedDict[str, T] = OrderedDict()

    def __call__(self, text: str) -> T:
        """The value for `text`, computed on first use."""
        values = self._values
        if text in values:
            values.move_to_end(text)
            return values[text]
        value = values[text] = self._compute(text)
        if len(values) > self._size:
            values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)
