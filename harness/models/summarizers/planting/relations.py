"""Relation errors: the two participants of a clause swapped ("Russia invited the Taliban" -> "the Taliban
invited Russia"). Every word stays a word of the sources, so no entity, quote or number finder looks for it;
only a verdict on who did what to whom can catch it, and the sensitivity table shows how often none does."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from harness.claims.entities import find_entities
from harness.core.spans import Entity
from harness.core.text import fold, sentences
from harness.models.summarizers.planting.sites import Site, site

_CLAUSE_BREAK = re.compile(r"[,;:\"\u201c\u201d()]|\b(?:and|but|or|while|who|which|said|says)\b")
MAX_GAP_WORDS = 8
"""At most this many words between the two participants: further apart they are rarely one clause."""


def relation_sites(text: str, gazetteer: Sequence[Entity]) -> list[Site]:
    """Every swap of two different entity mentions of one clause (no comma or conjunction between them)."""
    claims = find_entities(text, gazetteer)
    sites: list[Site] = []
    for sentence in sentences(text):
        inside = [c for c in claims if sentence.start <= c.span.start and c.span.end <= sentence.end]
        for first, second in itertools.pairwise(inside):
            between = text[first.span.end : second.span.start]
            if (
                fold(first.span.text) == fold(second.span.text)
                or (first.entity is not None and first.entity == second.entity)
                or _CLAUSE_BREAK.search(between)
                or not 1 <= len(between.split()) <= MAX_GAP_WORDS
            ):
                continue
            swapped = second.span.text + between + first.span.text
            sites.append(site(text, first.span.start, second.span.end, swapped, "relation", "swap_participants"))
    return sites
