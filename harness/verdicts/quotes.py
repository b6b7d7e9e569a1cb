"""Quote verdicts: is each quotation of a summary said in the sources, word for word, by the speaker named?

Words are compared after folding quote marks, case, whitespace and punctuation (`verdicts.locate.folded_words`).
`verbatim`: the quote is a contiguous run of words of a gold quote (or, gold-free, of a quote found in a
source) or of a source document's content. `misattributed`: verbatim, but the summary names a speaker that is
not the speaker of the matched quote or of any quote of its cluster. `altered`: not verbatim, but its
rapidfuzz partial ratio to some source quote reaches `ALTERED_THRESHOLD`; `detail` is the word diff
("-insurgents +militants"). `fabricated`: anything else.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from harness.claims.quotes import find_quotes
from harness.claims.roles import is_title_word
from harness.claims.system_text import clean_tokens
from harness.core.claim_types import QuoteClaim
from harness.core.spans import Entity
from harness.core.text import sentences
from harness.goldset.load import GoldDocument
from harness.verdicts.locate import FoldedText, folded_words, in_content
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

ALTERED_THRESHOLD = 80.0
"""Partial ratio (0-100) of the folded quote to a folded source quote from which a changed quote is `altered`."""

MIN_ALTERED_WORDS = 3
"""Shorter quotes that are not verbatim are `fabricated`: a ratio on one or two words means little."""


@dataclass(frozen=True)
class SourceQuote:
    """A quotation in a source document and everyone it is attributed to (its cluster's speakers included)."""

    evidence: Evidence
    words: tuple[str, ...]
    speakers: frozenset[str]
    speaker_texts: tuple[str, ...]


def read_quotes(sources: Sources) -> list[SourceQuote]:
    """The quotes `find_quotes` reads in each source text (PTB quotes cleaned, as summaries are), with the
    speaker it reads for each."""
    return [
        SourceQuote(
            evidence=Evidence(
                document=document.id,
                start=q.content.start,
                end=q.content.end,
                text=document.text[q.content.start : q.content.end],
            ),
            words=tuple(folded_words(q.content.text)),
            speakers=frozenset({q.speaker} if q.speaker else ()),
            speaker_texts=(q.speaker_text,) if q.speaker_text else (),
        )
        for document in sources.documents
        for q in find_quotes(clean_tokens(document.text), sources.entities)
    ]


def source_quotes(sources: Sources) -> list[SourceQuote]:
    """Gold quotes with their cluster's speakers, or gold-free the quotes `find_quotes` reads in each source."""
    if not sources.gold:
        return read_quotes(sources)
    by_cluster: dict[str, set[str]] = {}
    for document in sources.documents:
        for quote in document.quotes:
            if quote.cluster and quote.speaker:
                by_cluster.setdefault(quote.cluster, set()).add(quote.speaker)
    return [
        SourceQuote(
            evidence=Evidence(
                document=document.id,
                start=quote.content.start,
                end=quote.content.end,
                text=quote.content.text,
                annotation=quote.id,
            ),
            words=tuple(folded_words(quote.content.text)),
            speakers=frozenset(
                ({quote.speaker} if quote.speaker else set()) | by_cluster.get(quote.cluster or "", set())
            ),
            speaker_texts=(quote.speaker_description,) if quote.speaker_description else (),
        )
        for document in sources.documents
        for quote in document.quotes
    ]


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    return f" {' '.join(part)} " in f" {' '.join(words)} "


def _proper_words(text: str | None) -> set[str]:
    if not text:
        return set()
    return {
        word.lower()
        for word in text.replace("'s", "").replace("\u2019s", "").split()
        if word[:1].isupper() and not is_title_word(word) and word.lower() not in {"the", "a", "an"}
    }


def same_speaker(claim: QuoteClaim, quote: SourceQuote, inventory: dict[str, Entity]) -> bool:
    """False only when both sides name a speaker and the names cannot be the same person or body."""
    if claim.speaker and quote.speakers:
        return claim.speaker in quote.speakers
    claimed = _proper_words(claim.speaker_text)
    if claim.speaker in inventory:
        entity = inventory[claim.speaker]
        claimed |= set().union(*(_proper_words(name) for name in (entity.name, *entity.aliases)))
    if not claimed:
        return True
    named = set().union(*(_proper_words(text) for text in quote.speaker_texts))
    for speaker in quote.speakers:
        if speaker in inventory:
            entity = inventory[speaker]
            named |= set().union(*(_proper_words(name) for name in (entity.name, *entity.aliases)))
    return not named or bool(claimed & named)


def word_diff(source: Sequence[str], summary: Sequence[str]) -> str:
    """Words the summary dropped (-) and added (+) against the aligned part of the source quote."""
    opcodes = difflib.SequenceMatcher(a=list(source), b=list(summary), autojunk=False).get_opcodes()
    while opcodes and opcodes[0][0] == "delete":
        opcodes = opcodes[1:]
    while opcodes and opcodes[-1][0] == "delete":
        opcodes = opcodes[:-1]
    changes: list[str] = []
    for tag, a_start, a_end, b_start, b_end in opcodes:
        if tag in ("replace", "delete"):
            changes += [f"-{word}" for word in source[a_start:a_end]]
        if tag in ("replace", "insert"):
            changes += [f"+{word}" for word in summary[b_start:b_end]]
    return " ".join(changes)


def _in_source_text(words: list[str], documents: Sequence[GoldDocument]) -> Evidence | None:
    for document in documents:
        for start, end in FoldedText.of(document.text).spans_of(words):
            if in_content(document, start, end):
                return Evidence(document=document.id, start=start, end=end, text=document.text[start:end])
    return None


def _finding(claim: QuoteClaim, verdict: str, evidence: Sequence[Evidence] = (), detail: str | None = None) -> Finding:
    return Finding.at("quote", claim.content, verdict, evidence, detail)


def _speakers_of(quote: SourceQuote) -> str:
    return ", ".join(sorted(quote.speakers) + list(quote.speaker_texts)) or "unknown"


def _spliced(claim: QuoteClaim, quotes: Sequence[SourceQuote], sources: Sources) -> Evidence | None:
    """Evidence that each sentence of a quote spanning several is said verbatim in the sources (a summary that
    keeps some sentences of a passage and drops others), or None."""
    pieces = [folded_words(sentence.text) for sentence in sentences(claim.content.text)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2:
        return None
    found: list[Evidence] = []
    for piece in pieces:
        quote = next((quote for quote in quotes if _contains(quote.words, piece)), None)
        evidence = quote.evidence if quote is not None else _in_source_text(piece, sources.documents)
        if evidence is None:
            return None
        found.append(evidence)
    return found[0]


def judge_quote(
    claim: QuoteClaim, quotes: Sequence[SourceQuote], sources: Sources, readings: Sequence[SourceQuote] = ()
) -> Finding | None:
    """The verdict on one quotation of a summary; None when it holds no word to compare.

    `readings`: the quotes `find_quotes` reads in the source texts; when the sources' own words, read the same
    way, give the quote to the summary's speaker, the attribution stands (a copied passage is never
    misattributed, whoever the gold annotation names).
    """
    words = folded_words(claim.content.text)
    if not words:
        return None
    inventory = {entity.id: entity for entity in sources.entities}
    matching = [quote for quote in quotes if _contains(quote.words, words)]
    if matching:
        agreeing = [quote for quote in matching if same_speaker(claim, quote, inventory)]
        agreeing += [q for q in readings if _contains(q.words, words) and same_speaker(claim, q, inventory)]
        if agreeing:
            return _finding(claim, "verbatim", [agreeing[0].evidence])
        said_by = claim.speaker or claim.speaker_text
        detail = f"summary attributes it to {said_by}; sources to {_speakers_of(matching[0])}"
        return _finding(claim, "misattributed", [matching[0].evidence], detail)
    in_text = _in_source_text(words, sources.documents) or _spliced(claim, quotes, sources)
    if in_text is not None:
        return _finding(claim, "verbatim", [in_text])
    joined = " ".join(words)
    scored = [(fuzz.partial_ratio(joined, " ".join(quote.words)), quote) for quote in quotes if quote.words]
    if scored and len(words) >= MIN_ALTERED_WORDS:
        ratio, best = max(scored, key=lambda item: item[0])
        if ratio >= ALTERED_THRESHOLD:
            detail = word_diff(best.words, words)
            if not same_speaker(claim, best, inventory):
                detail += f"; also attributed to {claim.speaker or claim.speaker_text}, not {_speakers_of(best)}"
            return _finding(claim, "altered", [best.evidence], detail)
    return _finding(claim, "fabricated", detail="no source quote or passage has these words")


def judge_quotes(
    claims: Sequence[QuoteClaim],
    sources: Sources,
    quotes: Sequence[SourceQuote] | None = None,
    readings: Sequence[SourceQuote] | None = None,
) -> list[Finding]:
    """One finding per quotation of a summary that holds words; `quotes` defaults to `source_quotes(sources)`,
    `readings` to `read_quotes(sources)` (the same list gold-free)."""
    quotes = source_quotes(sources) if quotes is None else quotes
    if readings is None:
        readings = read_quotes(sources) if sources.gold else ()
    findings = (judge_quote(claim, quotes, sources, readings) for claim in claims)
    return [finding for finding in findings if finding is not None]
