"""A wrapper that plants known errors into another summarizer's output, to measure whether scorers catch them.

Each planted error is recorded in `Summary.metadata["planted"]` with its type, subtype, the original and
planted text and exact offsets in the corrupted text. The choice of errors depends only on `seed`, the
cluster id and the base summary, so a run is reproducible.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

from harness.claims.numbers.find import find_numbers
from harness.errors import ConfigError
from harness.models.gazetteer import load_gazetteer
from harness.models.protocols import SourceCluster, Summarizer, Summary
from harness.models.summarizers.planting.entities import entity_sites
from harness.models.summarizers.planting.negations import negation_sites
from harness.models.summarizers.planting.numbers import number_sites
from harness.models.summarizers.planting.quotes import quote_sites
from harness.models.summarizers.planting.relations import relation_sites
from harness.models.summarizers.planting.sites import ALL_ERROR_TYPES, ERROR_TYPES, ErrorType, Site, apply_sites


class CorruptingSummarizer:
    """Plants `count` errors (or `rate` x the candidate sites) of the given types into `base`'s summary."""

    def __init__(
        self,
        base: Summarizer,
        errors: Sequence[str] = ERROR_TYPES,
        count: int | None = 1,
        rate: float | None = None,
        seed: int = 0,
        gazetteer: str | None = None,
    ) -> None:
        unknown = [name for name in errors if name not in ALL_ERROR_TYPES]
        if unknown or not errors:
            raise ConfigError(
                f"corrupt: errors must be a non-empty subset of {list(ALL_ERROR_TYPES)}, got {list(errors)}"
            )
        if (count is None) == (rate is None):
            raise ConfigError("corrupt: set exactly one of count (errors per summary) and rate (share of sites)")
        if count is not None and count < 1:
            raise ConfigError(f"corrupt: count must be at least 1, got {count}")
        if rate is not None and not 0.0 < rate <= 1.0:
            raise ConfigError(f"corrupt: rate must be in (0, 1], got {rate}")
        self.base = base
        self.errors: tuple[ErrorType, ...] = tuple(name for name in ALL_ERROR_TYPES if name in errors)
        self.count = count
        self.rate = rate
        self.seed = seed
        self.gazetteer = load_gazetteer(gazetteer)

    def candidate_sites(self, text: str, rng: random.Random) -> dict[ErrorType, list[Site]]:
        """Every site where an error of each requested type could be planted in `text`."""
        finders = {
            "number": lambda: number_sites(text, find_numbers(text), rng),
            "entity": lambda: entity_sites(text, self.gazetteer, rng),
            "quote": lambda: quote_sites(text, self.gazetteer, rng),
            "negation": lambda: negation_sites(text),
            "relation": lambda: relation_sites(text, self.gazetteer),
        }
        return {name: finders[name]() for name in self.errors}

    def choose(self, candidates: dict[ErrorType, list[Site]], rng: random.Random) -> list[Site]:
        """Non-overlapping sites, taking the error types in turn (in a seeded order) until the quota is met."""
        total = sum(len(sites) for sites in candidates.values())
        quota = self.count if self.count is not None else math.ceil((self.rate or 0.0) * total)
        queues = {name: rng.sample(sites, len(sites)) for name, sites in candidates.items() if sites}
        order = rng.sample(sorted(queues), len(queues))
        chosen: list[Site] = []
        while len(chosen) < quota and any(queues.values()):
            for name in order:
                queue = queues[name]
                while queue:
                    candidate = queue.pop()
                    if not any(candidate.overlaps(other) for other in chosen):
                        chosen.append(candidate)
                        break
                if len(chosen) >= quota:
                    break
        return chosen

    def summarize(self, cluster: SourceCluster) -> Summary:
        produced = self.base.summarize(cluster)
        base = produced if isinstance(produced, Summary) else Summary(produced)
        rng = random.Random(f"{self.seed}:{cluster.id}:{base.text}")
        text, planted = apply_sites(base.text, self.choose(self.candidate_sites(base.text, rng), rng))
        metadata: dict[str, Any] = {**base.metadata, "planted": planted}
        if base.metadata:
            metadata["base"] = base.metadata
        return Summary(text, metadata=metadata)
