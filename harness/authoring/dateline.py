"""Find a document's dateline: a full calendar date near the top of the text (its first lines).

Recognized forms: ISO `2024-03-14`, `March 14, 2024` / `Mar. 14 2024`, and `14 March 2024`, in English.
A date further down is not a dateline (it is more likely an event's date), so only the head is searched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<num>\d{2})-(?P<day>\d{2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE),
)
HEAD_LINES = 5
"""How many non-empty lines at the top of a text may hold its dateline."""


@dataclass(frozen=True)
class Dateline:
    date: dt.date
    text: str
    line: int


def find_dateline(text: str) -> Dateline | None:
    """The first valid calendar date in the first `HEAD_LINES` non-empty lines, or None."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES:
            return None
        found = [match for pattern in PATTERNS for match in pattern.finditer(line)]
        for match in sorted(found, key=lambda match: match.start()):
            parts = match.groupdict()
            month = int(parts["num"]) if parts.get("num") else MONTHS[parts["month"].lower()]
            try:
                return Dateline(dt.date(int(parts["year"]), month, int(parts["day"])), match.group(0), number)
            except ValueError:
                continue
    return None
