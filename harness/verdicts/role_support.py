"""Whether the sources give a person the role a summary gives them, read beyond a title run's exact words.

A role's words are compared in any case and by stem, so "Opposition spokeswoman" is stated by "the
opposition's housing spokeswoman" and "Health director Dr." by "Dr. Rachel Okonjo, the county's health
director"; pronouns and determiners before a title carry no claim ("Her deputy" asserts "deputy"). A role
the sources give to an unnamed person, in a sentence that tells the same thing as the summary's sentence, also
supports it: "A former care home manager was cleared of manslaughter" lets a summary name the manager. A role
the sources attach to another named person never does ("Governor Patricia Olmsted" does not make Dale Munroe
governor).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from harness.claims.entities import find_entities
from harness.claims.roles import is_title_word
from harness.core.memo import Memo
from harness.core.text import document_sentences, sentence_at
from harness.resources import word_list
from harness.verdicts.locate import in_content
from harness.verdicts.sources import Sources

STEM = 5
"""Letters a word is cut to: "Russia's", "Russian" and "Russia" compare equal, so do "officer" and "official"."""

MIN_SHARED_WORDS = 3
"""Content words a source sentence must share with the summary's sentence to speak of the same thing."""

_TOKEN = re.compile(r"[\w'\u2019-]+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_FUNCTION_WORDS = word_list("function_words")


def _stem(token: str) -> str:
    return _POSSESSIVE.sub("", token.rstrip(".")).lower()[:STEM]


def role_words(role: str) -> frozenset[str]:
    """What a role asserts: the stems of its title words and proper words; function words assert nothing."""
    return frozenset(
        _stem(token)
        for token in _TOKEN.findall(role)
        if _POSSESSIVE.sub("", token).lower() not in _FUNCTION_WORDS and (is_title_word(token) or token[:1].isupper())
    )


def _words(text: str) -> frozenset[str]:
    return _WORDS.get(text, lambda: frozenset(_stem(token) for token in _TOKEN.findall(text)))


def _content(text: str) -> frozenset[str]:
    return _CONTENT.get(
        text,
        lambda: frozenset(
            _stem(token)
            for token in _TOKEN.findall(text)
            if token.lower() not in _FUNCTION_WORDS and not is_title_word(token) and not token.isdigit()
        ),
    )


_WORDS: Memo[frozenset[str]] = Memo(4096)
_CONTENT: Memo[frozenset[str]] = Memo(4096)
"""The word stems of a sentence, read once per text: every source sentence is read again for each role claim."""


def role_stated(role: str, contexts: Sequence[str]) -> bool:
    """True when some context holds every word the role asserts, in any case."""
    wanted = role_words(role)
    return not wanted or any(wanted <= _words(context) for context in contexts)


def _given_to_someone(wanted: frozenset[str], sentence: str) -> bool:
    """True when the sentence gives the role to a named person."""
    return any(claim.role and wanted <= role_words(claim.role) for claim in find_entities(sentence))


def unnamed_role(role: str, summary: str, offset: int, sources: Sources) -> bool:
    """True when a source sentence gives the role to no named person and shares at least `MIN_SHARED_WORDS`
    content words with the summary sentence at `offset`."""
    wanted = role_words(role)
    found = sentence_at(summary, offset)
    sentence = found.text if found is not None else ""
    ours = _content(sentence) - wanted
    if not wanted or not ours:
        return False
    for document in sources.documents:
        for candidate in document_sentences(document.text):
            if not in_content(document, candidate.start, candidate.end):
                continue
            words = _words(candidate.text)
            shared = len(ours & _content(candidate.text))
            if wanted <= words and shared >= MIN_SHARED_WORDS and not _given_to_someone(wanted, candidate.text):
                return True
    return False
