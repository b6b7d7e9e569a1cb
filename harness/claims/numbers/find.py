"""Entry point: every numeric expression of a text as a normalized `NumberClaim`.

The finder walks the tokens once, left to right, trying at each token a date (all-digit, month-name, then
anchor-relative), then a quantity with its qualifier; a match consumes its tokens. It never raises on any
string and runs in time linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dateutil.relativedelta import relativedelta

from harness.claims.numbers.dates import (
    DATE_STARTERS,
    DateMatch,
    interval_iso,
    match_calendar_date,
    match_numeric_date,
    match_relative_date,
)
from harness.claims.numbers.labels import label_end as end_of_label
from harness.claims.numbers.lists import mark_lists
from harness.claims.numbers.names import in_name
from harness.claims.numbers.parse import Expression
from harness.claims.numbers.ranges import SPAN_STARTERS, is_label, read_span
from harness.claims.numbers.tokens import Token, tokenize
from harness.core.claim_types import NumberClaim
from harness.core.spans import Span


def _date_at(tokens: list[Token], index: int, anchor: dt.date | None) -> DateMatch | None:
    """The date starting at `index`; relative to an anchor at the calendar's edge ("next week" in 9999) it is
    left unresolved, as without an anchor."""
    try:
        return _match_date(tokens, index, anchor)
    except (ValueError, OverflowError):
        return _match_date(tokens, index, None)


def _match_date(tokens: list[Token], index: int, anchor: dt.date | None) -> DateMatch | None:
    token = tokens[index]
    if token.kind == "num" and not (token.glued and index > 0 and tokens[index - 1].is_word):
        numeric = match_numeric_date(token, anchor)
        if numeric is not None:
            return replace(numeric, first=index, last=index)
    if token.kind == "punct" or (token.kind == "word" and token.lower not in DATE_STARTERS):
        return None
    return match_calendar_date(tokens, index, anchor) or match_relative_date(tokens, index, anchor)


def _date_claim(text: str, tokens: list[Token], found: DateMatch) -> NumberClaim:
    start, end = tokens[found.first].start, tokens[found.last].end
    return NumberClaim(
        span=Span(start=start, end=end, text=text[start:end]),
        kind="year" if found.kind == "year" else "date",
        value=found.value,
        low=found.low,
        high=found.high,
        qualifier="vague" if found.qualifier == "vague" else "exact",
        date=found.date,
    )


_AGO_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "hour": "hours"}


def _offset_date(tokens: list[Token], found: Expression, anchor: dt.date | None) -> DateMatch | None:
    """ "a few days back", "two years ago": a date, the anchor minus the quantity's interval."""
    following = tokens[found.last + 1] if found.last + 1 < len(tokens) else None
    if following is None or following.lower not in {"ago", "back"} or found.unit not in _AGO_UNITS:
        return None
    if found.low is None or found.high is None:
        return None
    qualifier = "vague" if found.qualifier == "vague" else "exact"
    unresolved = DateMatch(found.first, found.last + 1, "date", None, qualifier=qualifier)
    if anchor is None:
        return unresolved
    unit = _AGO_UNITS[found.unit]
    try:
        earliest = anchor - relativedelta(**{unit: int(found.high)})
        latest = anchor - relativedelta(**{unit: int(found.low)})
    except (ValueError, OverflowError):
        return unresolved  # "12 million months ago": before year 1, no calendar date
    if found.unit == "year":
        iso = f"{earliest.year:04d}" if earliest.year == latest.year else f"{earliest.year:04d}/{latest.year:04d}"
    else:
        iso = interval_iso(earliest, latest)
    return DateMatch(found.first, found.last + 1, "date", iso, qualifier=qualifier)


def _quantity_claim(text: str, tokens: list[Token], found: Expression) -> NumberClaim:
    start, end = tokens[found.first].start, tokens[found.last].end
    counted = None
    if found.counted is not None:
        counted = text[tokens[found.counted[0]].start : tokens[found.counted[1]].end]
    quantity = None
    if found.core_last is not None and found.core_last < found.last:
        core_end = tokens[found.core_last].end
        quantity = Span(start=start, end=core_end, text=text[start:core_end])
    return NumberClaim(
        span=Span(start=start, end=end, text=text[start:end]),
        quantity=quantity,
        kind=found.kind,
        value=found.value,
        low=found.low,
        high=found.high,
        low_open=found.low_open,
        high_open=found.high_open,
        unit=found.unit,
        counted=counted,
        qualifier=found.qualifier,
        date=found.date,
    )


