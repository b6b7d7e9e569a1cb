"""Whether gold-free sources state a summary number's value, in any of the ways news prose writes it.

Gold-free, a source number's counted noun and context are the finder's guesses, so "which source number is the
same fact" is unreliable both ways: a faithful "Six teenagers" is called a unit mismatch against "six
adolescents", and an invented "more than 1,000 years" is supported because the source's "10,000 years" lies
inside it. Here a claim is judged by whether some source number *states* its value:

- an exact value is stated by an equal source value, by one it rounds ("£11,000" for "£11,072": the claim
  has fewer significant digits and lies within 10%), or by an end of a source range ("from £9.15 to £9.40"
  states "£9.40"); an approximate source value ("about 50,000") states the exact values that round to it;
- "about X" by a value within 15% of X and within one unit of X's last significant digit ("an estimated
  £14.8m" is not £14.3m, "about 50,000" is 46,000);
- "more than / at least X" by a value from X to 1.5 X, or a source itself open above X; "nearly / fewer than /
  up to X" by a value from two thirds of X to X, or a source range that ends at X ("three to four weeks" states
  "up to four weeks"); a bound is never stated by a bound the other way ("nearly 40" by "more than 40"); a
  vague claim ("hundreds") by a source interval it overlaps;
- percentages and fractions are shares: a fraction word states a share within 5% of it ("two-thirds" and
  "67%"); durations compare in days, and a date offset ("eight years ago") states its duration ("eight years
  after"); an age ("19-year-old") is also stated by "aged 19", "age of 19" or a name's ", 19,"; "both",
  "the pair" or "a couple" state a count of two ("trio" three, "quartet" four) when followed by the claim's
  noun ("both men") or, for a count of people, when naming people ("the pair"); an ordinal by its head used
  as a label ("Game 7"), a count by a tally ("voted 4-1"), and "over N <periods>" by the exact figure too
  (`verdicts.number_labels`);
- counts must count compatible things: the same (or synonymous) heads, one side without a head, or two nouns
  for people ("men", "people": `harness/resources/person_nouns.txt`).

Dates are left to the date rules of `verdicts.numbers`. A claim whose words a source text contains (stated as
not so alike) is stated by it (a date only when no source date contradicts it) wherever the finder reads no
number there: in a name ("the first minister" in "First Minister Carwyn Jones", lower-case "six nations"), or
in a date it does not read ("Saturday" in "Saturday's race").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from harness.claims.numbers import find_numbers
from harness.claims.numbers.counted import content_lemmas, same_head, singular
from harness.core.claim_types import NumberClaim
from harness.core.memo import Memo
from harness.goldset.load import GoldDocument
from harness.resources import word_list
from harness.verdicts.number_labels import labelled, over_periods, tallied
from harness.verdicts.number_sources import (
    TIME_KINDS,
    SourceNumber,
    denied_words,
    describe,
    is_negated,
    label,
    number_bounds,
    number_heads,
    number_measure,
    number_point,
)
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding

ROUNDING = 0.10
"""Largest relative gap between a value and the rounder figure that states it."""
ABOUT = 0.15
"""Largest relative gap between "about X" and a value that states it."""
ABOVE = 1.5
""""More than X" is stated by values up to this multiple of X (a writer rounds down, not by a factor of ten)."""
BELOW = 2 / 3
""""Nearly X" is stated by values down to this share of X."""

FRACTION = 0.05
"""Largest relative gap between a fraction word ("two-thirds") and a share that states it ("67%")."""

_ABOVE = frozenset({"more_than", "at_least"})
_BELOW = frozenset({"nearly", "fewer_than", "at_most"})
_OFFSET_WORDS = frozenset({"ago", "back", "earlier", "later", "before", "after"})
_Bounds = tuple[float, float, bool, bool]
_GROUP_WORDS = {
    2.0: re.compile(r"\b(?:both|pair|couple|duo)\b", re.IGNORECASE),
    3.0: re.compile(r"\btrio\b", re.IGNORECASE),
    4.0: re.compile(r"\bquartet\b", re.IGNORECASE),
}
"""Words that name a group of so many: "both men", "the pair" state a count of two (of what `_group` says)."""
_ASCII_CASES = {0x130: "i", 0x131: "i", 0x17F: "s"}
"""The letters a case-blind "i" or "s" matches whose lower case is not that letter (dotted and dotless I, long s)."""
_FOLDED: Memo[str] = Memo(64)


def significant_digits(value: float) -> int:
    """Significant digits as written: trailing zeros of a whole number do not count (50,000 has one)."""
    text = f"{abs(value):.12g}"
    if "e" in text:
        text = text.split("e", 1)[0]
    if "." in text:
        return max(1, len(text.replace(".", "").lstrip("0")))
    return max(1, len(text.rstrip("0")))


def last_digit(value: float) -> float:
    """The place of a value's last significant digit: 10,000 for 50,000, 0.1 for 14.8."""
    if value == 0:
        return 1.0
    return float(10 ** (math.floor(math.log10(abs(value))) - significant_digits(value) + 1))


