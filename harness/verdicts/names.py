"""A fuller personal name than the sources write: "Rex Tillerson" where an article only says "Tillerson".

The summary's name is supported by the source's surname when the sources name that surname and never with
other given names: "Rex Tillerson" is supported by "Tillerson said", contradicted in effect by "Mary
Tillerson" (no support is given). Title words and sentence-start function words before the surname are no
given names.
"""

from __future__ import annotations

import re

from harness.claims.entities import COMMON_WORDS
from harness.claims.name_index import name_matches
from harness.claims.roles import is_title_word
from harness.verdicts.locate import in_content
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence

_GIVEN_WORDS = re.compile(r"((?:[A-Z][\w.'\u2019-]*[ \t]+){1,3})$")
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]*(?:\.[A-Z]\.?)*")


def _given_names(text: str, start: int) -> list[str]:
    """The capitalized words right before `start` that may be given names (no titles, no function words)."""
    match = _GIVEN_WORDS.search(text[max(0, start - 60) : start])
    if match is None:
        return []
    words = match.group(1).split()
    while words and (is_title_word(words[0]) or words[0].lower() in COMMON_WORDS):
        words = words[1:]
    return [word for word in words if not is_title_word(word)]


def fuller_name(written: str, sources: Sources) -> list[Evidence]:
    """Evidence that a multi-word name's surname names the same person in the sources; [] when it does not."""
    parts = written.split()
    if len(parts) < 2 or not all(_NAME_WORD.fullmatch(part) for part in parts):
        return []
    surname, given = parts[-1], [part.rstrip(".").lower() for part in parts[:-1]]
    found: list[Evidence] = []
    for document in sources.documents:
        for start, end in name_matches(document.text, surname):
            if not in_content(document, start, end):
                continue
            theirs = [word.rstrip(".").lower() for word in _given_names(document.text, start)]
            if theirs and not _compatible(given, theirs):
                return []
            if not found or found[-1].document != document.id:
                found.append(Evidence(document=document.id, start=start, end=end, text=document.text[start:end]))
    return found


def _compatible(ours: list[str], theirs: list[str]) -> bool:
    """Given names agree when each one the source writes matches ours (an initial matches its name)."""
    for mine, other in zip(reversed(ours), reversed(theirs), strict=False):
        if not (
            mine == other or (len(other) == 1 and mine.startswith(other)) or (len(mine) == 1 and other.startswith(mine))
        ):
            return False
    return True