def _cited_year(tokens: list[Token], found: DateMatch | Expression) -> bool:
    """A year in a reference ("Smith et al. (2011)", "(Jones, 2004; Lee, 2010)", "(Kennett and Stott 1991)",
    "Zeebe et al., 2009", "(2001, 2004)"): bibliography, not a claim."""
    if found.kind != "year" or found.first != found.last:
        return False
    return _reference_year(tokens, found.first)


def _reference_year(tokens: list[Token], index: int) -> bool:
    """The year at `index` follows "et al." or another reference year, or closes a bracketed reference after a
    name."""
    position = index - 1
    if position >= 0 and tokens[position].text in {",", "("}:
        position -= 1
    if position >= 0 and tokens[position].text == ".":
        position -= 1
    if position >= 0 and tokens[position].lower == "al":
        return True
    if position >= 1 and tokens[position].lower in {"a", "b", "c"} and tokens[position].glued:
        position -= 1  # "2006a, 2006b"
    previous = tokens[position] if position >= 0 else None
    listed = previous is not None and previous.kind == "num" and len(previous.text) == 4 and previous.text.isdigit()
    if listed and tokens[index - 1].text == "," and _reference_year(tokens, position):
        return True
    return _closes_bracketed_reference(tokens, index) or _author_year(tokens, index)


def _author_year(tokens: list[Token], index: int) -> bool:
    """ "Scher and Martin, 2006)", "Keller and Pardo, 2004;", "Ben-Jaffel, 2007, 2008;": a name, a comma and a
    year that ends a reference, however far its bracket opened."""
    if index < 2 or tokens[index - 1].text != "," or not tokens[index - 2].text[:1].isupper():
        return False
    position = index + 1
    while position + 1 < len(tokens) and tokens[position].text == "," and tokens[position + 1].kind == "num":
        position += 2  # more years of the same authors
    return position < len(tokens) and tokens[position].text in {";", ")"}


def _closes_bracketed_reference(tokens: list[Token], index: int) -> bool:
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if following not in {")", "]", ";", ","} and not (following in {"a", "b", "c"} and index + 2 < len(tokens)):
        return False
    window = [token.text for token in tokens[max(0, index - 12) : index]]
    opened = max((i for i, text in enumerate(window) if text in {"(", "["}), default=-1)
    if opened < 0 or any(text in {")", "]"} for text in window[opened:]):
        return False
    position = index - 1
    for mark in ("(", ",", "."):
        if position >= 0 and tokens[position].text == mark:
            position -= 1
    previous = tokens[position] if position >= 0 else None
    return previous is not None and (previous.lower == "al" or (previous.is_word and previous.text[:1].isupper()))


_WORD_STARTERS = DATE_STARTERS | SPAN_STARTERS
"""Words at which a date or a quantity can start; the finder steps over any other word."""


def find_numbers(text: str, *, anchor: dt.date | None = None) -> list[NumberClaim]:
    """Every numeric expression of `text`, normalized by the ARCHITECTURE.md "Numbers" convention.

    `anchor` (the publication date) resolves dates without a year and relative dates ("next month").
    """
    if not isinstance(text, str) or not text:
        return []
    tokens = tokenize(text)
    claims: list[NumberClaim] = []
    index = 0
    label_end: int | None = None
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "word" and token.lower not in _WORD_STARTERS:
            index += 1  # no label, date or quantity starts at this word
            continue
        if is_label(tokens, index, label_end):
            label_end = end_of_label(tokens, index)
            index = label_end + 1
            continue
        date = _date_at(tokens, index, anchor)
        if date is not None:
            if not _cited_year(tokens, date):
                claims.append(_date_claim(text, tokens, date))
            index = date.last + 1
            continue
        if in_name(tokens, index):
            index += 1
            continue
        expression = read_span(tokens, index)
        if expression is not None:
            offset = _offset_date(tokens, expression, anchor)
            if offset is not None:
                claims.append(_date_claim(text, tokens, offset))
                index = offset.last + 1
                continue
            if not _cited_year(tokens, expression):
                claims.append(_quantity_claim(text, tokens, expression))
            index = expression.last + 1
            continue
        index += 1
    return mark_lists(text, claims)
