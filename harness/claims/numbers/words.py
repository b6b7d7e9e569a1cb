"""Readers for the number itself: digits with separators and multipliers, and number words.

Each reader looks at tokens from an index and returns the value and the index of its last token, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from harness.claims.numbers.lexicon import (
    ORDINAL_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)
from harness.claims.numbers.tokens import Token

_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")


@dataclass(frozen=True)
class Reading:
    """A number read over tokens[first..last]; `plain` when it was bare digits with no separator or suffix."""

    value: float
    last: int
    plain: bool = False
    ordinal: bool = False


def digit_value(text: str) -> float | None:
    """The value of "1,200", "3.5", "40,000" or "40"; None for anything else ("3.5.2", "1,2,3", "10:30")."""
    if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
        return float(text.replace(",", ""))
    return None


def _glued_word(tokens: Sequence[Token], index: int) -> Token | None:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following if following is not None and following.glued and following.is_word else None


def _scale_after(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    """A multiplier word after tokens[index] ("million"), as (factor, last index)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.lower in SCALE_WORDS:
        return SCALE_WORDS[following.lower], index + 1
    return None


def read_digits(tokens: Sequence[Token], index: int) -> Reading | None:
    """Digits at `index`, with a glued multiplier ("40m", "1.5bn") or ordinal suffix ("4th"), or a scale word."""
    token = tokens[index]
    if token.kind != "num":
        return None
    value = digit_value(token.text)
    if value is None:
        return None
    glued = _glued_word(tokens, index)
    if glued is not None:
        suffix = glued.lower
        if suffix in {"st", "nd", "rd", "th"} and value.is_integer():
            return Reading(value, index + 1, ordinal=True)
        if suffix in SCALE_SUFFIXES:
            return Reading(value * SCALE_SUFFIXES[suffix], index + 1)
        if suffix in SCALE_WORDS:
            return Reading(value * SCALE_WORDS[suffix], index + 1)
        return None
    scale = _scale_after(tokens, index)
    if scale is not None:
        return Reading(value * scale[0], scale[1])
    return Reading(value, index, plain=_PLAIN.fullmatch(token.text) is not None and "." not in token.text)


def _is_hyphen(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].text in _HYPHENS and tokens[index].glued


def _below_thousand(tokens: Sequence[Token], index: int) -> tuple[int, int, bool] | None:
    """A number word below 1000 ("twenty-one", "one hundred and five"): (value, last index, is ordinal)."""
    token = tokens[index]
    lower = token.lower
    value: int
    last = index
    if lower in TENS_WORDS:
        value = TENS_WORDS[lower]
        if _is_hyphen(tokens, index + 1) and index + 2 < len(tokens) and tokens[index + 2].glued:
            unit_word = tokens[index + 2].lower
            if unit_word in UNITS_WORDS and 0 < UNITS_WORDS[unit_word] < 10:
                return value + UNITS_WORDS[unit_word], index + 2, False
            if unit_word in ORDINAL_WORDS and ORDINAL_WORDS[unit_word] < 10:
                return value + ORDINAL_WORDS[unit_word], index + 2, True
        if index + 1 < len(tokens) and not tokens[index + 1].glued and not _is_hyphen(tokens, index + 2):
            following = tokens[index + 1].lower  # "twenty eight-second exposures" is twenty of eight seconds
            if following in UNITS_WORDS and 0 < UNITS_WORDS[following] < 10:
                return value + UNITS_WORDS[following], index + 1, False
        return value, last, False
    if lower in UNITS_WORDS:
        value = UNITS_WORDS[lower]
    elif lower in {"a", "an"} and index + 1 < len(tokens) and tokens[index + 1].lower == "hundred":
        value = 1
    else:
        return None
    if index + 1 < len(tokens) and tokens[index + 1].lower == "hundred":
        value *= 100
        last = index + 1
        rest_index = last + 1
        if rest_index < len(tokens) and tokens[rest_index].lower == "and":
            rest_index += 1
        rest = _below_hundred(tokens, rest_index)
        if rest is not None:
            return value + rest[0], rest[1], False
    return value, last, False


def _below_hundred(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    if index >= len(tokens):
        return None
    lower = tokens[index].lower
    if (lower in UNITS_WORDS and UNITS_WORDS[lower] > 0) or lower in TENS_WORDS:
        found = _below_thousand(tokens, index)
        if found is not None and not found[2] and found[0] < 100:
            return found[0], found[1]
    return None


def read_number_words(tokens: Sequence[Token], index: int) -> Reading | None:
    """Number words from `index`: "twelve", "twenty-one", "one hundred and five", "two million", "a thousand"."""
    token = tokens[index]
    if token.kind != "word":
        return None
    if token.lower in {"a", "an"} and index + 1 < len(tokens) and tokens[index + 1].lower in SCALE_WORDS:
        return Reading(float(SCALE_WORDS[tokens[index + 1].lower]), index + 1)
    first = _below_thousand(tokens, index)
    if first is None:
        return None
    total = 0
    current, last, ordinal = first
    while not ordinal:
        scale = _scale_after(tokens, last)
        if scale is None or scale[0] <= 1:
            break
        total += current * scale[0]
        current = 0
        last = scale[1]
        next_index = last + 1
        if next_index < len(tokens) and tokens[next_index].lower == "and":
            next_index += 1
        following = _below_thousand(tokens, next_index) if next_index < len(tokens) else None
        if following is None:
            break
        current, last, ordinal = following
    return Reading(float(total + current), last, ordinal=ordinal)


def read_ordinal_word(tokens: Sequence[Token], index: int) -> Reading | None:
    """An ordinal word ("fourth", "twenty-first")."""
    token = tokens[index]
    if token.lower in ORDINAL_WORDS:
        return Reading(float(ORDINAL_WORDS[token.lower]), index, ordinal=True)
    found = _below_thousand(tokens, index) if token.lower in TENS_WORDS else None
    if found is not None and found[2]:
        return Reading(float(found[0]), found[1], ordinal=True)
    return None
