"""Every match of every event trigger pattern in a text, from one scan instead of one scan per pattern.

`trigger_matches(text)` equals `each_pattern_matches(text)`: for each pattern of `TRIGGERS` in order, the
spans its `finditer(text)` gives. Each pattern matches on word boundaries, so a match starts where the
character before is no word character or hyphen. When every pattern starts with an ASCII letter, the patterns
are grouped by that letter: at a word start written with an ASCII letter only that letter's group is tried,
at one written with another character every pattern (case folding can map such a letter onto an ASCII one),
and nothing elsewhere. Otherwise one joined pattern finds the offsets where any trigger matches. At each
offset a pattern of optional look-aheads, one group per trigger pattern, tells which match there and where
each ends; a pattern's next match is kept only from the end of its previous one, as `finditer` keeps them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from re import _constants as codes  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any, cast

from harness.claims.event_lexicon import TRIGGERS

_RAW = [entry.pattern.pattern for entry in TRIGGERS]
_FLAGS = re.IGNORECASE
_JOINABLE = all(entry.pattern.flags & ~re.UNICODE == _FLAGS for entry in TRIGGERS) and not any(
    re.search(r"\\[1-9]|\(\?P[<=]", pattern) for pattern in _RAW
)
"""Patterns without back-references or named groups, compiled alike, can be joined."""


def _each_at(indices: Sequence[int]) -> tuple[re.Pattern[str], list[tuple[int, int]]]:
    """A pattern of one optional look-ahead per trigger pattern, and (trigger index, group number) pairs."""
    pattern = re.compile("".join(rf"(?=(?P<t{index}>{_RAW[index]})|)" for index in indices), _FLAGS)
    return pattern, [(index, pattern.groupindex[f"t{index}"]) for index in indices]


def _first_letters(pattern: str) -> set[str] | None:
    """The lower-case ASCII letters a pattern's match may start with, or None when that is not plain."""
    return _letters_of(parser.parse(pattern, _FLAGS).data)


def _letters_of(items: list[tuple[object, object]]) -> set[str] | None:
    while items and items[0][0] in (codes.ASSERT, codes.ASSERT_NOT) and items[0][1][0] == -1:  # type: ignore[index]
        items = items[1:]  # look-behinds read no character of the match
    if not items:
        return None
    op, value = items[0]
    if op == codes.LITERAL:
        char = chr(value)  # type: ignore[arg-type]
        return {char.lower()} if char in string.ascii_letters else None
    if op == codes.SUBPATTERN:
        return _letters_of(value[-1].data)  # type: ignore[index]
    if op == codes.BRANCH:
        letters: set[str] = set()
        for branch in value[1]:  # type: ignore[index]
            found = _letters_of(branch.data)
            if found is None:
                return None
            letters |= found
        return letters
    return None


PREFIX = 3
"""Characters at a word start read to rule out every pattern of its letter's group before trying them."""


def _prefixes(items: list[tuple[object, object]], size: int) -> set[str] | None:
    """The lower-case ASCII strings of `size` characters a match of `items` may start with, or None when that
    is not plain (a class, an open repeat, a match that may end sooner)."""
    if size == 0:
        return {""}
    if not items:
        return None
    op, value = items[0]
    rest = items[1:]
    if op == codes.LITERAL:
        char = chr(value)  # type: ignore[arg-type]
        if not char.isascii():
            return None
        tails = _prefixes(rest, size - 1)
        return None if tails is None else {char.lower() + tail for tail in tails}
    if op == codes.SUBPATTERN:
        return _prefixes(list(value[-1].data) + rest, size)  # type: ignore[index]
    if op == codes.BRANCH:
        found: set[str] = set()
        for branch in value[1]:  # type: ignore[index]
            more = _prefixes(list(branch.data) + rest, size)
            if more is None:
                return None
            found |= more
        return found
    if op in (codes.MAX_REPEAT, codes.MIN_REPEAT):
        low, high, item = cast(tuple[int, int, Any], value)
        if high > size:
            return None
        found = set()
        for count in range(low, high + 1):
            more = _prefixes(list(item.data) * count + rest, size)
            if more is None:
                return None
            found |= more
        return found
    return None


def _pattern_prefixes(pattern: str) -> set[str] | None:
    items = list(parser.parse(pattern, _FLAGS).data)
    while items and items[0][0] in (codes.ASSERT, codes.ASSERT_NOT) and items[0][1][0] == -1:
        items = items[1:]  # look-behinds read no character of the match
    return _prefixes(items, PREFIX)


def _group_prefixes(indices: Sequence[int]) -> frozenset[str] | None:
    """Every `PREFIX`-character start of a match of the patterns at `indices`, or None when one is not plain."""
    found: set[str] = set()
    for index in indices:
        more = _pattern_prefixes(_RAW[index])
        if more is None:
            return None
        found |= more
    return frozenset(found)


_FIRST = [_first_letters(pattern) for pattern in _RAW] if _JOINABLE else [None]
_BY_LETTER = all(letters is not None for letters in _FIRST)
_ALL = _each_at(range(len(_RAW)))
_LETTER_INDICES = {
    letter: [index for index, letters in enumerate(_FIRST) if letters and letter in letters]
    for letter in string.ascii_lowercase
}
_LETTER_GROUPS = {letter: _each_at(indices) for letter, indices in _LETTER_INDICES.items()}
_LETTER_PREFIXES = {letter: _group_prefixes(indices) for letter, indices in _LETTER_INDICES.items()}
_WORD_START = re.compile(r"(?<![\w-])[^\W\d_]")
"""A letter after no word character or hyphen: where a pattern starting with a letter may match."""
_ANY_START = re.compile(r"(?<![\w-])(?=" + "|".join(rf"(?:{pattern})" for pattern in _RAW) + ")", _FLAGS)
"""Every offset where some trigger pattern matches (when the patterns do not all start with ASCII letters)."""


def each_pattern_matches(text: str) -> list[tuple[int, int, int]]:
    """(index in `TRIGGERS`, start, end) of each pattern's `finditer(text)` spans, pattern by pattern."""
    return [(index, *found.span()) for index, entry in enumerate(TRIGGERS) for found in entry.pattern.finditer(text)]


def trigger_matches(text: str) -> list[tuple[int, int, int]]:
    """What `each_pattern_matches(text)` gives, from one scan of the text."""
    if not _JOINABLE:
        return each_pattern_matches(text)
    starts = _WORD_START.finditer(text) if _BY_LETTER else _ANY_START.finditer(text)
    found: list[tuple[int, int, int]] = []
    ends: dict[int, int] = {}
    for start in starts:
        position = start.start()
        char = text[position]
        if _BY_LETTER and char.isascii():
            letter = char.lower()
            prefixes = _LETTER_PREFIXES[letter]
            head = text[position : position + PREFIX]
            if prefixes is not None and head.isascii() and head.lower() not in prefixes:
                continue  # no pattern of the group can start here (an ASCII head matches case-blind only as ASCII)
            pattern, groups = _LETTER_GROUPS[letter]
        else:
            pattern, groups = _ALL
        each = pattern.match(text, position)
        if each is None or each.lastindex is None:
            continue
        regs = each.regs
        for index, group in groups:
            first, last = regs[group]
            if first != -1 and position >= ends.get(index, 0):
                ends[index] = last
                found.append((index, first, last))
    found.sort(key=lambda item: item[0])
    return found
