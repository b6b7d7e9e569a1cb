"""Date expressions and their ISO values, resolved against an anchor (the document's publication date).

Forms: "Sept. 4", "Sep 4", "September 4", "4 September", "the 4th of September", "September 4, 2018",
"4 Sept 2018", "2018-09-04", "9/4/2018" (US order month/day; read day first only when the first part cannot
be a month, "23/8/2018"), "September 2018", "in September", "2001", "the 1990s", "next month", "this week",
"last year", "today", "on Wednesday". Without a year the nearest such date to the anchor is chosen
("Sept. 4" in an article of 2018-08-23 is 2018-09-04); with no anchor a month-day is written "--09-04" and
anchor-relative forms are left unresolved (date None).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from dateutil.relativedelta import relativedelta, weekday
from dateutil.relativedelta import weekdays as dateutil_weekdays

from harness.claims.numbers.tokens import Token

MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset({"may", "march", "mar", "jan", "dec"})
_MONTH_CONTEXT: Final[frozenset[str]] = frozenset({
    "in", "on", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next", "this", "of",
    "from", "before", "after", "through", "end"
})  # fmt: skip
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_RELATIVE_DAYS: Final[dict[str, int]] = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_SHIFTS: Final[dict[str, int]] = {"this": 0, "next": 1, "last": -1, "past": -1, "coming": 1}
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_ORDINAL_DAY_WORDS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip


@dataclass(frozen=True)
class DateMatch:
    """A date expression over tokens[first..last]: its kind and ISO value (None when it needs an anchor)."""

    first: int
    last: int
    kind: str
    date: str | None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"


def _nearest(month: int, day: int | None, anchor: dt.date) -> dt.date | None:
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 15))
        except ValueError:
            continue
    return min(candidates, key=lambda candidate: abs((candidate - anchor).days)) if candidates else None


def month_day_iso(month: int, day: int, year: int | None, anchor: dt.date | None) -> str | None:
    """ISO value of a month-day with an optional year ("--09-04" when neither a year nor an anchor is known)."""
    if year is not None:
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if anchor is None:
        return f"--{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    resolved = _nearest(month, day, anchor)
    return resolved.isoformat() if resolved and resolved.day == day else None


def _month_iso(month: int, year: int | None, anchor: dt.date | None) -> str | None:
    if year is not None:
        return f"{year:04d}-{month:02d}"
    if anchor is None:
        return None
    resolved = _nearest(month, None, anchor)
    return f"{resolved.year:04d}-{month:02d}" if resolved else None


def shifted_period(unit: str, shift: int, anchor: dt.date | None) -> str | None:
    """ISO value of "this/next/last week|month|year" and of day words, relative to `anchor`."""
    if anchor is None:
        return None
    if unit == "day":
        return (anchor + relativedelta(days=shift)).isoformat()
    if unit == "week":
        year, week, _ = (anchor + relativedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        moved = anchor + relativedelta(months=shift)
        return f"{moved.year:04d}-{moved.month:02d}"
    return f"{anchor.year + shift:04d}"


def period_bounds(unit: str, shift: int, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the week, month or year `shift` periods from the anchor's."""
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        first = anchor.replace(day=1) + relativedelta(months=shift)
        return first, first + relativedelta(months=1, days=-1)
    return dt.date(anchor.year + shift, 1, 1), dt.date(anchor.year + shift, 12, 31)


def interval_iso(first: dt.date, last: dt.date) -> str:
    """ "2018-08-01/2018-08-20", or one date when both ends are the same day."""
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


