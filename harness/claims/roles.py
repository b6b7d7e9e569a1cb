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
_APPOSITION_END = re.compile(r"[,;.:!?\"\u201c\u201d()]|\n")
"""Where an apposition stops: the next clause mark, quote mark, bracket or line break."""


def is_title_word(word: str) -> bool:
    """True for a word of the title lexicon, in any case and with a trailing period ("Gen.")."""
    return word.lower().rstrip(".") in TITLE_WORDS


def _ends_sentence(token: str) -> bool:
    """A token closing the previous sentence ("September.", "leader."), not an abbreviation or an initial
    ("Gen.", "U.S.")."""
    return (
        token.endswith(".") and token[:-1].lower() not in ABBREVIATIONS and re.fullmatch(r"(?:[A-Z]\.)+", token) is None
    )


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


def role_after(text: str, end: int) -> str | None:
    """An apposition right after a name: ", the deputy spokesman of Afghanistan's foreign ministry,"."""
    if not text.startswith(", ", end):
        return None
    stop = _APPOSITION_END.search(text, end + 2)
    phrase = text[end + 2 : stop.start() if stop else len(text)].strip()
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
        bare = re.sub(r"['\u2019]s?$", "", token.rstrip("."))
        if is_title_word(bare):
            keys.add(bare.lower())
        elif bare[:1].isupper():
            keys.add(fold(bare)[:5])
    return frozenset(keys)
