"""Text primitives shared by every claim finder: sentence spans, word tokens and quote-mark normalization.

A small rule-based splitter tuned for news prose (abbreviations such as "Sept.", "U.S.", "Gov." do not end a
sentence) keeps the default install free of model or data downloads; offsets always index the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

TITLES = frozenset("mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st mt ft no vs fig".split())
"""Abbreviations that precede a name or number and so never end a sentence."""

ABBREVIATIONS = TITLES | frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    jr sr etc approx est dept inc corp co ltd univ al
    """.split()
)

_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n\s*\n|\n(?=\s*[#*])")
_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*", re.UNICODE)
_QUOTE_MARKS = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u2033": '"',
    }
)


@dataclass(frozen=True)
class TextSpan:
    """A span of some text: offsets into the original string and the slice itself."""

    start: int
    end: int
    text: str


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """True when the period before `end` closes an abbreviation or an initial ("U.S.", "Sept.", "J.")."""
    head = text[:end].rstrip("\"'\u201d\u2019)]")
    if not head.endswith("."):
        return False
    match = re.search(r"(\w+(?:\.\w+)*)\.$", head)
    if match is None:
        return False
    token = match.group(1)
    return token.lower() in ABBREVIATIONS or "." in token or (len(token) == 1 and token.isupper())


def sentences(text: str) -> list[TextSpan]:
    """Split `text` into sentence spans (stripped of surrounding whitespace), blank lines always ending one."""
    spans: list[TextSpan] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ends_with_abbreviation(text, end):
            following = text[end:].lstrip()
            last_word = re.search(r"(\w+)\.$", text[:end].rstrip())
            if (
                following[:1].islower()
                or following[:1].isdigit()
                or (last_word is not None and last_word.group(1).lower() in TITLES)
            ):
                continue
        spans.extend(_trimmed(text, start, end))
        start = end
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> Iterator[TextSpan]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        yield TextSpan(offset, offset + len(stripped), stripped)


def words(text: str) -> list[TextSpan]:
    """Word tokens (letters/digits, keeping inner hyphens, apostrophes and decimal points) with offsets."""
    return [TextSpan(match.start(), match.end(), match.group()) for match in _WORD.finditer(text)]


def normalize_quotes(text: str) -> str:
    """Map curly and typographic quote marks to their ASCII forms; offsets are preserved (one char per char)."""
    return text.translate(_QUOTE_MARKS)


def fold(text: str) -> str:
    """Comparison form of a text: NFKC, ASCII quotes, lower case, punctuation dropped, whitespace collapsed."""
    text = normalize_quotes(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())
