"""Bounded-window searches give what a search of the whole text before the offset gives, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.entities import after_preposition
from harness.claims.roles import _ends_sentence, _is_role_modifier, is_title_word, role_before
from harness.core.claim_types import EntityClaim
from harness.core.spans import Span
from harness.core.text import search_tail

_PIECES = [
    "Gen.",
    "U.S.",
    "Sept.",
    "J.",
    "Foreign",
    "Minister",
    "the",
    "of",
    "in",
    "adviser",
    "Atmar",
    ",",
    ", ",
    ".",
    "\n",
    "  ",
    "\t",
    '"',
    "x" * 90,
    " " * 90,
    "B." * 40,
    "said",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
_TRAILING_ROLE = re.compile(r"((?:[\w.'\u2019-]+[ \t]+){0,7}[\w.'\u2019-]+)[ \t]*$")


def _role_before_whole_prefix(text: str, start: int) -> str | None:
    """`role_before` as it read the whole of `text[:start]`, kept here as the reference."""
    head = text[:start]
    if head.endswith(", "):
        head = head[:-2]
    elif not head.endswith((" ", "\t")):
        return None
    match = _TRAILING_ROLE.search(head)
    if match is None:
        return None
    tokens = match.group(1).split()
    kept: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        joins_titles = token == "of" and index > 0 and is_title_word(tokens[index - 1])
        if not (_is_role_modifier(token) or joins_titles) or _ends_sentence(token):
            break
        kept.insert(0, token)
    if not kept or not is_title_word(kept[-1]):
        return None
    return " ".join(kept)


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(min_value=0, max_value=3000))
def test_role_before_matches_the_whole_prefix_search(text: str, cut: int) -> None:
    start = min(cut, len(text))
    assert role_before(text, start) == _role_before_whole_prefix(text, start)


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(min_value=0, max_value=3000), st.integers(min_value=1, max_value=50))
def test_search_tail_finds_the_last_word_of_the_whole_prefix(text: str, cut: int, size: int) -> None:
    end = min(cut, len(text))
    pattern = re.compile(r"(\w+)\W*$")
    whole = pattern.search(text[:end])
    windowed = search_tail(pattern, text, end, lambda _, match: match is None or match.start() == 0, size)
    assert (whole.group(1) if whole else None) == (windowed.group(1) if windowed else None)


def test_a_preposition_far_before_a_mention_is_still_found() -> None:
    text = "in" + " " * 500 + "Moscow"
    assert after_preposition(text, EntityClaim(span=Span(start=502, end=508, text="Moscow")))
    text = "in" + "x" * 500 + " Moscow"
    assert not after_preposition(text, EntityClaim(span=Span(start=503, end=509, text="Moscow")))


def test_a_title_run_wider_than_the_window_is_read_whole() -> None:
    text = "Russian Foreign" + " " * 90 + "Minister Sergei Lavrov"
    assert role_before(text, text.index("Sergei")) == "Russian Foreign Minister"
