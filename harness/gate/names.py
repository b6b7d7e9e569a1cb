"""Which metric names a gate rule may use: a name no scorer knows is a typo, and a typo must not pass."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from functools import lru_cache

from harness.results.runs import Run

PATTERN_CHARS = "*?["


def _exact(names: Iterable[str]) -> set[str]:
    return {str(name) for name in names if not any(char in str(name) for char in PATTERN_CHARS)}


@lru_cache(maxsize=1)
def builtin_metric_names() -> frozenset[str]:
    """Every metric name the harness's own scorers declare by name (`metric_info`), without building them."""
    import harness.metrics

    names: set[str] = set()
    for module_info in pkgutil.walk_packages(harness.metrics.__path__, "harness.metrics."):
        module = importlib.import_module(module_info.name)
        for _, member in inspect.getmembers(module, inspect.isclass):
            declared = getattr(member, "metric_info", None)
            if member.__module__ == module.__name__ and isinstance(declared, dict):
                names |= _exact(declared)
    return frozenset(names)


def known_metrics(*runs: Run) -> set[str]:
    """Metric names the runs' samples report or their scorers declared, and those of the built-in scorers."""
    names = {name for run in runs for samples in run.samples.values() for s in samples for name in s.metrics}
    names |= {name for run in runs for model in run.summary.models.values() for name in model.metrics}
    names |= {name for run in runs for name in _exact(run.summary.metric_info)}
    return names | builtin_metric_names()
