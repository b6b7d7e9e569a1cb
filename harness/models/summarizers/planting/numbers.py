"""Number errors: a changed value, date, qualifier, order of magnitude or unit, found from number claims.

Subtypes: `value` ("12" -> "14", always at least 15% off, so that no qualifier interval still holds it; a
year moves by one to three years),
`date` ("Sept. 4" -> "Sept. 5"), `qualifier` ("nearly 40" -> "more than 40"), `magnitude` ("40 percent" ->
"400 percent", "hundreds" -> "thousands") and `unit` ("12 countries" -> "12 Taliban leaders", "40 years" ->
"40 months").
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import replace

from harness.claims.numbers.lexicon import QUALIFIER_PHRASES, TENS_WORDS, TIME_UNITS, UNITS_WORDS
from harness.core.claim_types import NumberClaim
from harness.core.spans import Qualifier
from harness.models.summarizers.planting.sites import Site, match_case, site

_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d.,]\d)")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(st|nd|rd|th)\b")
_NUMBER_WORDS = {**UNITS_WORDS, **TENS_WORDS}
_WORD_OF = {value: word for word, value in _NUMBER_WORDS.items() if word not in ("nil",)}
_TIMES_TEN = {word: _WORD_OF[value * 10] for word, value in UNITS_WORDS.items() if 1 <= value <= 9}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_VAGUE_UP = {"dozens": "hundreds", "hundreds": "thousands", "thousands": "millions", "decades": "centuries"}
_CONTRAST: dict[Qualifier, str] = {
    "nearly": "more than",
    "more_than": "nearly",
    "at_least": "fewer than",
    "fewer_than": "more than",
    "at_most": "more than",
    "approximately": "more than",
}
_QUALIFIER_WORDS = re.compile(
    r"(?<![\w-])(?:" + "|".join(r"\s+".join(words) for words, _ in QUALIFIER_PHRASES) + r")(?![\w-])\s*$",
    re.IGNORECASE,
)
_OTHER_COUNTS = ("Taliban leaders", "provinces", "officials", "delegations", "soldiers", "cities")
_TIME_ORDER = ("day", "week", "month", "year")


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _date_sites(text: str, claim: NumberClaim) -> list[Site]:
    start, chunk = claim.span.start, claim.span.text
    for found in _DIGITS.finditer(chunk):
        day = int(found.group().replace(",", ""))
        if 1 <= day <= 31:
            new_day = day + 1 if day < 28 else day - 1
            end = start + found.end()
            suffix = _ORDINAL_SUFFIX.match(chunk, found.end())
            replacement = str(new_day)
            if suffix:
                end, replacement = start + suffix.end(), f"{new_day}{_ordinal(new_day)}"
            return [site(text, start + found.start(), end, replacement, "number", "date")]
    for names in (_WEEKDAYS, _MONTHS):
        for index, name in enumerate(names):
            named = re.search(rf"\b{name}\b", chunk, re.IGNORECASE)
            if named:
                other = names[(index + 1) % len(names)]
                return [site(text, start + named.start(), start + named.end(), other, "number", "date")]
    return []


def _numeral(chunk: str) -> re.Match[str] | None:
    """The first digit run or number word of a span."""
    words = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    return _DIGITS.search(chunk) or re.search(rf"(?<![\w])(?:{words})(?![\w])", chunk, re.IGNORECASE)


def _value_sites(text: str, claim: NumberClaim, rng: random.Random) -> list[Site]:
    found = _numeral(claim.span.text)
    if found is None:
        return []
    start, end = claim.span.start + found.start(), claim.span.start + found.end()
    written = found.group()
    sites: list[Site] = []
    if written[0].isdigit():
        value = int(written.replace(",", ""))
        step = rng.choice((1, 2, 3)) if claim.kind == "year" else max(1, math.ceil(0.15 * value)) + rng.choice((0, 1))
        new_value = value + step if step >= value or rng.random() < 0.5 else value - step
        render = f"{new_value:,}" if "," in written else str(new_value)
        sites.append(site(text, start, end, render, "number", "value"))
        if claim.kind != "year":
            sites.append(
                site(text, start, end, f"{value * 10:,}" if "," in written else f"{value}0", "number", "magnitude")
            )
    else:
        value = _NUMBER_WORDS[written.lower()]
        choices = [v for v in (value - 1, value + 1, value + 2) if v in _WORD_OF and v > 0 and v != value]
        if choices:
            sites.append(site(text, start, end, match_case(written, _WORD_OF[rng.choice(choices)]), "number", "value"))
        if written.lower() in _TIMES_TEN:
            sites.append(
                site(text, start, end, match_case(written, _TIMES_TEN[written.lower()]), "number", "magnitude")
            )
    return sites


def _unit_site(text: str, claim: NumberClaim, rng: random.Random) -> list[Site]:
    if claim.kind not in ("cardinal", "duration") or claim.unit in (None, "percent"):
        return []
    unit = claim.unit
    window_end = min(len(text), claim.span.end + 40)
    for found in re.finditer(r"[A-Za-z]+", text[claim.span.start : window_end]):
        word = found.group().lower()
        start, end = claim.span.start + found.start(), claim.span.start + found.end()
        if TIME_UNITS.get(word) == unit and unit in _TIME_ORDER:
            others = [u for u in _TIME_ORDER if u != unit]
            other = rng.choice(others)
            plural = word.endswith("s")
            return [
                site(text, start, end, match_case(found.group(), other + ("s" if plural else "")), "number", "unit")
            ]
        if word in {unit, unit + "s", unit + "es", unit[:-1] + "ies"} or (unit == "person" and word == "people"):
            return [site(text, start, end, rng.choice(_OTHER_COUNTS), "number", "unit")]
    return []


def _qualifier_site(text: str, claim: NumberClaim) -> list[Site]:
    if claim.qualifier not in _CONTRAST:
        return []
    numeral = _numeral(claim.span.text)
    head_end = claim.span.start + (numeral.start() if numeral else 0)
    head_start = max(0, claim.span.start - 25)
    found = _QUALIFIER_WORDS.search(text[head_start:head_end])
    if found is None:
        return []
    start = head_start + found.start()
    end = start + len(found.group().rstrip())
    return [site(text, start, end, match_case(found.group(), _CONTRAST[claim.qualifier]), "number", "qualifier")]


def _vague_site(text: str, claim: NumberClaim) -> list[Site]:
    for word, bigger in _VAGUE_UP.items():
        found = re.search(rf"\b{word}\b", claim.span.text, re.IGNORECASE)
        if found:
            start = claim.span.start + found.start()
            return [site(text, start, start + len(word), match_case(found.group(), bigger), "number", "magnitude")]
    return []


def number_sites(text: str, claims: Sequence[NumberClaim], rng: random.Random) -> list[Site]:
    """Every number error that could be planted in `text`, from the number claims found in it."""
    sites: list[Site] = []
    for claim in claims:
        found: list[Site] = []
        if claim.kind == "date":
            found = _date_sites(text, claim)
        elif claim.kind == "vague":
            found = _vague_site(text, claim)
        elif claim.kind in ("cardinal", "percent", "duration", "year", "money"):
            found = _value_sites(text, claim, rng) + _qualifier_site(text, claim) + _unit_site(text, claim, rng)
        sites += [
            replace(edit, scope=(min(edit.start, claim.span.start), max(edit.end, claim.span.end))) for edit in found
        ]
    return sites
