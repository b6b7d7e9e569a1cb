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
from functools import cache
from itertools import islice

from harness.claims.events import clauses
from harness.core.memo import Memo
from harness.core.text import TextSpan, sentences, words_in
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
    lower = token.lower()
    return lower in CUES or lower.endswith(("n't", "n\u2019t"))  # no cue holds an apostrophe but "n't"


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
            rest = islice((t.text for t in tokens[cue + 1 + offset :] if _is_content(t.text)), SCOPE)
            return Negation(token, tuple(dict.fromkeys(stem(word) for word in rest)))
    return None


def _clauses(text: str) -> Iterator[list[TextSpan]]:
    for sentence in sentences(text):
        for clause in clauses(text, sentence):
            yield words_in(text, clause.start, clause.end)


def negations(tokens: Sequence[TextSpan], cues: Sequence[bool] | None = None) -> list[Negation]:
    """Every negated word of a clause's tokens (`cues`: whether each token is a cue, when read already)."""
    if cues is None:
        cues = [_is_cue(token.text) for token in tokens]
    found = [_negated_at(tokens, index) for index, cue in enumerate(cues) if cue]
    return [item for item in found if item is not None]


@dataclass(frozen=True)
class _Words:
    """A clause's tokens with each one's stem and whether it is a negation cue, read once per clause."""

    tokens: Sequence[TextSpan]
    stems: tuple[str, ...]
    cues: tuple[bool, ...]

    @classmethod
    def of(cls, tokens: Sequence[TextSpan]) -> _Words:
        return cls(tokens, tuple(stem(t.text) for t in tokens), tuple(_is_cue(t.text) for t in tokens))


def _plain_occurrence(tokens: Sequence[TextSpan], negation: Negation) -> TextSpan | None:
    """The clause's word with the negation's stem, no cue near it, and at least `MIN_SHARED` scope words (the
    next one among them) in the words that follow it."""
    return _plain_in(_Words.of(tokens), negation.scope)


def _plain_in(clause: _Words, scope: tuple[str, ...]) -> TextSpan | None:
    """`_plain_occurrence` of a negation's `scope` in a clause whose stems and cues are read already."""
    if len(scope) < MIN_SHARED:
        return None
    stems, cues = clause.stems, clause.cues
    for index, word in enumerate(stems):
        if word != scope[0]:
            continue
        following = set(stems[index : index + SCOPE + 3])
        enough = sum(item in following for item in scope) >= MIN_SHARED and scope[1] in following
        if enough and not any(cues[max(0, index - REACH - 1) : index + SCOPE + 1]):
            return clause.tokens[index]
    return None


@dataclass(frozen=True)
class _SourceClause:
    document: str
    tokens: list[TextSpan]
    negations: list[Negation]
    words: _Words


_CLAUSES: Memo[tuple[_SourceClause, ...]] = Memo(64)


def _document_clauses(document: str, text: str) -> tuple[_SourceClause, ...]:
    """A source text's clauses with their negations, read once per text."""

    def read() -> tuple[_SourceClause, ...]:
        read = []
        for tokens in _clauses(text):
            words = _Words.of(tokens)
            read.append(_SourceClause(document, tokens, negations(tokens, words.cues), words))
        return tuple(read)

    return _CLAUSES.get((document, text), read)


class _SourceNegations:
    """The sources' negations by the stem of their negated word, and their clauses by the stems they hold: a
    summary clause is compared only with negations of its words, and a negation looked for plainly only in the
    clauses that hold its word (only the negated words are looked for, so only they are indexed)."""

    def __init__(self, clauses: Sequence[_SourceClause]) -> None:
        self.by_stem: dict[str, list[tuple[int, _SourceClause, Negation]]] = {}
        self._holding: dict[str, list[_Words]] = {}
        self._plain: dict[tuple[str, ...], bool] = {}
        order = 0
        for clause in clauses:
            for negation in clause.negations:
                if len(negation.scope) >= MIN_SHARED:
                    self.by_stem.setdefault(negation.scope[0], []).append((order, clause, negation))
                order += 1
        heads = self.by_stem.keys()
        for clause in clauses:
            for word in heads & set(clause.words.stems):
                self._holding.setdefault(word, []).append(clause.words)

    def said_plainly(self, scope: tuple[str, ...]) -> bool:
        """True when some source clause says the negated words plainly (`_plain_occurrence`)."""
        held = self._plain.get(scope)
        if held is None:
            held = self._plain[scope] = any(_plain_in(read, scope) for read in self._holding.get(scope[0], ()))
        return held


_NEGATIONS: Memo[_SourceNegations] = Memo(64)


def _source_negations(sources: Sources) -> _SourceNegations:
    """The sources' negation index, built once per distinct set of source texts."""
    key = tuple((document.id, document.text) for document in sources.documents)
    return _NEGATIONS.get(
        key,
        lambda: _SourceNegations(
            [clause for document in sources.documents for clause in _document_clauses(document.id, document.text)]
        ),
    )


def _evidence(clause: _SourceClause, text: str) -> Evidence:
    start, end = clause.tokens[0].start, clause.tokens[-1].end
    return Evidence(document=clause.document, start=start, end=end, text=text[start:end])


def negation_findings(summary: str, sources: Sources, findings: Sequence[Finding] = ()) -> list[Finding]:
    """`contradicted` findings for summary clauses that drop a negation of the sources' clause; words already
    flagged in `findings` are skipped."""
    texts = {document.id: document.text for document in sources.documents}
    index = _source_negations(sources)
    taken = [(finding.start, finding.end) for finding in findings if finding.flagged]
    result: list[Finding] = []
    for tokens in _clauses(summary):
        ours = _Words.of(tokens)
        candidates = sorted(
            (entry for word in dict.fromkeys(ours.stems) for entry in index.by_stem.get(word, ())),
            key=lambda entry: entry[0],
        )
        hits: list[tuple[TextSpan, _SourceClause, str]] = []
        for _, clause, negation in candidates:
            word = _plain_in(ours, negation.scope)
            if word is not None and not index.said_plainly(negation.scope):
                hits.append((word, clause, f"the source negates '{negation.word.text}'"))
                break
        for word, clause, detail in hits:
            if all(word.end <= start or word.start >= end for start, end in taken):
                evidence = [_evidence(clause, texts[clause.document])]
                result.append(Finding.at("event", word, "contradicted", evidence, detail))
                taken.append((word.start, word.end))
    return result
