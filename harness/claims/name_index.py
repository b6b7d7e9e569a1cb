"""Where a text writes a name: every match of a name's pattern, found through an index of the text's words.

A name matches on word boundaries, optionally followed by a possessive, and its first letter may change case
(`name_pattern`). Such a match always starts a maximal run of word characters equal to the name's first word
(its first letter in either case), so the candidates are looked up in an index of the text's word runs, built
once per text, and each is confirmed with the pattern itself: the answer is the pattern's, without a scan of
the whole text per name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from harness.core.memo import Memo

_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def name_pattern(name: str) -> re.Pattern[str]:
    """A name on word boundaries, optionally followed by a possessive; the first letter may change case."""
    first, rest = name[0], re.escape(name[1:])
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    return re.compile(rf"(?<![\w-]){head}{rest}(?=(?:['\u2019]s?)?(?!\w))")


def _word_runs(text: str) -> dict[str, list[int]]:
    """Where each maximal run of word characters of `text` starts."""
    runs: dict[str, list[int]] = {}
    for match in _WORD_RUN.finditer(text):
        runs.setdefault(match.group(), []).append(match.start())
    return runs


_RUNS: Memo[dict[str, list[int]]] = Memo(64)
_STARTS: Memo[tuple[int, ...]] = Memo(8192)


def _heads(first: str) -> set[str]:
    """The characters a name's pattern accepts in its first place."""
    return set(first.lower()) | set(first.upper()) if first.isalpha() else {first}


def _scan(text: str, pattern: re.Pattern[str]) -> tuple[int, ...]:
    starts: list[int] = []
    found = pattern.search(text)
    while found is not None:
        starts.append(found.start())
        found = pattern.search(text, found.start() + 1)
    return tuple(starts)


def _find_starts(text: str, name: str) -> tuple[int, ...]:
    pattern = name_pattern(name)
    lead = _WORD_RUN.match(name)
    heads = _heads(name[0])
    if lead is None or not all(_WORD_RUN.fullmatch(head) for head in heads):
        return _scan(text, pattern)
    runs = _RUNS.get(text, lambda: _word_runs(text))
    tail = lead.group()[1:]
    candidates = sorted(start for head in heads for start in runs.get(head + tail, ()))
    return tuple(start for start in candidates if pattern.match(text, start))


def name_starts(text: str, name: str) -> tuple[int, ...]:
    """Every offset of `text` where `name_pattern(name)` matches (overlapping matches too), in order; a match
    is always `len(name)` characters long."""
    return _STARTS.get((text, name), lambda: _find_starts(text, name))


def name_matches(text: str, name: str) -> list[tuple[int, int]]:
    """The spans `name_pattern(name).finditer(text)` gives: left to right, none overlapping the one before."""
    spans: list[tuple[int, int]] = []
    size = len(name)
    end = 0
    for start in name_starts(text, name):
        if start >= end:
            end = start + size
            spans.append((start, end))
    return spans
