"""Other ways the sources may write a name the summary writes: without its titles, in parts, or as a place's
other name.

"Prof Mark Ellery of Halden University" is named by "Professor Mark Ellery of Halden University" (titles
dropped) or by "Mark Ellery" and "Halden University" apart (a person "of" an organization); "Pennsylvania" by
the dateline's "Pa.", "Netherlands" by "Dutch", and the reverse, from the place names resource
(`harness/resources/place_names.json`: countries and US states with their other names and adjectives).
"""

from __future__ import annotations

from functools import cache

from harness.claims.roles import is_title_word
from harness.core.text import fold
from harness.resources import table
from harness.verdicts.locate import find_name
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence


@cache
def place_groups() -> dict[str, tuple[str, ...]]:
    """Folded place name -> every name of that place (official, short, abbreviation, adjective)."""
    groups: dict[str, tuple[str, ...]] = {}
    for names in table("place_names")["places"]:
        for name in names:
            groups.setdefault(fold(name), tuple(names))
    return groups


def _found(names: list[str], sources: Sources) -> list[Evidence]:
    found = []
    for document in sources.documents:
        evidence = find_name(document, names)
        if evidence is not None:
            found.append(evidence)
    return found


def without_titles(written: str) -> str:
    """The name with its leading title words dropped ("Prof Mark Ellery" -> "Mark Ellery")."""
    words = written.split()
    while len(words) > 1 and is_title_word(words[0]):
        words = words[1:]
    return " ".join(words)


def other_names(written: str, sources: Sources) -> list[Evidence]:
    """Evidence that the sources name what `written` names in another way; [] when they do not."""
    bare = without_titles(written)
    if bare != written and (found := _found([bare], sources)):
        return found
    head, sep, tail = bare.partition(" of ")
    if sep and head.strip() and tail.strip():
        parts = [_found([head], sources), _found([tail.removeprefix("the ")], sources)]
        if all(parts):
            return parts[0] + parts[1]
    aliases = [name for name in place_groups().get(fold(bare), ()) if fold(name) != fold(bare)]
    return _found(aliases, sources) if aliases else []
