"""What a number counts: the noun phrase after it ("four senior Taliban members" -> head `member`).

No tagger is needed for news prose: the phrase is the run of content words after the number, ended by
punctuation, a function word, an adverb, or a participle once a noun is in hand ("12 countries invited").
The same lemma-ish helpers compare the words of a claim's sentence with those of a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from harness.claims.numbers.lexicon import TENS_WORDS, UNITS_WORDS
from harness.claims.numbers.tokens import Token, has_address_marker, tokenize, word_tokens
from harness.core.memo import Memo
from harness.resources import synonym_groups

STOP_WORDS: Final[frozenset[str]] = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "of",
    "in", "on", "at", "to", "for", "from", "with", "by", "as", "into", "onto", "over", "under", "about", "since",
    "until", "after", "before", "during", "between", "among", "against", "across", "through", "within", "without",
    "per", "via", "than", "and", "or", "but", "nor", "so", "yet", "if", "because", "while", "when", "where",
    "which", "who", "whom", "whose", "what", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "done", "have",
    "has", "had", "having", "said", "says", "say", "told", "tell", "according", "including", "include", "includes",
    "such", "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "me", "there", "here", "not", "no",
    "also", "only", "just", "even", "still", "ever", "never", "all", "any", "each", "every", "both", "either",
    "neither", "some", "many", "much", "more", "most", "other", "another", "few", "several", "ago", "later",
    "earlier", "recently", "already", "again", "now", "then", "up", "down", "out", "off", "away", "back", "ahead"
})  # fmt: skip
"""Words that end a counted noun phrase and that carry no content when sentences are compared."""

_IRREGULAR_PLURALS: Final[dict[str, str]] = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
    "thieves": "thief", "halves": "half", "selves": "self", "criteria": "criterion", "crises": "crisis",
    "analyses": "analysis", "theses": "thesis", "bases": "base", "taxes": "tax", "centuries": "century",
}  # fmt: skip
_UNCHANGED: Final[frozenset[str]] = frozenset({
    "police", "news", "series", "species", "media", "data", "aircraft", "sheep", "fish", "us", "has",
    "was", "is", "this", "its", "gas", "bus"
})  # fmt: skip
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def singular(word: str) -> str:
    """Lower-case singular form of an English noun ("countries" -> "country", "people" -> "person")."""
    word = _POSSESSIVE.sub("", word.lower())
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word in _UNCHANGED or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_STEM_SUFFIXES: Final[tuple[str, ...]] = ("ations", "ation", "ings", "ing", "ed", "e", "y")


def lemma(word: str) -> str:
    """A crude comparison stem: singular, then one common suffix off ("invited", "invitation" -> "invit")."""
    base = singular(word)
    for suffix in _STEM_SUFFIXES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            return base[: -len(suffix)]
    return base


SYNONYMS: Final[tuple[frozenset[str], ...]] = synonym_groups("counted_synonyms")
"""Heads that count the same thing ("three-month truce" = "ceasefire"): `harness/resources/counted_synonyms.txt`."""

_SYNONYM_OF: Final[dict[str, frozenset[str]]] = {word: group for group in SYNONYMS for word in group}


def same_head(first: str, second: str) -> bool:
    """True when two singular heads name the same kind of thing (equal, or synonyms in `SYNONYMS`)."""
    if first == second:
        return True
    return second in _SYNONYM_OF.get(first, frozenset())


def _is_content(token: Token) -> bool:
    return token.is_word and token.lower not in STOP_WORDS and not token.lower.endswith("ly")


def hyphenated_number(tokens: Sequence[Token], index: int) -> bool:
    """A number word or digits joined by a hyphen to a unit ("eight-second", "3-month") at `index`."""
    if index + 2 >= len(tokens) or tokens[index + 1].text not in "-\u2010\u2011" or not tokens[index + 1].glued:
        return False
    token = tokens[index]
    return token.kind == "num" or token.lower in UNITS_WORDS or token.lower in TENS_WORDS


def noun_phrase(tokens: Sequence[Token], index: int, *, skip_of: bool = False) -> tuple[int, int] | None:
    """Token range [first, last] of the counted noun phrase that starts at `index`, or None.

    The phrase ends at its first plural noun ("12 countries Russia invited" -> "countries").

    With `skip_of`, a leading "of" and determiners are passed over ("40 percent of the country's districts").
    """
    position = index
    if skip_of and position < len(tokens) and tokens[position].lower == "of":
        position += 1
        while position < len(tokens) and tokens[position].lower in {"the", "a", "an", "its", "their", "his", "her"}:
            position += 1
    first = position
    last = -1
    words_taken = 0
    if hyphenated_number(tokens, position):
        return None  # "twenty eight-second exposures": a second quantity, not what the first counts
    while position < len(tokens) and words_taken < 5:
        token = tokens[position]
        if token.kind == "punct" and token.text in "-\u2010\u2011" and token.glued and last >= 0:
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if following is not None and following.glued and following.is_word:
                position += 1
                continue
        if not _is_content(token):
            break
        if last >= 0 and token.lower.endswith(("ed", "ing")) and not token.glued:
            break
        last = position
        words_taken += 1
        position += 1
        if singular(token.text) != _POSSESSIVE.sub("", token.lower) and not token.text.endswith(("'s", "\u2019s")):
            break
    return (first, last) if last >= 0 else None


def noun_phrase_before(tokens: Sequence[Token], index: int, *, limit: int = 3) -> tuple[int, int] | None:
    """Token range of the noun phrase measured by a quantity written after it with "of" ("a mean temperature of
    100 °C" -> "mean temperature"): the content words that end at `index`, at most `limit`."""
    last = index
    first = index + 1
    while first - 1 >= 0 and last - first + 1 < limit and _is_content(tokens[first - 1]):
        first -= 1
    return (first, last) if first <= last else None


_HEADS: Memo[str | None] = Memo(8192)


def phrase_head(text: str) -> str | None:
    """Singular head of the first noun phrase of a free-text description ("countries invited to ..." -> country).

    Leading unit words ("percent of the ...", "number of ...") are passed over to the thing counted. Held by
    content: every claim and source number asks it for its counted text and units, which recur.
    """
    return _HEADS.get(text, lambda: _phrase_head(text))


def _phrase_head(text: str) -> str | None:
    tokens = [token for token in tokenize(text) if token.kind != "num"]
    index = 0
    while index + 1 < len(tokens) and tokens[index].lower in {"percent", "per", "cent", "number", "share", "date"}:
        index += 1
        if tokens[index].lower == "of":
            break
    if index < len(tokens) and tokens[index].lower in STOP_WORDS:
        while index < len(tokens) and tokens[index].lower in STOP_WORDS:
            index += 1
    found = noun_phrase(tokens, index)
    return singular(tokens[found[1]].text) if found else None


@lru_cache(maxsize=4096)
def content_lemmas(text: str) -> frozenset[str]:
    """Lemma-ish content words of a text: the bag compared between a claim's sentence and a source's.

    Cached: a source sentence with several numbers, and a summary sentence with several claims, recur.
    """
    if has_address_marker(text):
        return frozenset(lemma(token.text) for token in tokenize(text) if _is_content(token))
    lowered = ((word, word.lower()) for word in word_tokens(text))
    return frozenset(lemma(word) for word, lower in lowered if lower not in STOP_WORDS and not lower.endswith("ly"))
