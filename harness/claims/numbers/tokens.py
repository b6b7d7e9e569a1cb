"""Tokens for the number grammar: digit runs, words and single punctuation marks, with offsets.

Unlike `harness.core.text.words`, digits keep their inner separators ("1,200", "2018-09-04", "9/4/2018")
and punctuation is kept ("%", "$", "-"), each token knowing whether whitespace precedes it ("three-month" is
three glued tokens). Web addresses and e-mail addresses are dropped: the digits in them are no claims.
Every pattern consumes what it matches, so scanning is linear in the length of the text.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple, cast

TokenKind = Literal["num", "word", "punct"]

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,:/\-]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)"
    r"|(?P<punct>[^\s\w]|_)"
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_WWW = re.compile(r"www\.", re.IGNORECASE)
_ADDRESS_CHUNK = re.compile(r"(?<!\S)\S*?(?:@|://|www\.)\S*", re.IGNORECASE)
"""A run of non-blanks holding one of an address's marks (`has_address_marker`): the only runs that may be one."""
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:[.:/\-]\d+)*")


class Token(NamedTuple):
    """One token: offsets into the original text, its text, its kind, whether it touches the previous one, and its
    text lower-cased (`text.lower()`, read by every reader). A named tuple: a text has one per word and mark, and
    a tuple is built several times faster than a frozen dataclass."""

    start: int
    end: int
    text: str
    kind: TokenKind
    glued: bool
    lower: str

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


def _is_address(chunk: str) -> bool:
    lowered = chunk.lower()
    if "://" in lowered or lowered.lstrip("<([").startswith("www."):
        return True
    at = chunk.find("@")
    return 0 < at < len(chunk) - 1 and "." in chunk[at:]


def has_address_marker(text: str) -> bool:
    """Whether `text` may hold a web or e-mail address: every address holds one of these marks."""
    return "@" in text or "://" in text or _WWW.search(text) is not None


def word_tokens(text: str) -> list[str]:
    """The texts of the word tokens `tokenize(text)` gives, for a text without `has_address_marker`: numbers and
    marks never take a letter, so the words are the word pattern's matches alone."""
    return _WORD_TOKEN.findall(text)


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` outside web and e-mail addresses."""
    masked: list[tuple[int, int]] = []
    if has_address_marker(text):
        masked = [(chunk.start(), chunk.end()) for chunk in _ADDRESS_CHUNK.finditer(text) if _is_address(chunk.group())]
    tokens: list[Token] = []
    mask_index = 0
    previous_end = -1
    for match in _TOKEN.finditer(text):
        start, end = match.start(), match.end()
        while mask_index < len(masked) and masked[mask_index][1] <= start:
            mask_index += 1
        if mask_index < len(masked) and masked[mask_index][0] <= start:
            previous_end = -1
            continue
        kind = cast(TokenKind, match.lastgroup)  # the one alternative that matched
        found = match.group()
        if kind == "num" and "," in found and not _GROUPED.fullmatch(found):
            tokens.extend(_split_commas(found, start, glued=start == previous_end))
        else:
            tokens.append(Token(start, end, found, kind, start == previous_end, found.lower()))
        previous_end = end
    return tokens


def _split_commas(text: str, start: int, *, glued: bool) -> list[Token]:
    """ "1,2,3" is a list, not a thousands grouping: one number token per part, commas between."""
    parts: list[Token] = []
    offset = start
    for index, part in enumerate(text.split(",")):
        if index:
            parts.append(Token(offset, offset + 1, ",", "punct", True, ","))
            offset += 1
        parts.append(Token(offset, offset + len(part), part, "num", glued or index > 0, part.lower()))
        offset += len(part)
    return parts
