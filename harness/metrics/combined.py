"""One verdict score per summary from the per-sample metrics of whichever consistency scorers ran.

Rule (documented in docs/metrics.md, "Combined score"): each configured component that reported on the summary gives
a score in [0, 1], higher = more consistent. A claim-count component (`number_flagged` of `number_claims`, ...)
scores `1 - weight * flagged / claims` (`weight` 0.5: a summary whose every number is flagged keeps half its score),
or nothing when the summary has no such claim; a score component (`lexical_support`, `lexical_trigram_support`,
`nli_score`, `judge_score`) scores its own value. `combined_score` is the product of the component scores (1.0 when
none reported): one flagged claim of any kind lowers it, and more flags lower it more. `combined_flag` is 1 when
`combined_score` is below `threshold` (`DEFAULT_THRESHOLD`, chosen on development data; choose another for another
suite of scorers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from harness.errors import ConfigError
from harness.metrics.protocols import SampleScore
from harness.results.metric_info import HIGHER, LOWER, MetricInfo
from harness.verdicts.sources import Sources

DEFAULT_COUNTS: tuple[tuple[str, str], ...] = (
    ("number_flagged", "number_claims"),
    ("entity_flagged", "entity_claims"),
    ("quote_flagged", "quote_claims"),
    ("event_contradictions", "event_claims"),
)
DEFAULT_SCORES: tuple[str, ...] = ("lexical_support", "lexical_trigram_support", "nli_score", "judge_score")
DEFAULT_WEIGHT = 0.5
"""How much a claim-count component can take away: chosen on FRANK's validation split with the threshold."""
DEFAULT_THRESHOLD = 0.684
"""The `combined_score` below which `combined_flag` is 1: the best balanced accuracy of the default offline
suite on FRANK's validation split (bench/validity.py; see docs/validity.md)."""


class CombinedScorer:
    """Combines other scorers' per-sample metrics into `combined_score` and `combined_flag`.

    `counts`: pairs `[flagged metric, claims metric]`; `scores`: metrics already in [0, 1]; a component whose
    metrics a summary lacks (its scorer did not run, or found no claim) is left out of that summary's product.
    """

    name = "combined"
    metric_info: ClassVar[dict[str, MetricInfo]] = {"combined_score": HIGHER, "combined_flag": LOWER}

    def __init__(
        self,
        counts: Sequence[Sequence[str]] = DEFAULT_COUNTS,
        scores: Sequence[str] = DEFAULT_SCORES,
        threshold: float = DEFAULT_THRESHOLD,
        weight: float = DEFAULT_WEIGHT,
    ) -> None:
        pairs = [tuple(pair) for pair in counts]
        if any(len(pair) != 2 or not all(isinstance(name, str) for name in pair) for pair in pairs):
            raise ConfigError(f"combined scorer: counts must be [flagged metric, claims metric] pairs, got {counts!r}")
        if not 0.0 < float(threshold) <= 1.0:
            raise ConfigError(f"combined scorer: threshold must be in (0, 1], got {threshold!r}")
        self.counts: tuple[tuple[str, str], ...] = tuple((str(a), str(b)) for a, b in pairs)
        self.scores = tuple(str(name) for name in scores)
        if not 0.0 <= float(weight) <= 1.0:
            raise ConfigError(f"combined scorer: weight must be in [0, 1], got {weight!r}")
        self.threshold = float(threshold)
        self.weight = float(weight)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Nothing of its own: the runner calls `combine` with the other scorers' metrics."""
        return SampleScore(metrics={})

    def components(self, metrics: Mapping[str, float]) -> dict[str, float]:
        """The score of every component that reported on this summary, by its metric name."""
        found: dict[str, float] = {}
        for flagged, claims in self.counts:
            total = metrics.get(claims, 0.0)
            if total > 0 and flagged in metrics:
                found[flagged] = 1.0 - self.weight * min(metrics[flagged], total) / total
        for name in self.scores:
            if name in metrics:
                found[name] = min(max(float(metrics[name]), 0.0), 1.0)
        return found

    def combine(self, metrics: Mapping[str, float]) -> dict[str, float]:
        """`combined_score` and `combined_flag` of one summary from the metrics the other scorers reported."""
        score = 1.0
        for value in self.components(metrics).values():
            score *= value
        return {"combined_score": score, "combined_flag": float(score < self.threshold)}
