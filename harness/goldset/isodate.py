"""Parse the ISO 8601 values a goldset may hold: a year, a month, a day, an ISO week, or an interval `A/B`."""

from __future__ import annotations

import datetime as dt
import re

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_bounds(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day `value` covers ("2018-09" -> Sept 1..30); raises ValueError if it is not ISO."""
    if "/" in value:
        first, _, last = value.partition("/")
        low, high = iso_bounds(first)[0], iso_bounds(last)[1]
        if low > high:
            raise ValueError(f"interval '{value}' ends before it starts")
        return low, high
    if match := _YEAR.match(value):
        year = int(match.group(1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if match := _MONTH.match(value):
        start = dt.date(int(match.group(1)), int(match.group(2)), 1)
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - dt.timedelta(days=1)
    if match := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday, monday + dt.timedelta(days=6)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = dt.date.fromisoformat(value)
        return day, day
    raise ValueError(f"'{value}' is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, or START/END)")


def iso_problem(value: str) -> str | None:
    """None when `value` is a valid ISO value, else a message saying what is wrong."""
    try:
        iso_bounds(value)
    except ValueError as error:
        message = str(error)
        return message if value in message else f"'{value}' is not a valid ISO date: {message}"
    return None
