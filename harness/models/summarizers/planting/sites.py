"""An edit site (a span of the text and what to put there) and applying several with exact new offsets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

ErrorType = Literal["number", "entity", "quote", "negation", "relation"]
ERROR_TYPES: tuple[ErrorType, ...] = ("number", "entity", "quote", "negation")
"""The error types planted unless a config names others: each is one a finder looks for."""
ALL_ERROR_TYPES: tuple[ErrorType, ...] = (*ERROR_TYPES, "relation")
"""Also `relation` (two participants of a sentence swapped), which no finder looks for: its misses show."""


@dataclass(frozen=True)
class Site:
    """Replace `text[start:end]` (`original`) by `replacement`: one planted error of `type`/`subtype`."""

    start: int
    end: int
    original: str
    replacement: str
    type: ErrorType
    subtype: str
    scope: tuple[int, int] | None = None
    """The whole expression the edit belongs to ("Nearly 40 years" for an edit of "40"): one edit per scope,
    so that two edits never combine into a claim that is true again ("more than 47 weeks")."""

    def bounds(self) -> tuple[int, int]:
        return self.scope if self.scope is not None else (self.start, self.end)

    def overlaps(self, other: Site) -> bool:
        (start, end), (other_start, other_end) = self.bounds(), other.bounds()
        return start < other_end and other_start < end


def site(text: str, start: int, end: int, replacement: str, type: ErrorType, subtype: str) -> Site:
    """A site whose `original` is read from `text`, so it always matches the span."""
    return Site(start, end, text[start:end], replacement, type, subtype)


def apply_sites(text: str, chosen: Sequence[Site]) -> tuple[str, list[dict[str, Any]]]:
    """The text with every (non-overlapping) site applied, and one record per site with offsets in the new text."""
    pieces: list[str] = []
    planted: list[dict[str, Any]] = []
    cursor = 0
    length = 0
    for edit in sorted(chosen, key=lambda s: s.start):
        if edit.start < cursor:
            raise ValueError(f"overlapping edit sites at {edit.start}")
        kept = text[cursor : edit.start]
        pieces.append(kept)
        length += len(kept)
        pieces.append(edit.replacement)
        planted.append(
            {
                "type": edit.type,
                "subtype": edit.subtype,
                "original": edit.original,
                "planted": edit.replacement,
                "start": length,
                "end": length + len(edit.replacement),
            }
        )
        length += len(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), planted


def match_case(template: str, word: str) -> str:
    """`word` with the capitalization of `template` (all caps, capitalized or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def word_pattern(word: str) -> re.Pattern[str]:
    """`word` on word boundaries, any case."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
