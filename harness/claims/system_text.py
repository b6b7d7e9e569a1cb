"""Text as summarization systems write it, read as prose: PTB bracket tokens, `UNK`, and lowercased output.

Every function here keeps the length of the text and the position of each character, so offsets of claims
found in the cleaned text index the system's own output.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from harness.core.memo import Memo

_PTB_TOKENS = {
    "-lrb-": "(",
    "-rrb-": ")",
    "-lsb-": "[",
    "-rsb-": "]",
    "-lcb-": "{",
    "-rcb-": "}",
}
_PTB = re.compile(r"(?<![\w-])-(?:lrb|rrb|lsb|rsb|lcb|rcb)-(?![\w-])", re.IGNORECASE)
_UNKNOWN = re.compile(r"(?<![\w<])<?(?:UNK|unk|<unk>)>?(?![\w>])")
_PTB_QUOTES = re.compile(r"``|''")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def _same_length(replacement: str, width: int) -> str:
    return replacement + " " * (width - len(replacement))


def clean_tokens(text: str) -> str:
    """PTB brackets as brackets, PTB quotes as straight quotes, and `UNK` as blanks; offsets are unchanged.
    Cleaned once per text: the quote, event and lexical readers each ask for the same sources and summary."""
    return _CLEANED.get(text, lambda: _clean_tokens(text))


_CLEANED: Memo[str] = Memo(64)


def _clean_tokens(text: str) -> str:
    if "UNK" not in text and "unk" not in text and "``" not in text and "''" not in text and "-" not in text:
        return text  # none of the patterns below can match
    text = _PTB.sub(lambda m: _same_length(_PTB_TOKENS[m.group().lower()], len(m.group())), text)
    text = _PTB_QUOTES.sub('" ', text)
    return _UNKNOWN.sub(lambda m: " " * len(m.group()), text)


def is_lowercased(text: str) -> bool:
    """True for output without a single upper-case letter among at least a few words (a lowercasing system)."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 8 and not any(char.isupper() for char in letters)


@lru_cache(maxsize=64)
def _casing(source: str) -> dict[str, str]:
    """How the source writes each word that it does not write in lower case inside its sentences.

    Inside sentences the most frequent form wins; a word seen only right after a sentence end counts as
    capitalized only when the source never writes it in lower case ("Mary" yes, "The" no).
    """
    inner: dict[str, Counter[str]] = {}
    initial: dict[str, str] = {}
    for match in _WORD.finditer(source):
        before = source[max(0, match.start() - 3) : match.start()].rstrip(" \"'\u201c\u2018(")
        word = match.group()
        if not before or before[-1] in ".!?\n:":
            initial.setdefault(word.lower(), word)
        else:
            inner.setdefault(word.lower(), Counter())[word] += 1
    casing: dict[str, str] = {}
    for lower, counts in inner.items():
        form, count = counts.most_common(1)[0]
        if form != lower and count > counts.get(lower, 0):
            casing[lower] = form
    for lower, form in initial.items():
        if lower not in inner and form != lower:
            casing[lower] = form
    return casing


def restore_case(text: str, sources: Iterable[str]) -> str:
    """A lowercased output with each word written as its sources write it ("tillerson" -> "Tillerson").

    Text that already has upper-case letters is returned unchanged; only a word's case changes, never its length.
    """
    if not is_lowercased(text):
        return text
    casing: dict[str, str] = {}
    for source in sources:
        for lower, form in _casing(source).items():
            casing.setdefault(lower, form)

    def written(match: re.Match[str]) -> str:
        form = casing.get(match.group())
        return form if form is not None and len(form) == len(match.group()) else match.group()

    return _WORD.sub(written, text)


def as_prose(text: str, sources: Iterable[str]) -> str:
    """A system's output ready for the claim finders: tokens cleaned, case restored from the sources."""
    return restore_case(clean_tokens(text), sources)
