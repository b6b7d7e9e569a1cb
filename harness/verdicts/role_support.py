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


def _word_stems(text: str) -> frozenset[str]:
    return frozenset(_stem(token) for token in _TOKEN.findall(text))


def _words(text: str) -> frozenset[str]:
    """`_word_stems`, read once per text: a role's contexts are asked about again for each of its claims."""
    return _WORDS.get(text, lambda: _word_stems(text))


_WORDS: Memo[frozenset[str]] = Memo(4096)


def _content(text: str) -> frozenset[str]:
    return frozenset(
        _stem(token)
        for token in _TOKEN.findall(text)
        if token.lower() not in _FUNCTION_WORDS and not is_title_word(token) and not token.isdigit()
    )


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
    held = sentence_at(summary, offset)
    sentence = held.text if held is not None else ""
    ours = _content(sentence) - wanted
    if not wanted or not ours:
        return False
    for document in sources.documents:
        bags = _sentence_bags(document.text)
        for position in sorted(bags.holding(wanted)):
            candidate, _, content = bags.sentences[position]
            if not in_content(document, candidate.start, candidate.end):
                continue
            shared = len(ours & content)
            if shared >= MIN_SHARED_WORDS and not _given_to_someone(wanted, candidate.text):
                return True
    return False


class _SentenceBags:
    """A text's sentences with their word stems and content stems, and which sentences hold each stem: a role is
    looked for only in the sentences that hold all its words."""

    def __init__(self, text: str) -> None:
        self.sentences = [(span, _word_stems(span.text), _content(span.text)) for span in document_sentences(text)]
        self._by_word: dict[str, set[int]] = {}
        for position, (_, words, _) in enumerate(self.sentences):
            for word in words:
                self._by_word.setdefault(word, set()).add(position)

    def holding(self, wanted: frozenset[str]) -> set[int]:
        """Positions of the sentences whose words include every stem of `wanted` (not empty)."""
        first, *rest = sorted(wanted, key=lambda word: len(self._by_word.get(word, ())))
        return self._by_word.get(first, set()).intersection(*(self._by_word.get(word, set()) for word in rest))


_BAGS: Memo[_SentenceBags] = Memo(64)


def _sentence_bags(text: str) -> _SentenceBags:
    return _BAGS.get(text, lambda: _SentenceBags(text))
