"""Number verdicts: is each numeric claim of a summary in the sources, with the same unit, qualifier and scope?

Source numbers are the gold `NumberAnnotation`s of the cluster's documents (gold mode) or the numbers the
finder reads in the source texts, anchored at each document's date (gold-free mode); numbers inside page
furniture never count. Summary claims are read with the latest document date as anchor.

**Same counted thing.** A claim and a source number count the same thing when
1. they measure alike: both dates/years, both ordinals, or quantities of the same measure (percent, one
   currency, a duration (compared in days: "three-week" contradicts "three-month"), or a count of things);
2. and their heads agree: for counts the claim's unit noun ("leaders") equals or is a synonym
   (`claims.numbers.counted.SYNONYMS`) of a source head (the gold unit, the head of the gold `counted`
   text, or the finder's head at that span); for percents and durations the scope noun after the number
   ("of the country" vs "of the country's districts", "truce" vs "ceasefire") is compared the same way
   when both sides have one;
3. or, when either side has no head, their contexts share content: of the lemma-ish content words within
   `CONTEXT_WORDS` words of the claim (in its sentence), at least `MIN_OVERLAP` are in the source's
   sentence plus the gold `counted` text.

**Relation.** Intervals are compared with their open ends; dates as the days they cover. A source
*supports* when its interval lies inside the claim's or both name the same point value and the intervals
overlap; it *conflicts* when the intervals are disjoint or both name different points; otherwise it is
merely *consistent* (the claim is more specific than the source, e.g. "Sept. 5" against "September"); for
quantities a consistent source supports only when the heads agree, so that a bare number is never supported
by a vague one ("2303" by "a range of countries").
**Negation.** A claim stated as not so ("nearly 40 years have not passed", "12 countries were not
invited": a negated auxiliary within two words after the number, or "not" just before it) contradicts the
source that would support it, unless that source is negated too.
**Verdict**, in order: supported if a same-thing source supports; contradicted if a same-thing source at
least as precise as the claim conflicts; supported if one is consistent; contradicted if any conflicts;
unit_mismatch if a source names the same value (or date) for something else; else unsupported.
**Gold-free**, that verdict is then settled by whether a source *states* the claim's value
(`verdicts.number_attest`): heads and contexts read by the finder are too unreliable to decide alone.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import NamedTuple

from harness.claims.numbers import find_numbers
from harness.claims.numbers.counted import content_lemmas, same_head
from harness.claims.numbers.dates import WEEKDAYS
from harness.core.claim_types import NumberClaim
from harness.core.text import TextSpan, sentence_holding, sentences, word_matches
from harness.goldset.load import GoldDocument
from harness.goldset.schema import NumberAnnotation
from harness.verdicts.number_attest import settle_gold_free
from harness.verdicts.number_sources import (
    TIME_KINDS,
    Relation,
    SourceNumber,
    bounds_relation,
    describe,
    in_furniture,
    is_negated,
    label,
    number_bounds,
    number_heads,
    number_measure,
    number_point,
    number_width,
    source_numbers,
)
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

MIN_OVERLAP = 0.25
"""Least share of the claim's context words that a source's context must hold to be 'the same'."""
CONTEXT_WORDS = 8
"""A claim's context: this many words either side of it, within its sentence."""
COPY_WORDS = 2
"""Words either side of a claim that must be copied with it for `copied_from` to call it supported."""
_BLANKS = re.compile(r"\s+")


class _Candidate(NamedTuple):
    """A source number weighed against a claim (a tuple: one is built per claim and source of its measure)."""

    source: SourceNumber
    overlap: float
    same: bool
    heads_agree: bool
    relation: Relation | None


def _heads_agree(claim_heads: frozenset[str], source_heads: frozenset[str]) -> bool | None:
    """True/False when both sides name a head; None when one of them has none."""
    if not claim_heads or not source_heads:
        return None
    return any(same_head(mine, theirs) for mine in claim_heads for theirs in source_heads)


Relations = dict[tuple[int, tuple[float, float, bool, bool] | None, float | None], list[Relation | None]]
"""Per source list (by identity) and a claim's bounds and point: how each source of the list bears on it."""


