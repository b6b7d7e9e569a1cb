"""A document's own date when no publication date is given: a full calendar date in its dateline.

News and wire copy open with the date ("LONDON, Sept. 4, 2018 (Reuters) -", "Published 4 September 2018",
"2018-09-04"). A full date (day, month and year) in the first `HEAD_LINES` non-empty lines and the first
`DATELINE_CHARS` characters is taken; a date further down is what the story reports, not when it was written,
so none is guessed from there. Without a dateline, relative dates ("next month", "on Tuesday") stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from harness.claims.numbers.find import find_numbers

DATELINE_CHARS = 200
HEAD_LINES = 5
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Dateline:
    """The date a text gives itself, as written, and the line (1-based) it stands on."""

    date: dt.date
    text: str
    line: int


def _head(text: str) -> str:
    """The text up to the end of its `HEAD_LINES`-th non-empty line, at most `DATELINE_CHARS` characters."""
    seen, end = 0, 0
    for line in text[:DATELINE_CHARS].splitlines(keepends=True):
        end += len(line)
        seen += bool(line.strip())
        if seen == HEAD_LINES:
            break
    return text[:end]


def dateline(text: str) -> Dateline | None:
    """The first full calendar date near the start of `text`, with where it stands, or None."""
    for claim in find_numbers(_head(text)):
        if claim.kind == "date" and claim.date is not None and _FULL_DATE.fullmatch(claim.date):
            line = text.count("\n", 0, claim.span.start) + 1
            return Dateline(dt.date.fromisoformat(claim.date), claim.span.text, line)
    return None


def find_dateline(text: str) -> dt.date | None:
    """The date of `dateline(text)`, or None."""
    found = dateline(text)
    return found.date if found else None
