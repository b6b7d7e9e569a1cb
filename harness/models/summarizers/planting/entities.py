"""Entity errors: a name swapped for another real entity of the same type, or for an invented name.

Gazetteer names (Russia, NATO, Afghans) become another gazetteer entity of the same type (`swap`); proper
names the gazetteer does not know, of two words or more (mostly people), become an invented name (`invented`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from harness.claims.entities import find_entities
from harness.core.spans import Entity
from harness.models.summarizers.planting.sites import Site, site

WITH_ARTICLE = frozenset({"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines"})
"""Names written after "the": a swap keeps the article right by staying inside or outside this set."""

INVENTED_PEOPLE = ("Karim Haidari", "Nadia Rostova", "Farid Zalmay", "Oleg Baranov", "Samira Qaderi", "Jamal Noori")
"""Names of no one in particular, used for `invented` swaps."""


def entity_sites(text: str, gazetteer: Sequence[Entity], rng: random.Random) -> list[Site]:
    """Every entity swap that could be planted in `text`."""
    by_id = {entity.id: entity for entity in gazetteer}
    sites: list[Site] = []
    for claim in find_entities(text, gazetteer):
        start, end = claim.span.start, claim.span.end
        if claim.entity is not None and claim.entity in by_id:
            original = by_id[claim.entity]
            after_the = original.type == "GPE" and text[:start].lower().endswith("the ")
            others = [
                entity
                for entity in gazetteer
                if entity.type == original.type
                and entity.description == original.description
                and entity.id != original.id
                and entity.name not in text
                and (entity.name in WITH_ARTICLE) == after_the
            ]
            if others:
                sites.append(site(text, start, end, rng.choice(others).name, "entity", "swap"))
        elif len(claim.span.text.split()) >= 2:
            invented = [name for name in INVENTED_PEOPLE if name not in text]
            sites.append(site(text, start, end, rng.choice(invented), "entity", "invented"))
    return sites
