"""Offset conventions of other tools, converted to the harness's: code-point indices, end exclusive.

`char`: code points, end exclusive (Python, spaCy, most NER tools). `char_inclusive`: code points, end
inclusive (BRAT-like exports of some tools). `byte`: UTF-8 byte offsets, end exclusive (Rust, Go, C
tools). `token`: indices of whitespace-separated tokens, end exclusive (CoNLL-style taggers).
"""

from __future__ import annotations

import re
from typing import Literal

OffsetConvention = Literal["char", "char_inclusive", "token", "byte"]
CONVENTIONS: tuple[OffsetConvention, ...] = ("char", "char_inclusive", "token", "byte")


class OffsetError(ValueError):
    """Offsets that do not fit the text under the chosen convention."""


class OffsetConverter:
    """Converts spans of one text from a convention to code-point end-exclusive offsets."""

    def __init__(self, text: str, convention: OffsetConvention) -> None:
        self.text = text
        self.convention = convention
        self._tokens: list[tuple[int, int]] | None = None
        self._byte_to_char: dict[int, int] | None = None

    def _token_spans(self) -> list[tuple[int, int]]:
        if self._tokens is None:
            self._tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", self.text)]
        return self._tokens

    def _char_at_byte(self, offset: int) -> int:
        if self._byte_to_char is None:
            table, position = {}, 0
            for index, char in enumerate(self.text):
                table[position] = index
                position += len(char.encode("utf-8"))
            table[position] = len(self.text)
            self._byte_to_char = table
        if offset not in self._byte_to_char:
            raise OffsetError(f"byte offset {offset} falls inside a character or past the end")
        return self._byte_to_char[offset]

    def convert(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) in code points, end exclusive."""
        if start < 0 or end < start:
            raise OffsetError(f"span ({start}, {end}) is negative or reversed")
        if self.convention == "char_inclusive":
            start, end = start, end + 1
        elif self.convention == "byte":
            start, end = self._char_at_byte(start), self._char_at_byte(end)
        elif self.convention == "token":
            tokens = self._token_spans()
            if end > len(tokens) or start >= end:
                raise OffsetError(f"token span ({start}, {end}) is empty or past the {len(tokens)} tokens of the text")
            start, end = tokens[start][0], tokens[end - 1][1]
        if end > len(self.text):
            raise OffsetError(f"span ends at {end}, past the end of the text ({len(self.text)} characters)")
        return start, end
