"""Published figures of other factuality metrics on the same sets, from the package's reference table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class ReferenceFigure:
    """One published number: which system, on which data, which statistic, and where it was published."""

    system: str
    benchmarks: tuple[str, ...]
    data: str
    statistic: str
    value: float
    source: str
    table: str


def load_references() -> tuple[ReferenceFigure, ...]:
    """Every figure of `harness/metaeval/data/references.json`."""
    raw = json.loads(resources.files("harness.metaeval").joinpath("data/references.json").read_text("utf-8"))
    return tuple(ReferenceFigure(**{**figure, "benchmarks": tuple(figure["benchmarks"])}) for figure in raw["figures"])


def references_for(benchmark: str | None) -> tuple[ReferenceFigure, ...]:
    """The figures that belong beside a set reported under `benchmark`; none when it has no benchmark key."""
    if benchmark is None:
        return ()
    return tuple(figure for figure in load_references() if benchmark in figure.benchmarks)
