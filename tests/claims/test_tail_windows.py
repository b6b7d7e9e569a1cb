"""Bounded-window and backward searches give what a search of the whole text before the offset gives, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.entities import PREPOSITIONS, after_preposition
from harness.claims.events import _PASSIVE_BACK
from harness.claims.roles import _ends_sentence, _is_role_modifier, is_title_word, role_before
from harness.core.claim_types import EntityClaim
from harness.core.spans import Span
from harness.core.text import match_before

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


_LAST_WORD = re.compile(r"(\w+)\W*$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PASSIVE_PIECES = ["was", "Were", "being", "been", "is", "isle", "quickly", "only", "ly", "fly", "x", "\n", " ", "."]
passive_texts = st.lists(st.sampled_from(_PASSIVE_PIECES + _PIECES), max_size=30).map(
    lambda pieces: "".join(piece + (" " if index % 3 else "") for index, piece in enumerate(pieces))
)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=0, max_value=3000))
def test_after_preposition_reads_the_last_word_of_the_whole_prefix(text: str, cut: int) -> None:
    end = min(cut, len(text))
    whole = _LAST_WORD.search(text[:end])
    expected = whole is not None and whole.group(1).lower() in PREPOSITIONS
    assert after_preposition(text, EntityClaim(span=Span(start=end, end=end, text=""))) == expected


@settings(max_examples=300, deadline=None)
@given(passive_texts, st.integers(min_value=0, max_value=400))
def test_the_backward_passive_match_is_the_whole_prefix_search(text: str, cut: int) -> None:
    end = min(cut, len(text))
    assert (match_before(_PASSIVE_BACK, text, end) is not None) == (_PASSIVE.search(text[:end]) is not None)


def test_a_preposition_far_before_a_mention_is_still_found() -> None:
    text = "in" + " " * 500 + "Moscow"
    assert after_preposition(text, EntityClaim(span=Span(start=502, end=508, text="Moscow")))
    text = "in" + "x" * 500 + " Moscow"
    assert not after_preposition(text, EntityClaim(span=Span(start=503, end=509, text="Moscow")))


def test_a_title_run_wider_than_the_window_is_read_whole() -> None:
    text = "Russian Foreign" + " " * 90 + "Minister Sergei Lavrov"
    assert role_before(text, text.index("Sergei")) == "Russian Foreign Minister"
