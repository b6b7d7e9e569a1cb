"""The sentence of a text that holds an offset, found by bisection in one split of the text.

A long text's claims each ask for their sentence; scanning every sentence for each claim made a long summary
or source cost the square of its length. The split is the one `document_sentences` caches.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from harness.core.text import TextSpan, document_sentences


@lru_cache(maxsize=16)
def _indexed(text: str) -> tuple[list[int], tuple[TextSpan, ...]]:
    spans = document_sentences(text)
    return [span.start for span in spans], spans


def sentence_around(text: str, offset: int) -> TextSpan | None:
    """The sentence of `text` with `start <= offset < end`; None between sentences (or outside the text)."""
    starts, spans = _indexed(text)
    index = bisect_right(starts, offset) - 1
    return spans[index] if index >= 0 and offset < spans[index].end else None
