"""Shortcuts of the number tokenizer give what the full tokenizer gives, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.numbers.counted import STOP_WORDS, content_lemmas, lemma
from harness.claims.numbers.tokens import _is_address, has_address_marker, tokenize, word_tokens

_PIECES = [
    "rock'n'roll",
    "don\u2019t",
    "3rd",
    "A1B",
    "snake_case",
    "1,2,3",
    "1,200",
    "www.example.org",
    "WWW.Example.org",
    "(www.x.com)",
    "mail@example.com",
    "a@b",
    "https://x.org/12",
    "@",
    "://",
    "only",
    "quickly",
    "the",
    "countries",
    "\u00e9t\u00e9",
    "\u0130stanbul",
    "12",
    "-",
    "'",
    " ",
    "\n",
    ".",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda pieces: "".join(pieces))
spaced = st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, spaced))
def test_word_tokens_are_the_tokenizers_words_where_no_address_may_be(text: str) -> None:
    if has_address_marker(text):
        return
    assert word_tokens(text) == [token.text for token in tokenize(text) if token.kind == "word"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, spaced))
def test_content_lemmas_are_those_of_the_full_tokens(text: str) -> None:
    expected = frozenset(
        lemma(token.text)
        for token in tokenize(text)
        if token.kind == "word" and token.lower not in STOP_WORDS and not token.lower.endswith("ly")
    )
    assert content_lemmas(text) == expected


@settings(max_examples=300, deadline=None)
@given(spaced)
def test_addresses_are_masked_as_when_every_chunk_is_tested(text: str) -> None:
    kept = {(token.start, token.end) for token in tokenize(text)}
    every_chunk = [(chunk.start(), chunk.end()) for chunk in re.finditer(r"\S+", text) if _is_address(chunk.group())]
    assert not any(start <= token_start < end for token_start, _ in kept for start, end in every_chunk)
    for chunk in re.finditer(r"\S+", text):
        if not _is_address(chunk.group()):
            assert all(
                (match.start() + chunk.start(), match.end() + chunk.start()) in kept or match.group() == ","
                for match in re.finditer(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", chunk.group())
            )
