"""Entity mentions in any text: every name, alias and metonym of an inventory, plus unknown proper names.

Inventory names match longest first, on word boundaries, with or without a possessive ("Russia's"); the span
never includes the possessive. Capitalized runs that no inventory name covers become candidate unknown
entities (entity None). A person's role or title stated next to the name is kept on the claim.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from harness.claims.name_index import name_matches
from harness.claims.roles import is_title_word, role_after, role_before
from harness.core.claim_types import EntityClaim
from harness.core.memo import Memo
from harness.core.spans import Entity, Span
from harness.core.text import TextSpan, match_before, sentences, word_matches
from harness.resources import word_list

_KIND_RANK = {"name": 0, "alias": 1, "metonym": 2}

CALENDAR_WORDS = word_list("calendar_words")
COMMON_WORDS = word_list("sentence_start_words")
"""Words that start sentences without naming anything."""
ORG_HEADS = word_list("organization_heads")
"""Last words that make a run a name of an organization even when a title word precedes them."""

NAME_FINAL_TITLES = frozenset({"state"})
"""Title words that may also end a name ("Islamic State"); a run ending in any other title is a role."""

_GAPS = frozenset({" ", " of ", " of the "})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LOWER_SUFFIX = re.compile(r"-[a-z][\w-]*$")
_LAST_WORD_BACK = re.compile(r"\W*(\w+)")
"""Backwards from an offset: marks and blanks, then the last word before them (reversed)."""
_PLAIN_WORD = re.compile(r"[\w-]+")
_LEADING_MARKS = " \t\n\"'\u201c\u201d\u2018\u2019#*([-_"


@dataclass(frozen=True)
class NameEntry:
    """One way of writing an inventory entity, with how it names it."""

    text: str
    entity: Entity
    kind: str


def name_entries(inventory: Sequence[Entity]) -> list[NameEntry]:
    """Every name, alias and metonym of the inventory, longest first, names before aliases before metonyms."""
    entries = [
        NameEntry(text, entity, kind)
        for entity in inventory
        for kind, texts in (("name", [entity.name]), ("alias", entity.aliases), ("metonym", entity.metonyms))
        for text in texts
        if text.strip()
    ]
    return sorted(entries, key=lambda entry: (-len(entry.text), _KIND_RANK[entry.kind]))


@dataclass(frozen=True)
class NameMatch:
    """An inventory name found in a text."""

    start: int
    end: int
    entry: NameEntry


def match_names(text: str, inventory: Sequence[Entity]) -> list[NameMatch]:
    """Non-overlapping inventory names in `text`, longest match first, sorted by position."""
    taken: list[NameMatch] = []  # disjoint and non-empty, so in order of start they are in order of end too
    starts: list[int] = []
    for entry in name_entries(inventory):
        for start, end in name_matches(text, entry.text):
            before = bisect_left(starts, end)  # the names taken that start before this one ends
            if before == 0 or taken[before - 1].end <= start:
                taken.insert(before, NameMatch(start, end, entry))
                starts.insert(before, start)
    return taken


def link_name(name: str, inventory: Sequence[Entity]) -> Entity | None:
    """The inventory entity that `name` names in full (any case, possessive ignored), or None."""
    bare = _POSSESSIVE.sub("", name.strip()).casefold()
    for entry in name_entries(inventory):
        if entry.text.casefold() == bare:
            return entry.entity
    return None


PREPOSITIONS = frozenset(("in", "at", "from", "to", "of", "with", "near", "for", "on", "by", "into", "across"))


def after_preposition(text: str, claim: EntityClaim) -> bool:
    """True when the word right before the mention is a preposition: the mention is then no clause subject."""
    previous = match_before(_LAST_WORD_BACK, text, claim.span.start)
    return previous is not None and previous.group(1)[::-1].lower() in PREPOSITIONS


def _sentence_starts(text: str) -> set[int]:
    starts = set()
    for sentence in sentences(text):
        offset = sentence.start
        while offset < sentence.end and text[offset] in _LEADING_MARKS:
            offset += 1
        starts.add(offset)
    return starts


def _capitalized_runs(text: str) -> list[list[TextSpan]]:
    """Runs of capitalized words joined by single spaces or by "of"/"of the"; a possessive ends its run."""
    runs: list[list[TextSpan]] = []
    for match in word_matches(text):
        written = match.group()
        if not written[:1].isupper():
            continue
        suffix = _LOWER_SUFFIX.search(written)
        start = match.start()
        token = (
            TextSpan(start, start + suffix.start(), written[: suffix.start()])
            if suffix
            else TextSpan(start, match.end(), written)
        )
        if runs:
            last = runs[-1][-1]
            gap = text[last.end : token.start]
            if gap in _GAPS and _POSSESSIVE.search(last.text) is None:
                runs[-1].append(token)
                continue
        runs.append([token])
    return runs


def _is_common_start(token: TextSpan, text: str, plain_words: frozenset[str], common: frozenset[str]) -> bool:
    """A sentence-initial word that is common, or that the text (or `common`) also writes in lower case.

    `plain_words` holds the text's maximal runs of word characters and hyphens; a word made only of those is
    written in lower case somewhere exactly when its lower-case form is one of them.
    """
    lower = token.text.lower()
    if lower in COMMON_WORDS or lower in common:
        return True
    if _PLAIN_WORD.fullmatch(lower):
        return lower in plain_words
    written = _WRITTEN_LOWER.get(text, dict)
    if lower not in written:
        written[lower] = re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None
    return written[lower]


_WRITTEN_LOWER: Memo[dict[str, bool]] = Memo(64)
"""Per text, whether it writes each word asked about in lower case: a word that is not all word characters
("It's") is looked for by a search of the whole text, once, however many sentences it starts."""


def _split_title(run: list[TextSpan], text: str) -> list[TextSpan]:
    """Drop a leading title run ("Russian Foreign Minister") from a name unless the name is an organization."""
    if run[-1].text.lower() in ORG_HEADS:
        return run
    title_positions = [index for index, token in enumerate(run) if is_title_word(token.text)]
    if not title_positions or title_positions[-1] == len(run) - 1:
        return run
    last = title_positions[-1]
    if text[run[last].end : run[last + 1].start] != " ":
        return run
    return run[last + 1 :]


def _reading(text: str) -> tuple[set[int], frozenset[str], list[list[TextSpan]]]:
    """What unknown names are read from, whatever the inventory and `common`: where sentences start, the text's
    plain words, and its capitalized runs."""
    return _sentence_starts(text), frozenset(_PLAIN_WORD.findall(text)), _capitalized_runs(text)


_READINGS: Memo[tuple[set[int], frozenset[str], list[list[TextSpan]]]] = Memo()


class _Cover:
    """Whether a span overlaps any of some spans, found by bisection on their starts and the furthest end reached
    up to each: a long text's inventory names are many, and testing each capitalized word against every one of
    them was quadratic in the text's length."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._furthest = list(itertools.accumulate((end for _, end in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # the spans that start before `end`
        return before > 0 and self._furthest[before - 1] > start