def rounds_to(value: float, figure: float) -> bool:
    """Whether `figure` is `value` rounded to the figure's own significant digits, and close to it."""
    if math.isclose(value, figure):
        return True
    if figure == 0 or abs(value - figure) > ROUNDING * abs(figure):
        return False
    return math.isclose(float(f"{value:.{significant_digits(figure)}g}"), figure)


def _share(number: NumberClaim) -> bool:
    return number.kind in {"percent", "fraction"} and number.unit != "percentage point"


def family(number: NumberClaim) -> str:
    """What a value measures, for comparing values: fractions and percentages are both shares."""
    return "share" if _share(number) else number_measure(number)


def _scaled(number: NumberClaim, bounds: _Bounds | None, point: float | None) -> tuple[_Bounds | None, float | None]:
    """Shares in percent: a fraction's 2/3 is 66.7."""
    if number.kind != "fraction":
        return bounds, point
    scaled = None if bounds is None else (bounds[0] * 100, bounds[1] * 100, bounds[2], bounds[3])
    return scaled, None if point is None else point * 100


def states(claim: NumberClaim, source: NumberClaim, source_bounds: _Bounds | None, source_point: float | None) -> bool:
    """Whether a source value of the same family states the claim's value, by the rules of the module docstring."""
    claim_bounds, claim_point = _scaled(claim, number_bounds(claim), number_point(claim))
    source_bounds, source_point = _scaled(source, source_bounds, source_point)
    if claim_bounds is None or source_bounds is None:
        return False
    if claim_point is None:
        return _overlaps(claim_bounds, source_bounds) and (
            source_point is None or claim_bounds[0] <= source_point <= claim_bounds[1]
        )
    value, qualifier = claim_point, claim.qualifier
    if source_point is not None and math.isclose(value, source_point) and _direction(claim) == _direction(source):
        return True
    exact_source = source_point is not None and source.qualifier == "exact"
    if exact_source and math.isclose(source_point or 0.0, value) and over_periods(claim):
        return True
    if qualifier in _ABOVE:
        if source_bounds[1] == math.inf and math.isclose(source_bounds[0], value):
            return True
        low = value if qualifier == "at_least" else math.nextafter(value, math.inf)
        return source_point is not None and source.qualifier not in _BELOW and low <= source_point <= ABOVE * value
    if qualifier in _BELOW:
        if math.isclose(source_bounds[1], value):
            return True
        return source_point is not None and source.qualifier not in _ABOVE and BELOW * value <= source_point <= value
    if claim.kind == "fraction" and source_point is not None:
        return abs(source_point - value) <= FRACTION * abs(value)
    if source_point is None:
        if qualifier == "approximately":
            return source_bounds[0] <= value <= source_bounds[1] < math.inf
        return any(math.isclose(end, value) for end in source_bounds[:2])
    if qualifier == "approximately":
        return abs(source_point - value) <= min(ABOUT * abs(value), last_digit(value)) or rounds_to(source_point, value)
    if rounds_to(source_point, value):
        return True
    return source.qualifier in {"approximately", "vague"} and rounds_to(value, source_point)


def _direction(number: NumberClaim) -> int:
    """Which way a bound points: 1 for "more than / at least", -1 for "nearly / up to", else 0."""
    return 1 if number.qualifier in _ABOVE else -1 if number.qualifier in _BELOW else 0