_BANDS: Final[dict[str, tuple[int, int]]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_RECENT: Final[dict[str, str]] = {"days": "day", "weeks": "week", "months": "month", "years": "year"}


def _band(first: dt.date, last: dt.date, band: str) -> str:
    low, high = _BANDS[band]
    return interval_iso(first.replace(day=low), first.replace(day=min(high, last.day)))


def recent_iso(unit: str, anchor: dt.date | None) -> str | None:
    """ "in recent days/weeks/months/years": back from the anchor by the bare plural's upper bound (guidelines)."""
    if anchor is None:
        return None
    if unit == "day":
        return interval_iso(anchor - dt.timedelta(days=7), anchor)
    if unit == "week":
        return interval_iso(anchor - dt.timedelta(weeks=5), anchor)
    if unit == "month":
        start = anchor - relativedelta(months=12)
        return f"{start.year:04d}-{start.month:02d}/{anchor.year:04d}-{anchor.month:02d}"
    return f"{anchor.year - 10:04d}/{anchor.year:04d}"


def weekday_iso(index: int, shift: int, anchor: dt.date | None) -> str | None:
    """The weekday's date: the latest on or before the anchor; after it for "next"; before it for "last"."""
    if anchor is None:
        return None
    day: weekday = dateutil_weekdays[index]
    if shift > 0:
        return (anchor + relativedelta(days=1, weekday=day(+1))).isoformat()
    if shift < 0:
        return (anchor + relativedelta(days=-1, weekday=day(-1))).isoformat()
    return (anchor + relativedelta(weekday=day(-1))).isoformat()


def _day(token: Token) -> int | None:
    if token.kind == "num":
        match = _ORDINAL_DAY.match(token.text)
        day = int(match.group(1)) if match else None
    else:
        day = _ORDINAL_DAY_WORDS.get(token.lower)
    return day if day is not None and 1 <= day <= 31 else None


def _year(token: Token | None) -> int | None:
    if token is None or token.kind != "num" or not re.fullmatch(r"\d{4}", token.text):
        return None
    year = int(token.text)
    return year if 1000 <= year <= 2200 else None


def _month_at(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    """(month, last token index) when tokens[index] is a capitalized month name, with its abbreviation dot."""
    if index >= len(tokens):
        return None
    token = tokens[index]
    if not token.is_word or not token.text[:1].isupper() or token.lower not in MONTHS:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    dotted = following is not None and following.text == "." and following.glued and len(token.text) <= 4
    return MONTHS[token.lower], index + 1 if dotted else index


def _day_token(tokens: Sequence[Token], index: int) -> tuple[int, int] | None:
    """(day, last token index) for "4", "4th" (glued suffix) or "fourth" at `index`."""
    if index >= len(tokens):
        return None
    token = tokens[index]
    if token.kind == "num" and re.fullmatch(r"\d{1,2}", token.text):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.glued and following.lower in {"st", "nd", "rd", "th"}:
            text = token.text + following.lower
            day = _day(Token(token.start, following.end, text, "num", token.glued, text.lower()))
            return (day, index + 1) if day else None
        if following is not None and following.glued and following.is_word:
            return None
        day = _day(token)
        return (day, index) if day else None
    if token.is_word and token.lower in _ORDINAL_DAY_WORDS:
        return _ORDINAL_DAY_WORDS[token.lower], index
    return None


def _optional_year(tokens: Sequence[Token], index: int) -> tuple[int | None, int]:
    """A year after a month-day, allowing a comma: (year or None, index of the last token used, or index-1)."""
    position = index
    if position < len(tokens) and tokens[position].text == ",":
        position += 1
    year = _year(tokens[position]) if position < len(tokens) else None
    if year is not None and not (position + 1 < len(tokens) and tokens[position + 1].glued and
                                 tokens[position + 1].is_word):  # fmt: skip
        return year, position
    return None, index - 1


def match_calendar_date(tokens: Sequence[Token], index: int, anchor: dt.date | None) -> DateMatch | None:
    """Month-name dates starting at `index`: "Sept. 4[, 2018]", "4[th] [of] September [2018]", "September"."""
    month = _month_at(tokens, index)
    if month is not None:
        return _month_first(tokens, index, month, anchor)
    day = _day_token(tokens, index)
    if day is None:
        return None
    position = day[1] + 1
    has_of = position < len(tokens) and tokens[position].lower == "of"
    month = _month_at(tokens, position + 1 if has_of else position)
    if month is None or (tokens[index].is_word and not has_of):
        return None
    year, last = _optional_year(tokens, month[1] + 1)
    return DateMatch(index, max(last, month[1]), "date", month_day_iso(month[0], day[0], year, anchor))


def _month_first(
    tokens: Sequence[Token], index: int, month: tuple[int, int], anchor: dt.date | None
) -> DateMatch | None:
    day = _day_token(tokens, month[1] + 1)
    if day is not None and tokens[day[1]].kind == "num":
        year, last = _optional_year(tokens, day[1] + 1)
        return DateMatch(index, max(last, day[1]), "date", month_day_iso(month[0], day[0], year, anchor))
    year = _year(tokens[month[1] + 1]) if month[1] + 1 < len(tokens) else None
    if year is not None:
        return DateMatch(index, month[1] + 1, "date", _month_iso(month[0], year, anchor))
    name = tokens[index]
    previous = tokens[index - 1].lower if index > 0 else ""
    if name.lower in _AMBIGUOUS_MONTHS and previous not in _MONTH_CONTEXT:
        return None
    if len(name.text) <= 4 and month[1] == index and name.lower not in {"may", "june", "july"}:
        return None
    return DateMatch(index, month[1], "date", _month_iso(month[0], None, anchor))


DATE_STARTERS: Final[frozenset[str]] = frozenset(
    {*MONTHS, *WEEKDAYS, *_ORDINAL_DAY_WORDS, *_RELATIVE_DAYS, *_SHIFTS, *_BANDS, "earlier", "later", "recent"}
)
"""The only words a calendar or relative date can start with: the finder passes over any other word at once."""


def _lower_at(tokens: Sequence[Token], index: int) -> str:
    return tokens[index].lower if index < len(tokens) else ""


def _period_part(tokens: Sequence[Token], index: int, anchor: dt.date | None) -> DateMatch | None:
    """ "earlier this week", "later this month", "early next month", "mid-September", "Earlier on Wednesday"."""
    lower = tokens[index].lower
    following = _lower_at(tokens, index + 1)
    unit = _lower_at(tokens, index + 2)
    if lower in {"earlier", "later"} and following == "on" and unit in WEEKDAYS and tokens[index + 2].text[0].isupper():
        return DateMatch(index, index + 2, "date", weekday_iso(WEEKDAYS[unit], 0, anchor))
    if lower in {"earlier", "later"} and following == "this" and unit in {"week", "month", "year"}:
        if anchor is None:
            return DateMatch(index, index + 2, "date", None)
        first, last = period_bounds(unit, 0, anchor)
        if lower == "earlier":
            last = max(first, anchor - dt.timedelta(days=1))
        else:
            first = min(last, anchor + dt.timedelta(days=1))
        return DateMatch(index, index + 2, "date", interval_iso(first, last))
    if lower in _BANDS:
        position = index + 2 if following == "-" and tokens[index + 1].glued else index + 1
        if _lower_at(tokens, position) in _SHIFTS and _lower_at(tokens, position + 1) == "month":
            if anchor is None:
                return DateMatch(index, position + 1, "date", None)
            first, last = period_bounds("month", _SHIFTS[_lower_at(tokens, position)], anchor)
            return DateMatch(index, position + 1, "date", _band(first, last, lower))
        month = _month_at(tokens, position)
        if month is not None and not (position + 1 < len(tokens) and _day_token(tokens, month[1] + 1)):
            iso = _month_iso(month[0], None, anchor)
            if iso is None:
                return DateMatch(index, month[1], "date", None)
            first = dt.date(int(iso[:4]), month[0], 1)
            return DateMatch(index, month[1], "date", _band(first, first + relativedelta(months=1, days=-1), lower))
    return None


def match_relative_date(tokens: Sequence[Token], index: int, anchor: dt.date | None) -> DateMatch | None:
    """Anchor-relative dates: "today", "next month", "this week", "this year", "recent weeks", "[next] Wednesday"."""
    token = tokens[index]
    lower = token.lower
    if lower in _RELATIVE_DAYS:
        return DateMatch(index, index, "date", shifted_period("day", _RELATIVE_DAYS[lower], anchor))
    part = _period_part(tokens, index, anchor)
    if part is not None:
        return part
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if lower == "recent" and following is not None and following.lower in _RECENT:
        return DateMatch(index, index + 1, "date", recent_iso(_RECENT[following.lower], anchor), qualifier="vague")
    if lower in _SHIFTS and following is not None and following.lower in {"week", "month", "year"}:
        if lower == "this" and following.lower == "year" and index > 0 and tokens[index - 1].lower == "of":
            return None
        return DateMatch(index, index + 1, "date", shifted_period(following.lower, _SHIFTS[lower], anchor))
    weekday_follows = following is not None and following.lower in WEEKDAYS and following.text[:1].isupper()
    if lower in {"next", "last", "this"} and following is not None and weekday_follows:
        return DateMatch(index, index + 1, "date", weekday_iso(WEEKDAYS[following.lower], _SHIFTS[lower], anchor))
    if lower in WEEKDAYS and token.text[:1].isupper():
        return DateMatch(index, index, "date", weekday_iso(WEEKDAYS[lower], 0, anchor))
    return None


def match_numeric_date(token: Token, anchor: dt.date | None) -> DateMatch | None:
    """All-digit dates in one token: "2018-09-04", "2018/09/04", "9/4/2018" (US order), "2018-09"."""
    text = token.text
    iso_match = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if iso_match:
        year, month, day = (int(part) for part in iso_match.groups())
        iso = month_day_iso(month, day, year, anchor) if 1 <= month <= 12 else None
        return DateMatch(0, 0, "date", iso) if iso else None
    slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if slash:
        first, second, year = (int(part) for part in slash.groups())
        if len(slash.group(3)) == 2:
            year += 2000 if year < 50 else 1900
        month, day = (first, second) if first <= 12 else (second, first)
        iso = month_day_iso(month, day, year, anchor) if 1 <= month <= 12 else None
        return DateMatch(0, 0, "date", iso) if iso else None
    year_month = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if year_month:
        year, second = int(year_month.group(1)), int(year_month.group(2))
        if second > year % 100:
            low, high = float(year), float(year - year % 100 + second)
            return DateMatch(0, 0, "year", f"{year:04d}/{int(high):04d}", None, low, high)
        if 1 <= second <= 12:
            return DateMatch(0, 0, "date", f"{year:04d}-{second:02d}")
    return None


@lru_cache(maxsize=4096)
def day_range(iso: str) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO value covers: a day, month, year, ISO week, decade ("199"), or "A/B" interval."""
    if "/" in iso:
        start, _, end = iso.partition("/")
        opening, closing = day_range(start), day_range(end)
        if opening is None or closing is None or opening[0] > closing[1]:
            return None
        return opening[0], closing[1]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            day = dt.date.fromisoformat(iso)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", iso):
            first = dt.date(int(iso[:4]), int(iso[5:]), 1)
            return first, first + relativedelta(months=1, days=-1)
        if re.fullmatch(r"\d{4}", iso):
            return dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31)
        if re.fullmatch(r"\d{3}", iso):
            return dt.date(int(iso) * 10, 1, 1), dt.date(int(iso) * 10 + 9, 12, 31)
        week = re.fullmatch(r"(\d{4})-W(\d{2})", iso)
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:
        return None
    return None
