"""Numbers that are part of a proper name ("Six Nations", "League Two", "World War Two", "Formula One",
"Formula 1", "First Minister"): a name, not a quantity the text claims.

Inside a sentence, a number or ordinal word written with a capital, next to a capitalized word, is part of a
name; so are digits right after a capitalized word inside a sentence that is no month, weekday or possessive
("the Formula 1 boss"; "Options 1, 2 and 3" opens a sentence; dates are read before this rule, so "March
2016" stays a date). At the start of a sentence a capital says nothing, so "Three Scottish athletes" and "Two
men" stay counts, unless a capitalized name word precedes the number there ("League Two side"). Digits after a
name word stay a claim when they are a year ("Euro 2016"), count the plural after them ("Putin Hosts 12
leaders") or list a result ("Liverpool 2, Leeds United 0"). Lower-case system output keeps its numbers:
nothing there is marked as a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from harness.claims.numbers.lexicon import ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS
from harness.claims.numbers.tokens import Token
from harness.resources import word_list

_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS) | frozenset(ORDINAL_WORDS)
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "\u201c", "\u201d", "(", "[", "\u2014", "\u2013"})


@cache
def _plain() -> frozenset[str]:
    return word_list("function_words") | word_list("sentence_start_words") | word_list("calendar_words")


def _name_word(tokens: Sequence[Token], index: int) -> bool:
    """A capitalized word that can belong to a name: not a number, function or calendar word, nor a sentence's
    opening adverb ("Roughly 50", "Exactly 12")."""
    if index < 0 or index >= len(tokens):
        return False
    token = tokens[index]
    if not token.is_word or not token.text[:1].isupper() or token.lower in _NUMBER_WORDS or token.lower in _plain():
        return False
    if token.lower.endswith(("'s", "\u2019s")):  # "Doctor Who's 50th anniversary": the number is not in the name
        return False
    return not (_starts_sentence(tokens, index) and token.lower.endswith("ly"))


def _starts_sentence(tokens: Sequence[Token], index: int) -> bool:
    return index == 0 or tokens[index - 1].text in _SENTENCE_BREAKS


def in_name(tokens: Sequence[Token], index: int) -> bool:
    """Whether the number at `index` is part of a proper name, by the rule of the module docstring."""
    token = tokens[index]
    if token.kind == "num":
        opening = index == 1 or (index > 1 and _starts_sentence(tokens, index - 1))
        if not token.text.isdigit() or token.glued or opening or not _name_word(tokens, index - 1):
            return False
        return not (_a_year(token) or _counts_next_word(tokens, index) or _a_score(tokens, index))
    if not token.is_word or token.lower not in _NUMBER_WORDS or not token.text[:1].isupper():
        return False
    if _name_word(tokens, index - 1):
        return True
    return not _starts_sentence(tokens, index) and _name_word(tokens, index + 1)


def _a_year(token: Token) -> bool:
    """A year after a name ("Euro 2016") is still a year the text states."""
    return len(token.text) == 4 and 1000 <= int(token.text) <= 2100


def _counts_next_word(tokens: Sequence[Token], index: int) -> bool:
    """A number above one before a lower-case plural counts it ("Hosts 12 leaders" in a headline)."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        following is not None
        and following.is_word
        and following.text.islower()
        and following.text.endswith("s")
        and int(tokens[index].text) != 1
    )


def _a_score(tokens: Sequence[Token], index: int) -> bool:
    """A result listed as "Liverpool 2, Leeds United 0": the name run before the number follows a comma, or
    a comma and another name follow it."""
    start = index - 1
    while start > 0 and _name_word(tokens, start - 1):
        start -= 1
    if start > 0 and tokens[start - 1].text == ",":
        return True
    return index + 2 < len(tokens) and tokens[index + 1].text == "," and _name_word(tokens, index + 2)
