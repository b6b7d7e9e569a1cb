"""Finding words in source documents: content outside page furniture, names, and folded word sequences.

Page furniture (bylines, photo credits, advertisements) never counts as support, so every search here skips
the furniture spans of gold documents.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from harness.claims.entities import name_pattern
from harness.core.text import normalize_quotes
from harness.goldset.load import GoldDocument
from harness.verdicts.types import Evidence

_FOLD_WORD = re.compile(r"\w+")


def in_content(document: GoldDocument, start: int, end: int) -> bool:
    """True when the span overlaps no furniture span of the document."""
    return all(end <= item.span.start or start >= item.span.end for item in document.furniture)


def find_name(document: GoldDocument, names: Iterable[str]) -> Evidence | None:
    """The first place in the document's content where any of `names` stands as a whole word."""
    best: tuple[int, int] | None = None
    for name in names:
        if not name.strip():
            continue
        for match in name_pattern(name).finditer(document.text):
            if in_content(document, match.start(), match.end()) and (best is None or match.start() < best[0]):
                best = (match.start(), match.end())
                break
    if best is None:
        return None
    return Evidence(document=document.id, start=best[0], end=best[1], text=document.text[best[0] : best[1]])


def folded_words(text: str) -> list[str]:
    """A text as compared word by word: ASCII quotes, lower case, punctuation and spacing dropped."""
    return _FOLD_WORD.findall(normalize_quotes(text).lower())


@dataclass(frozen=True)
class FoldedText:
    """A text as folded words with the offsets of each word, to find word sequences and map them back."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    joined: str
    word_at: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        """The folded form of `text`, built once per text: each claim of a summary looks it up again."""
        return _folded_text(text)

    @classmethod
    def build(cls, text: str) -> FoldedText:
        matches = list(_FOLD_WORD.finditer(normalize_quotes(text).lower()))
        words = tuple(match.group() for match in matches)
        joined_starts = []
        position = 0
        for word in words:
            joined_starts.append(position)
            position += len(word) + 1
        return cls(
            text=text,
            words=words,
            starts=tuple(match.start() for match in matches),
            ends=tuple(match.end() for match in matches),
            joined=" ".join(words),
            word_at=tuple(joined_starts),
        )

    def spans_of(self, sequence: list[str]) -> list[tuple[int, int]]:
        """Every whole-word occurrence of `sequence`, as character spans of the original text."""
        spans: list[tuple[int, int]] = []
        needle = " ".join(sequence)
        haystack = f" {self.joined} "
        found = haystack.find(f" {needle} ") if sequence else -1
        while found != -1:
            first = bisect.bisect_left(self.word_at, found)
            spans.append((self.starts[first], self.ends[first + len(sequence) - 1]))
            found = haystack.find(f" {needle} ", found + 1)
        return spans


@lru_cache(maxsize=16)
def _folded_text(text: str) -> FoldedText:
    return FoldedText.build(text)
