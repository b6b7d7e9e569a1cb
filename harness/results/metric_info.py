"""What each metric a scorer reports means for a reader: which way is better and how it is aggregated.

A scorer declares `metric_info`, a mapping from metric name (or an `fnmatch` pattern for a family such as
`number_*`) to `MetricInfo`. The runner writes the declarations of a run's scorers into `metrics.json`, and
tables, `harness compare` and the gate read them there, so no reader keeps its own list of directions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Direction = Literal["higher", "lower", "neither"]
Aggregation = Literal["mean", "corpus"]


class MetricInfo(BaseModel):
    """`direction`: which values are better; `aggregation`: `mean` over samples, or `corpus` (one value from
    every sample at once, as a scorer's `aggregate(pairs)` computes it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    direction: Direction = "higher"
    aggregation: Aggregation = "mean"

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "lower"


HIGHER = MetricInfo()
LOWER = MetricInfo(direction="lower")
NEITHER = MetricInfo(direction="neither")
CORPUS = MetricInfo(aggregation="corpus")


def lookup(declarations: Mapping[str, MetricInfo], metric: str) -> MetricInfo | None:
    """The declaration of `metric`: its exact name first, else the longest pattern that matches it."""
    if metric in declarations:
        return declarations[metric]
    patterns = sorted((key for key in declarations if fnmatchcase(metric, key)), key=len, reverse=True)
    return declarations[patterns[0]] if patterns else None


def declared_by(scorers: Iterable[Any]) -> dict[str, MetricInfo]:
    """Every scorer's `metric_info` (a mapping, or a method returning one) merged into one mapping."""
    merged: dict[str, MetricInfo] = {}
    for scorer in scorers:
        info = getattr(scorer, "metric_info", None)
        if callable(info):
            info = info()
        if info:
            merged.update({str(name): MetricInfo.model_validate(value) for name, value in dict(info).items()})
    return merged
