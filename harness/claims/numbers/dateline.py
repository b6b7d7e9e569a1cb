"""A document's own date when no publication date is given: a full calendar date in its dateline.

News and wire copy open with the date ("LONDON, Sept. 4, 2018 (Reuters) -", "Published 4 September 2018",
"2018-09-04"). A full date (day, month and year) within the first `DATELINE_CHARS` characters is taken; a
date later in the text is what the story reports, not when it was written, so none is guessed from there.
Without a dateline, relative dates ("next month", "on Tuesday") stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re

from harness.claims.numbers.find import find_numbers

DATELINE_CHARS = 200
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def find_dateline(text: str) -> dt.date | None:
    """The first full calendar date near the start of `text`, or None."""
    for claim in find_numbers(text[:DATELINE_CHARS]):
        if claim.kind == "date" and claim.date is not None and _FULL_DATE.fullmatch(claim.date):
            return dt.date.fromisoformat(claim.date)
    return None