def _unknown_spans(text: str, covered: list[tuple[int, int]], common: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of capitalized runs that are no inventory name, calendar word, title or sentence-initial common word."""
    starts, plain_words, runs = _READINGS.get(text, lambda: _reading(text))
    is_covered = _Cover(covered)
    spans: list[tuple[int, int]] = []
    for run in runs:
        kept = [
            token
            for token in run
            if not is_covered(token.start, token.end) and token.text.lower().rstrip(".") not in CALENDAR_WORDS
        ]
        while kept and kept[0].start in starts and _is_common_start(kept[0], text, plain_words, common):
            kept = kept[1:]
        kept = _split_title(kept, text) if kept else kept
        last = kept[-1].text.lower() if kept else ""
        if not kept or (is_title_word(last) and last not in NAME_FINAL_TITLES and last not in ORG_HEADS):
            continue
        if any(later.start - earlier.end > 5 for earlier, later in itertools.pairwise(kept)):
            kept = kept[-1:]
        start, end = kept[0].start, kept[-1].end
        possessive = _POSSESSIVE.search(text[start:end])
        end -= len(possessive.group()) if possessive else 0
        if end < len(text) and text[end] == "." and "." in text[start:end]:
            end += 1
        spans.append((start, end))
    return spans


def _role(text: str, start: int, end: int, entity_type: str | None) -> str | None:
    if entity_type not in (None, "PERSON"):
        return None
    return role_before(text, start) or role_after(text, end)


def find_entities(
    text: str, inventory: Sequence[Entity] = (), common: frozenset[str] = frozenset()
) -> list[EntityClaim]:
    """Entity mentions in `text`: inventory names linked to their entity, other proper names unlinked.

    `common`: words known to be written in lower case elsewhere (the sources' words), so that a capitalized
    one at a sentence start ("Fewer than ten ...") is no name. Found once per distinct text, inventory and
    `common`: the quote and event finders read the same summary and the same sources.
    """
    key = (text, _inventory_key(inventory), common)
    return list(_FOUND.get(key, lambda: tuple(_find_entities(text, inventory, common))))


_FOUND: Memo[tuple[EntityClaim, ...]] = Memo()


def _inventory_key(inventory: Sequence[Entity]) -> tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...]:
    """What entity finding reads of an inventory: each entity's id, type, name, aliases and metonyms."""
    return tuple(
        (entity.id, entity.type, entity.name, tuple(entity.aliases), tuple(entity.metonyms)) for entity in inventory
    )


def _find_entities(text: str, inventory: Sequence[Entity], common: frozenset[str]) -> list[EntityClaim]:
    claims: list[EntityClaim] = []
    matches = match_names(text, inventory)
    for match in matches:
        entity = match.entry.entity
        claims.append(
            EntityClaim(
                span=Span(start=match.start, end=match.end, text=text[match.start : match.end]),
                type=entity.type,
                entity=entity.id,
                role=_role(text, match.start, match.end, entity.type),
            )
        )
    covered = [(match.start, match.end) for match in matches]
    for start, end in _unknown_spans(text, covered, common):
        role = _role(text, start, end, None)
        claims.append(
            EntityClaim(
                span=Span(start=start, end=end, text=text[start:end]),
                type="PERSON" if role is not None and role_before(text, start) is not None else None,
                role=role,
            )
        )
    return sorted(claims, key=lambda claim: claim.span.start)
