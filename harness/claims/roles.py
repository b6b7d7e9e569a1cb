"""Titles and roles given to people in news prose: the title lexicon, and where a text states a person's role.

Two constructions are read: a title run before a name ("Russian Foreign Minister Sergei Lavrov") and an
apposition on either side ("Hanif Atmar, Afghanistan's national security adviser," or "Afghanistan's national
security adviser, Hanif Atmar").
"""

from __future__ import annotations

import re

from harness.core.text import ABBREVIATIONS, fold, match_before
from harness.resources import word_list

TITLE_WORDS = word_list("titles")
"""Words that make up a title or role; the head of a role phrase is always one of them."""

_DETERMINERS = frozenset({"the", "a", "an"})
_ROLE_TOKEN = re.compile(r"[\w.'\u2019-]+")
_TRAILING_ROLE_BACK = re.compile(r"\n?[ \t]*([\w.'\u2019-]+(?:[ \t]+[\w.'\u2019-]+){0,7})")
"""Backwards from a name: what `((?:T+[ \t]+){0,7}T+)[ \t]*$` finds before it, its last eight tokens at most."""
_MAX_APPOSITION_WORDS = 14


def is_title_word(word: str) -> bool:
    """True for a word of the title lexicon, in any case and with a trailing period ("Gen.")."""
    return word.lower().rstrip(".") in TITLE_WORDS


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PHRASE_END = re.compile(r"[,;.:!?\"\u201c\u201d()]|\n")
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def _ends_sentence(token: str) -> bool:
    """A token closing the previous sentence ("September.", "leader."), not an abbreviation or an initial
    ("Gen.", "U.S.")."""
    return token.endswith(".") and token[:-1].lower() not in ABBREVIATIONS and _INITIALS.fullmatch(token) is None


def _is_role_modifier(token: str) -> bool:
    """Words that may stand before a title in a role: other titles, proper adjectives, possessive names."""
    bare = token.rstrip(".")
    return is_title_word(bare) or bare[:1].isupper() or bare.endswith(("'s", "\u2019s"))


def role_before(text: str, start: int) -> str | None:
    """The title run or apposition that ends right before `start` ("Foreign Minister " or "adviser, ")."""
    if start >= 2 and text.startswith(", ", start - 2, start):
        end = start - 2
    elif start > 0 and text[start - 1] in " \t":
        end = start
    else:
        return None
    match = match_before(_TRAILING_ROLE_BACK, text, end)
    if match is None:
        return None
    tokens = match.group(1)[::-1].split()
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


_PHRASE_WINDOW = 1000
"""Characters after a name searched for the end of an apposition before its length is judged."""


def _phrase_after(text: str, start: int) -> str | None:
    """The stripped text from `start` to the next punctuation mark or line break (or the text's end); None when
    it already holds more than `_MAX_APPOSITION_WORDS` words within `_PHRASE_WINDOW` characters, so that a long
    run without punctuation costs its window, not the rest of the text, for every name in it."""
    window_end = start + _PHRASE_WINDOW
    found = _PHRASE_END.search(text, start, window_end)
    if found is not None:
        return text[start : found.start()].strip()
    if window_end < len(text) and len(_ROLE_TOKEN.findall(text, start, window_end)) > _MAX_APPOSITION_WORDS:
        return None
    found = _PHRASE_END.search(text, start)
    return text[start : found.start() if found is not None else len(text)].strip()


def role_after(text: str, end: int) -> str | None:
    """An apposition right after a name: ", the deputy spokesman of Afghanistan's foreign ministry,"."""
    if not text.startswith(", ", end):
        return None
    phrase = _phrase_after(text, end + 2)
    if phrase is None:
        return None
    tokens = _ROLE_TOKEN.findall(phrase)
    if not tokens or len(tokens) > _MAX_APPOSITION_WORDS:
        return None
    first = tokens[0]
    if not (first.lower() in _DETERMINERS or _is_role_modifier(first)):
        return None
    if not any(is_title_word(token) for token in tokens):
        return None
    return phrase


def role_keys(role: str) -> frozenset[str]:
    """What a role asserts, for comparison: its title words and the stems of its proper words.

    Proper words are cut to five letters so that "Russia's", "Russian" and "Russia" compare equal; common
    words that are not titles ("the", "of", "office") carry no claim and are left out.
    """
    keys: set[str] = set()
    for token in _ROLE_TOKEN.findall(role):
        bare = _POSSESSIVE_END.sub("", token.rstrip("."))
        if is_title_word(bare):
            keys.add(bare.lower())
        elif bare[:1].isupper():
            keys.add(fold(bare)[:5])
    return frozenset(keys)