def _relations(
    bounds: tuple[float, float, bool, bool] | None,
    point: float | None,
    index: Sequence[SourceNumber],
    known: Relations | None,
) -> list[Relation | None]:
    """How each source number of `index` bears on a claim with these bounds and point; `known` holds them per
    value already weighed, as a long summary states the same values again and again."""
    key = (id(index), bounds, point)
    if known is not None and key in known:
        return known[key]
    found: list[Relation | None] = [
        None if bounds is None or source.bounds is None else bounds_relation(bounds, point, source.bounds, source.point)
        for source in index
    ]
    if known is not None:
        known[key] = found
    return found


def _candidates(
    claim: NumberClaim, sentence: str, index: Sequence[SourceNumber], known: Relations | None = None
) -> list[_Candidate]:
    claim_measure = number_measure(claim)
    claim_heads = number_heads(claim)
    claim_words = (content_lemmas(sentence) - content_lemmas(claim.span.text)) | claim_heads
    size = len(claim_words)
    found = []
    for source, related in zip(index, _relations(number_bounds(claim), number_point(claim), index, known), strict=True):
        if source.measure != claim_measure:
            continue
        share = len(claim_words & source.context) / size if size else 0.0
        agree = _heads_agree(claim_heads, source.heads) if claim_heads else None
        same = agree is True or (agree is None and share >= MIN_OVERLAP)
        found.append(_Candidate(source, share, same, agree is True, related))
    return sorted(found, key=itemgetter(1), reverse=True)  # by overlap, most first; a stable sort either way


def _closest(claim: NumberClaim, supports: Sequence[_Candidate]) -> list[_Candidate]:
    """The supporting sources that state what the claim states: equal intervals if any, else the most similar."""
    bounds = number_bounds(claim)
    equal = [candidate for candidate in supports if candidate.source.bounds == bounds]
    if equal:
        return equal
    top = supports[0].overlap
    return [candidate for candidate in supports if candidate.overlap >= 0.8 * top]


def _middle(number: NumberClaim | NumberAnnotation) -> float:
    bounds = number_bounds(number)
    if bounds is None:
        return math.nan
    finite = [end for end in bounds[:2] if math.isfinite(end)]
    return sum(finite) / len(finite) if finite else math.nan


def _nearest(claim: NumberClaim, conflicts: Sequence[_Candidate]) -> _Candidate:
    """Among the most similar conflicting sources (within 80% of the best overlap), the nearest in value."""
    top = conflicts[0].overlap
    close = [candidate for candidate in conflicts if candidate.overlap >= 0.8 * top]
    middle = _middle(claim)

    def distance(candidate: _Candidate) -> float:
        gap = abs(_middle(candidate.source.number) - middle)
        return math.inf if math.isnan(gap) else gap

    return min(close, key=distance)


def _same_value(claim: NumberClaim, source: NumberClaim | NumberAnnotation) -> bool:
    if claim.kind in TIME_KINDS:
        return claim.date is not None and claim.date == source.date
    claim_point, source_point = number_point(claim), number_point(source)
    if claim_point is None or source_point is None:
        return False
    return math.isclose(claim_point, source_point) or (claim.value is not None and claim.value == source.value)


def _evidence(candidates: Iterable[_Candidate]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            document=candidate.source.document,
            start=candidate.source.number.span.start,
            end=candidate.source.number.span.end,
            text=candidate.source.number.span.text,
            annotation=candidate.source.annotation,
        )
        for candidate in candidates
    )


def _who(source: SourceNumber) -> str:
    return " ".join(part for part in (label(source.document), source.annotation) if part)


def _unresolved(claim: NumberClaim) -> bool:
    return _unresolved_number(claim)


def _weekday(number: NumberClaim | NumberAnnotation) -> str | None:
    """The weekday a date names ("on Monday night" -> "monday"): two different ones are different days."""
    named = [word for word in number.span.text.lower().split() if word in WEEKDAYS]
    return named[0] if named else None


def _unresolved_number(number: NumberClaim | NumberAnnotation) -> bool:
    return number.kind in TIME_KINDS and (number.date is None or number.date.startswith("--"))


