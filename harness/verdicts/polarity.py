"""Negation checked on any clause, not only on the event lexicon's verbs.

A source clause "the prime minister had not considered resigning" negates its first content word after the
cue ("considered") together with the words that follow it ("resigning"). A summary clause that has that word
with no negation near it, followed by enough of those words (`MIN_SHARED` with the word itself: "had
considered resigning"), says the opposite, `contradicted`, unless another source clause says it plainly too.
A negation the summary adds is left to the event verdicts, which compare who does what: the words after a
summary's "not" often stand plainly in the sources about someone else. Verbs are compared across tenses
(`irregular_verbs.txt`, then the first five letters), so "found evidence" meets "did not find any evidence".
Comparatives ("no more than") and "not only" are no negation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from harness.claims.events import clauses
from harness.core.text import TextSpan, sentences, words
from harness.resources import synonym_groups, word_list
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

CUES = frozenset({"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"})
"""Words that negate what follows them (and any word ending in "n't")."""

NOT_NEGATING = frozenset({"only", "just", "merely", "least", "more", "fewer", "less", "later", "earlier", "sooner"})
"""Words after a cue that make it no negation of the predicate ("not only", "no more than")."""

REACH = 3
"""Words a cue may stand before the word it negates."""

SCOPE = 4
"""Content words, from the negated one on, that tell what the negation is about."""

MIN_SHARED = 2
"""Scope words a summary clause must share with a source clause to speak of the same thing."""

PREDICATES = frozenset({"reported", "announced", "stated", "added", "told", "adding", "reporting"})
"""Reporting verbs that are the negated predicate itself ("no deaths were reported"), so they count as content."""

_FUNCTION_WORDS = word_list("function_words") - PREDICATES


@cache
def _base_forms() -> dict[str, str]:
    return {form: min(group, key=len) for group in synonym_groups("irregular_verbs") for form in group}


def stem(word: str) -> str:
    """A word's comparison form: lower case, irregular verbs to their base, then the first five letters."""
    lower = word.lower().replace("\u2019", "'")
    return _base_forms().get(lower, lower)[:5]


def _is_cue(token: str) -> bool:
    lower = token.lower().replace("\u2019", "'")
    return lower in CUES or lower.endswith("n't")


def _is_content(token: str) -> bool:
    lower = token.lower()
    return lower not in _FUNCTION_WORDS and not _is_cue(token) and (len(lower) > 2 or lower.isdigit())


@dataclass(frozen=True)
class Negation:
    """A negated word of a clause and the scope words (its stem first) that say what is negated."""

    word: TextSpan
    scope: tuple[str, ...]


def _negated_at(tokens: Sequence[TextSpan], cue: int) -> Negation | None:
    following = tokens[cue + 1 : cue + 2 + REACH]
    if following and following[0].text.lower() in NOT_NEGATING:
        return None
    for offset, token in enumerate(following):
        if token.text.lower() not in _FUNCTION_WORDS and not _is_content(token.text):
            return None
        if _is_content(token.text):
            rest = [t.text for t in tokens[cue + 1 + offset :] if _is_content(t.text)]
            return Negation(token, tuple(dict.fromkeys(stem(word) for word in rest[:SCOPE])))
    return None


def _clauses(text: str) -> Iterator[list[TextSpan]]:
    for sentence in sentences(text):
        for clause in clauses(text, sentence):
            yield [TextSpan(clause.start + w.start, clause.start + w.end, w.text) for w in words(clause.text)]


def negations(tokens: Sequence[TextSpan]) -> list[Negation]:
    """Every negated word of a clause's tokens."""
    found = [_negated_at(tokens, index) for index, token in enumerate(tokens) if _is_cue(token.text)]
    return [item for item in found if item is not None]


def _plain_occurrence(tokens: Sequence[TextSpan], negation: Negation) -> TextSpan | None:
    """The clause's word with the negation's stem, no cue near it, and at least `MIN_SHARED` scope words (the
    next one among them) in the words that follow it."""
    if len(negation.scope) < MIN_SHARED:
        return None
    for index, token in enumerate(tokens):
        if stem(token.text) != negation.scope[0]:
            continue
        following = {stem(t.text) for t in tokens[index : index + SCOPE + 3]}
        near = tokens[max(0, index - REACH - 1) : index + SCOPE + 1]
        enough = sum(word in following for word in negation.scope) >= MIN_SHARED and negation.scope[1] in following
        if enough and not any(_is_cue(t.text) for t in near):
            return token
    return None


@dataclass(frozen=True)
class _SourceClause:
    document: str
    tokens: list[TextSpan]
    negations: list[Negation]


def _source_clauses(sources: Sources) -> list[_SourceClause]:
    return [clause for document in sources.documents for clause in _document_clauses(document.id, document.text)]


@lru_cache(maxsize=64)
def _document_clauses(document: str, text: str) -> tuple[_SourceClause, ...]:
    """A source text's clauses with their negations, read once per text."""
    return tuple(_SourceClause(document, tokens, negations(tokens)) for tokens in _clauses(text))


def _evidence(clause: _SourceClause, text: str) -> Evidence:
    start, end = clause.tokens[0].start, clause.tokens[-1].end
    return Evidence(document=clause.document, start=start, end=end, text=text[start:end])


def negation_findings(summary: str, sources: Sources, findings: Sequence[Finding] = ()) -> list[Finding]:
    """`contradicted` findings for summary clauses that drop a negation of the sources' clause; words already
    flagged in `findings` are skipped."""
    texts = {document.id: document.text for document in sources.documents}
    source = _source_clauses(sources)
    taken = [(finding.start, finding.end) for finding in findings if finding.flagged]
    result: list[Finding] = []
    for tokens in _clauses(summary):
        hits: list[tuple[TextSpan, _SourceClause, str]] = []
        for clause in source:
            for negation in clause.negations:
                word = _plain_occurrence(tokens, negation)
                if word is not None and not any(_plain_occurrence(other.tokens, negation) for other in source):
                    hits.append((word, clause, f"the source negates '{negation.word.text}'"))
        for word, clause, detail in hits[:1]:
            if all(word.end <= start or word.start >= end for start, end in taken):
                evidence = [_evidence(clause, texts[clause.document])]
                result.append(Finding.at("event", word, "contradicted", evidence, detail))
                taken.append((word.start, word.end))
    return result
