"""A bounded memo keyed by text content: work that depends only on a text is done once per distinct text.

Equal texts share one entry whatever object holds them (a reference scored against every summary of its
cluster, a source document seen by several models or scorers), and the least recently used entry goes once
`size` entries are held, so memory stays flat over a long run (`harness.core.memo.Memo`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from harness.core.memo import DEFAULT_SIZE, Memo

T = TypeVar("T")


class TextMemo(Generic[T]):
    """`compute(text)`, kept for the `size` most recently used distinct texts."""

    def __init__(self, compute: Callable[[str], T], size: int = DEFAULT_SIZE) -> None:
        self._compute = compute
        self._memo: Memo[T] = Memo(size)

    def __call__(self, text: str) -> T:
        """The value for `text`, computed on first use."""
        return self._memo.get(text, lambda: self._compute(text))

    def __len__(self) -> int:
        return len(self._memo)