def _judge_unresolved(claim: NumberClaim, candidates: Sequence[_Candidate]) -> Finding:
    """A date no anchor resolves ("on Tuesday" with no publication date): supported by a source date written
    with the same words ("March" by "16 March"), contradicted by another weekday, left unverified when the
    sources hold an unresolved date in a like context, else unsupported; never compared with an invented date."""
    says = f"summary says {describe(claim)}"
    written = set(claim.span.text.lower().replace(".", " ").split())
    echoes = [c for c in candidates if written <= set(c.source.number.span.text.lower().replace(".", " ").split())]
    if echoes:
        best = echoes[0].source
        return _finding(claim, "supported", echoes[:1], f"{says}; {_who(best)} says {best.description}")
    open_dates = [c for c in candidates if _unresolved_number(c.source.number) and c.overlap >= MIN_OVERLAP]
    other_days = [c for c in open_dates if _weekday(claim) and _weekday(c.source.number) not in {None, _weekday(claim)}]
    if other_days and not any(_weekday(c.source.number) == _weekday(claim) for c in candidates):
        best = other_days[0].source
        return _finding(claim, "contradicted", other_days[:1], f"{says}; {_who(best)} says {best.description}")
    if open_dates:
        best = open_dates[0].source
        detail = f"{says}; {_who(best)} says {best.description}, and no date is known to compare them on"
        return _finding(claim, "unverified", open_dates[:1], detail)
    return _finding(claim, "unsupported", [], f"{says}; no date of the sources is written so or could be it")


def judge_number(
    claim: NumberClaim,
    sentence: str,
    index: Sequence[SourceNumber],
    *,
    negated: bool = False,
    lenient: bool = False,
    known: Relations | None = None,
) -> Finding:
    """The verdict on one summary number, by the rule of the module docstring; `negated`: the summary states
    the number's fact as not so ("40 years have not passed"); `lenient` (gold-free sources, whose heads are
    the finder's guesses): a source with the same value supports even when their contexts share no word, when
    one side names no counted thing ("Six" and "six teenagers"); two different counted things ("12 leaders",
    "12 countries") stay a unit mismatch. `known`: relations already weighed against `index` (`_relations`)."""
    candidates = _candidates(claim, sentence, index, known)
    if _unresolved(claim):
        return _judge_unresolved(claim, candidates)
    same = [candidate for candidate in candidates if candidate.same and candidate.relation is not None]
    if lenient and not any(candidate.relation == "supports" for candidate in same):
        same += [
            candidate
            for candidate in candidates
            if candidate.relation == "supports"
            and _same_value(claim, candidate.source.number)
            and _heads_agree(number_heads(claim), candidate.source.heads) is None
        ]
    supports = [candidate for candidate in same if candidate.relation == "supports"]
    consistent = [
        candidate
        for candidate in same
        if candidate.relation == "consistent" and (candidate.heads_agree or claim.kind in TIME_KINDS)
    ]
    conflicts = [candidate for candidate in same if candidate.relation == "conflicts"]
    width = number_width(claim)
    precise = [candidate for candidate in conflicts if _width(candidate.source.bounds) <= width]
    says = f"summary says {describe(claim)}"
    if supports or (consistent and not precise):
        chosen = _closest(claim, supports) if supports else consistent
        best = chosen[0].source
        if negated != best.negated:
            denies = "denies" if negated else "asserts"
            detail = f"{says} and {denies} it; {_who(best)} says {best.description}" + (
                " is not so" if best.negated else ""
            )
            return _finding(claim, "contradicted", chosen[:1], detail)
        note = "" if supports else " (the summary is more specific than the source)"
        return _finding(claim, "supported", chosen, f"{says}; {_who(best)} says {best.description}{note}")
    if precise or conflicts:
        nearest = _nearest(claim, precise or conflicts)
        best = nearest.source
        return _finding(claim, "contradicted", [nearest], f"{says}; {_who(best)} says {best.description}")
    same_value = [candidate for candidate in candidates if _same_value(claim, candidate.source.number)]
    if same_value:
        best = same_value[0].source
        detail = f"{says}; {_who(best)} has that value for something else: {best.description}"
        return _finding(claim, "unit_mismatch", same_value[:1], detail)
    return _finding(claim, "unsupported", [], f"{says}; no source number of the same kind counts or dates it")


def _width(bounds: tuple[float, float, bool, bool] | None) -> float:
    """`number_width` on a source's precomputed bounds."""
    return math.inf if bounds is None else bounds[1] - bounds[0]


def by_measure(index: Sequence[SourceNumber]) -> dict[str, list[SourceNumber]]:
    """The source numbers grouped by measure, in index order: a claim is only ever compared with its own measure."""
    groups: dict[str, list[SourceNumber]] = {}
    for source in index:
        groups.setdefault(source.measure, []).append(source)
    return groups


