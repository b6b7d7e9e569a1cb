"""Text primitives shared by every claim finder: sentence spans, word tokens and quote-mark normalization.

A small rule-based splitter tuned for news prose (abbreviations such as "Sept.", "U.S.", "Gov." do not end a
sentence) keeps the default install free of model or data downloads; offsets always index the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from harness.core.memo import Memo

TITLES = frozenset("mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st mt ft no vs fig".split())
"""Abbreviations that precede a name or number and so never end a sentence."""

ABBREVIATIONS = TITLES | frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    jr sr etc approx est dept inc corp co ltd univ al
    """.split()
)

_SENTENCES: Memo[tuple[TextSpan, ...]] = Memo()
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


class TextSpan(NamedTuple):
    """A span of some text: offsets into the original string and the slice itself. A named tuple: a text has
    one per word, sentence and clause, and a tuple is built several times faster than a frozen dataclass."""

    start: int
    end: int
    text: str


_CLOSERS = "\"'\u201d\u2019)]"
_ABBREVIATION_TAIL_BACK = re.compile(rf"[{re.escape(_CLOSERS)}]*\.(\w+(?:\.\w+)*)")
"""Backwards from a sentence end: closing marks, the period, then the word or dotted initials before it."""
_LAST_WORD_BACK = re.compile(r"\s*\.(\w+)")
"""Backwards: blanks, the period, then the word before it."""
_NEXT_VISIBLE = re.compile(r"\s*(\S?)")


def _next_visible(text: str, offset: int) -> str:
    """The first non-space character at or after `offset`, or "" when only whitespace follows."""
    match = _NEXT_VISIBLE.match(text, offset)
    return match.group(1) if match else ""


_REVERSED: Memo[str] = Memo(16)


def match_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`pattern`, written for the reversed text, matched backwards from `end`: a search anchored at `end`
    that costs the length of its match, not of the text before it. Offsets and groups are of the reversed text."""
    return pattern.match(_REVERSED.get(text, lambda: text[::-1]), len(text) - end)


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """True when the period before `end` closes an abbreviation or an initial ("U.S.", "Sept.", "J.")."""
    match = match_before(_ABBREVIATION_TAIL_BACK, text, end)
    if match is None:
        return False
    token = match.group(1)[::-1]
    return token.lower() in ABBREVIATIONS or "." in token or (len(token) == 1 and token.isupper())


def sentences(text: str) -> list[TextSpan]:
    """Split `text` into sentence spans (stripped of surrounding whitespace), blank lines always ending one.

    Split once per distinct text: a summary is read by every scorer, a source by every summary of its cluster.
    """
    return list(_SENTENCES.get(text, lambda: tuple(_split(text))))


def _split(text: str) -> list[TextSpan]:
    spans: list[TextSpan] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ends_with_abbreviation(text, end):
            following = _next_visible(text, end)
            last_word = match_before(_LAST_WORD_BACK, text, end)
            if (
                following.islower()
                or following.isdigit()
                or (last_word is not None and last_word.group(1)[::-1].lower() in TITLES)
            ):
                continue
        spans.extend(_trimmed(text, start, end))
        start = end
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def document_sentences(text: str) -> tuple[TextSpan, ...]:
    """`sentences(text)` as a tuple, split once per text: source documents are read again for every claim."""
    return _SENTENCES.get(text, lambda: tuple(_split(text)))


def sentence_at(text: str, offset: int) -> TextSpan | None:
    """The sentence of `text` that holds `offset`, or None between sentences (found by bisection)."""
    return sentence_holding(document_sentences(text), offset, offset + 1)


def sentence_holding(spans: Sequence[TextSpan], start: int, end: int) -> TextSpan | None:
    """The sentence of `spans` (a text's sentences, in order) that holds [start, end), or None when none does:
    only the last one starting at or before `start` can."""
    index = bisect_right(spans, start, key=lambda span: span.start) - 1
    return spans[index] if index >= 0 and end <= spans[index].end else None


def _trimmed(text: str, start: int, end: int) -> Iterator[TextSpan]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        yield TextSpan(offset, offset + len(stripped), stripped)


def words(text: str) -> list[TextSpan]:
    """Word tokens (letters/digits, keeping inner hyphens, apostrophes and decimal points) with offsets."""
    return words_in(text, 0, len(text))


def words_in(text: str, start: int, end: int) -> list[TextSpan]:
    """`words(text[start:end])` with offsets into `text` (the word pattern looks at nothing outside its match)."""
    return [TextSpan(match.start(), match.end(), match.group()) for match in _WORD.finditer(text, start, end)]


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches `words` makes its tokens of, for a reader that keeps only some of them."""
    return _WORD.finditer(text)


def word_texts(text: str) -> list[str]:
    """The texts of `words(text)`, without their offsets."""
    return _WORD.findall(text)


_QUOTE_PAIRS = tuple((chr(code), str(plain)) for code, plain in _QUOTE_MARKS.items())


def normalize_quotes(text: str) -> str:
    """Map curly and typographic quote marks to their ASCII forms; offsets are preserved (one char per char)."""
    if text.isascii():  # every mark mapped is outside ASCII
        return text
    for mark, plain in _QUOTE_PAIRS:  # one C-level pass per mark present: faster than a translate table
        if mark in text:
            text = text.replace(mark, plain)
    return text


_PUNCTUATION = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """Comparison form of a text: NFKC, ASCII quotes, lower case, punctuation dropped, whitespace collapsed."""
    text = normalize_quotes(unicodedata.normalize("NFKC", text)).lower()
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())