def _overlaps(first: _Bounds, second: _Bounds) -> bool:
    return max(first[0], second[0]) <= min(first[1], second[1])


@lru_cache(maxsize=4096)
def offset_duration(text: str) -> NumberClaim | None:
    """The duration a date offset is written with ("eight years ago" -> "eight years"), else None."""
    parts = text.rsplit(None, 1)
    if len(parts) != 2 or parts[1].lower() not in _OFFSET_WORDS:
        return None
    found = find_numbers(f"for {parts[0]}")  # "for" makes "a week" a length of time
    return found[0] if len(found) == 1 and found[0].kind == "duration" else None


def _person(head: str) -> bool:
    return singular(head) in word_list("person_nouns")


def compatible_heads(claim: NumberClaim, source: SourceNumber, claim_heads: frozenset[str] | None = None) -> bool:
    """Counts of compatible things: see the module docstring (`claim_heads`: `number_heads(claim)`, if known)."""
    if number_measure(claim) != "count":
        return True
    claim_heads = number_heads(claim) if claim_heads is None else claim_heads
    if not claim_heads or not source.heads:
        return True
    if any(same_head(mine, theirs) for mine in claim_heads for theirs in source.heads):
        return True
    return any(_person(head) for head in claim_heads) and any(_person(head) for head in source.heads)


def _evidence(source: SourceNumber) -> Evidence:
    span = source.number.span
    return Evidence(document=source.document, start=span.start, end=span.end, text=span.text)


def _in_text(
    pattern: re.Pattern[str], documents: Sequence[GoldDocument], *, negated: bool | None = None
) -> Evidence | None:
    """The first place a source text matches `pattern` (stated as not so, or not, when `negated` is given)."""
    for document in documents:
        for found in pattern.finditer(document.text):
            if negated is None or is_negated(document.text, found.start(), found.end()) == negated:
                return Evidence(document=document.id, start=found.start(), end=found.end(), text=found.group())
    return None


def _group(claim: NumberClaim, pattern: re.Pattern[str], sources: Sources) -> Evidence | None:
    """A group word that counts what the claim counts: followed within three words by the claim's head ("both
    men" for "two men"), or naming people for a count of people ("the pair" for "two care workers")."""
    heads = number_heads(claim)
    people = any(_person(head) for head in heads)
    for document in sources.documents:
        for found in pattern.finditer(document.text):
            near = [singular(word) for word in re.findall(r"[A-Za-z]+", document.text[found.end() : found.end() + 60])][
                :3
            ]
            if not heads or any(same_head(head, word) for head in heads for word in near):
                return Evidence(document=document.id, start=found.start(), end=found.end(), text=found.group())
            if people and (found.group().lower() != "both" or any(_person(word) for word in near)):
                return Evidence(document=document.id, start=found.start(), end=found.end(), text=found.group())
    return None


def _written_out(claim: NumberClaim, sources: Sources) -> Evidence | None:
    """A value the finder does not read as a number but the text states: "both" or "the pair" (two), an age
    after "aged"."""
    point = number_point(claim)
    if point is None or claim.qualifier != "exact":
        return None
    if number_measure(claim) == "count" and point in _GROUP_WORDS:
        return _group(claim, _GROUP_WORDS[point], sources)
    age = claim.unit == "year" and claim.span.text.lower().endswith("old") and claim.value is not None
    if age and float(claim.value or 0).is_integer():
        years = int(claim.value or 0)
        pattern = re.compile(rf"\b(?:aged|age of)\s+{years}\b|,\s*{years}\s*,", re.IGNORECASE)
        return _in_text(pattern, sources.documents)
    return None