def _finding(claim: NumberClaim, verdict: str, candidates: Sequence[_Candidate], detail: str) -> Finding:
    return Finding.at("number", claim.span, verdict, _evidence(candidates), detail)


def summary_anchor(sources: Sources) -> dt.date | None:
    """The date a summary's relative dates are read against: the latest known document date of the sources."""
    dates = [anchor for anchor in map(sources.anchor, sources.documents) if anchor is not None]
    return max(dates) if dates else None


def number_findings(summary: str, sources: Sources, index: Sequence[SourceNumber] | None = None) -> tuple[Finding, ...]:
    """One finding per numeric expression of the summary; pass `index` to reuse `source_numbers(sources)`."""
    index = source_numbers(sources) if index is None else index
    spans = sentences(summary)
    summary_words = [match.span() for match in word_matches(summary)]
    starts = [start for start, _ in summary_words]
    groups = by_measure(index)
    known: Relations = {}  # keyed by identity: the groups (and the one empty tuple) are held until the end
    findings = []
    for claim in find_numbers(summary, anchor=summary_anchor(sources)):
        negated = is_negated(summary, claim.span.start, claim.span.end)
        context = _context_of(spans, claim, summary)
        same_measure = groups.get(number_measure(claim), ())
        finding = judge_number(claim, context, same_measure, negated=negated, lenient=not sources.gold, known=known)
        if not sources.gold:
            finding = settle_gold_free(claim, finding, index, sources, summary=summary, negated=negated)
        if finding.verdict != "supported":
            copied = copied_from(spans, summary_words, starts, summary, claim, sources, index, negated=negated)
            finding = copied or _publication_date(claim, sources) or finding
        findings.append(finding)
    return tuple(findings)


def copied_from(
    spans: Sequence[TextSpan],
    summary_words: Sequence[tuple[int, int]],
    starts: Sequence[int],
    summary: str,
    claim: NumberClaim,
    sources: Sources,
    index: Sequence[SourceNumber],
    *,
    negated: bool,
) -> Finding | None:
    """Supported when the claim is copied verbatim, with `COPY_WORDS` words either side, from a source sentence
    that states it the same way (negated or not): a span copied from a source is never contradicted.
    `summary_words`: where each word of the summary (`words`) starts and ends, read once per summary, and
    `starts` their starts."""
    first_after = bisect_left(starts, claim.span.end)
    last_before = bisect_left(starts, claim.span.start)
    sentence = sentence_of(spans, claim, summary)
    offset = sentence.start
    before = [word for word in summary_words[max(0, last_before - COPY_WORDS) : last_before] if word[0] >= offset]
    after = [
        word for word in summary_words[first_after : first_after + COPY_WORDS] if word[1] <= offset + len(sentence.text)
    ]
    whole = len(before) < COPY_WORDS and len(after) < COPY_WORDS  # a short sentence, copied whole or not at all
    if len(before) + len(after) < COPY_WORDS and not whole:
        return None
    # Both sides first; then the rest of the sentence alone (what is counted and its scope follow the number),
    # so that a sentence glued to a title without a full stop is still read as copied.
    windows = [
        (before[0][0] if before else claim.span.start, after[-1][1] if after else claim.span.end),
    ]
    if len(after) >= COPY_WORDS and before:
        windows.append((claim.span.start, offset + len(sentence.text.rstrip())))
    for start, end in windows:
        documents = _holding(summary[start:end], sources.documents)
        if not documents:
            continue
        pattern = re.compile(
            rf"(?<!\w){_loose(summary[start : claim.span.start])}({_loose(claim.span.text)})"
            rf"{_loose(summary[claim.span.end : end])}(?!\w)"
        )
        finding = _copied_in(pattern, claim, documents, index, negated=negated)
        if finding is not None:
            return finding
    return None


def _holding(window: str, documents: Sequence[GoldDocument]) -> list[GoldDocument]:
    """The documents that hold every run of non-blanks of `window`: only they can match its `_loose` pattern,
    and a plain substring test rules the others out far faster than a search with the pattern would."""
    parts = [part for part in _BLANKS.split(window) if part]
    return [document for document in documents if all(part in document.text for part in parts)]


def _copied_in(
    pattern: re.Pattern[str],
    claim: NumberClaim,
    documents: Sequence[GoldDocument],
    index: Sequence[SourceNumber],
    *,
    negated: bool,
) -> Finding | None:
    """Supported, with its evidence, when a source of `documents` says `pattern` (the claim with its copied
    words)."""
    for document in documents:
        found = pattern.search(document.text)
        if found is None:
            continue
        position = found.start(1)
        if is_negated(document.text, position, found.end(1)) != negated:
            continue
        stop = found.end(1)
        there = [
            source
            for source in index
            if source.document == document.id and source.number.span.start < stop and position < source.number.span.end
        ]
        evidence = _evidence(_Candidate(source, 1.0, True, True, "supports") for source in there[:1]) or (
            Evidence(document=document.id, start=position, end=stop, text=document.text[position:stop]),
        )
        detail = f"summary says {describe(claim)}, copied word for word from {label(document.id)}"
        return Finding.at("number", claim.span, "supported", evidence, detail)
    return None


def _publication_date(claim: NumberClaim, sources: Sources) -> Finding | None:
    """A full date that is a source's known publication date, written in that source (its dateline)."""
    if claim.kind != "date" or claim.date is None:
        return None
    for document in sources.documents:
        anchor = sources.anchor(document)
        if anchor is None or claim.date != anchor.isoformat():
            continue
        position = document.text.find(claim.span.text)
        if position >= 0:
            stop = position + len(claim.span.text)
            evidence = Evidence(document=document.id, start=position, end=stop, text=claim.span.text)
            detail = f"summary says {describe(claim)}, the date of {label(document.id)}"
            return Finding.at("number", claim.span, "supported", (evidence,), detail)
    return None


def sentence_of(spans: Sequence[TextSpan], claim: NumberClaim, summary: str) -> TextSpan:
    """The sentence of the summary that holds the claim (the whole summary if none does); `spans` are the
    summary's sentences, in order."""
    held = sentence_holding(spans, claim.span.start, claim.span.end)
    return held if held is not None else TextSpan(0, len(summary), summary)


def _loose(text: str) -> str:
    """`text` as a pattern in which any run of whitespace matches any other (line breaks, double spaces)."""
    return r"\s+".join(re.escape(part) for part in _BLANKS.split(text)) if text.strip() else re.escape(text)


def _context_of(spans: Sequence[TextSpan], claim: NumberClaim, summary: str, width: int = CONTEXT_WORDS) -> str:
    """The words around a claim within its sentence: `width` words either side."""
    sentence = sentence_of(spans, claim, summary)
    tokens = [match.span() for match in word_matches(sentence.text)]
    offset = sentence.start
    before = [token for token in tokens if token[1] + offset <= claim.span.start][-width:]
    after = [token for token in tokens if token[0] + offset >= claim.span.end][:width]
    start = before[0][0] if before else claim.span.start - offset
    end = after[-1][1] if after else claim.span.end - offset
    return sentence.text[start:end]


def fact_support(sources: Sources) -> dict[str, frozenset[str]]:
    """Each gold number fact and the documents that report it (outside furniture)."""
    support: dict[str, set[str]] = {}
    for document in sources.documents:
        for number in document.numbers:
            if number.fact and not in_furniture(document, number.span.start, number.span.end):
                support.setdefault(number.fact, set()).add(document.id)
    return {fact: frozenset(documents) for fact, documents in support.items()}


def number_survival(
    findings: Iterable[Finding], sources: Sources, *, salient_min_support: int = 2
) -> tuple[float | None, tuple[str, ...], tuple[str, ...]]:
    """(score, kept facts, missed facts) over the salient gold number facts.

    A fact is salient when at least `salient_min_support` documents report it; its weight is that number of
    documents (as in the Pyramid method). It is kept when a supported finding's evidence cites an annotation
    carrying it. The score is the kept weight over the salient weight; None without gold or salient facts.
    """
    if not sources.gold:
        return None, (), ()
    salient = {fact: len(docs) for fact, docs in fact_support(sources).items() if len(docs) >= salient_min_support}
    if not salient:
        return None, (), ()
    fact_of = {(document.id, number.id): number.fact for document in sources.documents for number in document.numbers}
    kept = {
        fact_of.get((evidence.document, evidence.annotation or ""))
        for finding in findings
        if finding.type == "number" and finding.verdict == "supported"
        for evidence in finding.evidence
    }
    kept_facts = tuple(sorted(fact for fact in salient if fact in kept))
    missed_facts = tuple(sorted(fact for fact in salient if fact not in kept))
    score = sum(salient[fact] for fact in kept_facts) / sum(salient.values())
    return score, kept_facts, missed_facts