def witness(
    claim: NumberClaim, index: Sequence[SourceNumber], sources: Sources
) -> tuple[Evidence, SourceNumber | None] | None:
    """Evidence that the sources state the claim's value, with the source number that states it (None for a
    value written out in words); None when no source states it. Dates and years are not judged here."""
    if claim.kind in TIME_KINDS:
        return None
    wanted, heads = family(claim), number_heads(claim)
    counts = number_measure(claim) == "count"  # only counts need compatible heads
    for source in index:
        number = source.number
        if not isinstance(number, NumberClaim):
            continue
        bounds, point = source.bounds, source.point
        if number.kind in TIME_KINDS:
            duration = offset_duration(number.span.text)
            if duration is None:
                continue
            number, bounds, point = duration, number_bounds(duration), number_point(duration)
            measured = family(number)
        else:
            measured = "share" if _share(number) else source.measure  # `family`, the measure read once per source
        if measured != wanted or (counts and not compatible_heads(claim, source, heads)):
            continue
        if states(claim, number, bounds, point):
            return _evidence(source), source
    written = _written_out(claim, sources) or labelled(claim, sources) or tallied(claim, sources)
    return (written, None) if written is not None else None


def echoed(claim: NumberClaim, sources: Sources, *, negated: bool) -> Evidence | None:
    """The claim's words in a source text, stated as not so alike, whether or not the finder reads a number
    there ("Saturday" in "Saturday's race", "the first minister" in "First Minister Carwyn Jones")."""
    words = re.findall(r"[A-Za-z0-9]+", claim.span.text)
    lowered = [word.lower() for word in words]
    documents = [doc for doc in sources.documents if words and all(word in _folded(doc.text) for word in lowered)]
    if not documents:
        return None
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    return _in_text(pattern, documents, negated=negated)


def _folded(text: str) -> str:
    """`text` in lower case, with the letters a case-blind pattern of ASCII words also matches ("İ", "ı", "ſ")
    read as "i" and "s": a word such a pattern finds in `text` is a substring of this, so a document lacking
    one is passed over without a search (one per claim, over every source)."""
    return _FOLDED.get(text, lambda: text.translate(_ASCII_CASES).lower())


def settle_gold_free(
    claim: NumberClaim,
    finding: Finding,
    index: Sequence[SourceNumber],
    sources: Sources,
    *,
    summary: str,
    negated: bool,
) -> Finding:
    """The gold-free verdict on a claim of `summary` (`negated`: the summary states it as not so): a flagged
    claim whose value a source states, or whose words a source writes, negated alike (or negated in a clause
    about something else), is supported; a claim with a point value supported only because a source value lies
    inside it ("more than 1,000 years" by "10,000 years") and written nowhere is unsupported."""
    says = f"summary says {describe(claim)}"
    if claim.kind in TIME_KINDS:
        echo = echoed(claim, sources, negated=negated) if finding.verdict == "unsupported" else None
        return finding if echo is None else _written(claim, echo, says)
    found = witness(claim, index, sources)
    if found is not None:
        evidence, source = found
        if not finding.flagged:
            return finding
        if source is not None and source.negated != negated and not _other_clause(claim, summary, source, sources):
            return finding
        detail = f"{says}; {label(evidence.document)} states that value: '{evidence.text}'"
        return Finding.at("number", claim.span, "supported", (evidence,), detail)
    implied = finding.verdict == "supported" and number_point(claim) is not None
    if not (finding.flagged or implied):
        return finding
    echo = echoed(claim, sources, negated=negated)
    if echo is not None:
        return finding if finding.verdict == "supported" else _written(claim, echo, says)
    if not implied:
        return finding
    inside = "; ".join(f"'{item.text}'" for item in finding.evidence[:1])
    detail = f"{says}; no source states that value ({inside} only falls inside it)"
    return Finding.at("number", claim.span, "unsupported", finding.evidence, detail)


def _other_clause(claim: NumberClaim, summary: str, source: SourceNumber, sources: Sources) -> bool:
    """Whether the one side's negation denies something the other side's sentence does not say at all ("the two
    sides do not see eye to eye" against "the two sides had agreed"): then it does not deny the number."""
    if source.negated:
        document = next(document for document in sources.documents if document.id == source.document)
        span = source.number.span
        denied, other = denied_words(document.text, span.start, span.end), content_lemmas(summary)
    else:
        denied, other = denied_words(summary, claim.span.start, claim.span.end), source.context
    return bool(denied) and not denied & other


def _written(claim: NumberClaim, echo: Evidence, says: str) -> Finding:
    detail = f"{says}; {label(echo.document)} writes '{echo.text}'"
    return Finding.at("number", claim.span, "supported", (echo,), detail)
