"""Check that every scorer and model of a run can start before any model is called.

A scorer or model may define `preflight(self) -> None` that raises `ScorerUnavailableError` (scorers) or a
`HarnessError` (models) when it cannot run: a missing extra, a model path that does not exist, an endpoint
that does not answer. A model that reads its outputs from a file may define `match_ids(ids)`: it is told the
ids of the samples it will see, so it can name rows that match none (and, later, samples with no row).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from harness.errors import ConfigError, HarnessError, ScorerUnavailableError

log = logging.getLogger(__name__)


def _call(hook: Any, where: str, unavailable: type[HarnessError]) -> None:
    try:
        hook()
    except HarnessError:
        raise
    except Exception as error:
        raise unavailable(f"{where}: cannot start: {type(error).__name__}: {error}") from None


def preflight(scorers: Mapping[str, Any], models: Mapping[str, Any], sample_ids: Iterable[str]) -> None:
    """Run every `preflight()` hook (scorers first: they are the slow ones to fail) and every `match_ids`.

    `sample_ids` are the ids the models are asked for: a sample's input cluster (summarize) and its one
    document (extract) carry the sample's id.
    """
    for key, scorer in scorers.items():
        hook = getattr(scorer, "preflight", None)
        if callable(hook):
            _call(hook, f"scorer '{key}'", ScorerUnavailableError)
    for name, model in models.items():
        hook = getattr(model, "preflight", None)
        if callable(hook):
            _call(hook, f"model '{name}'", ConfigError)
        match = getattr(model, "match_ids", None)
        if callable(match):
            for message in match(set(sample_ids)):
                log.warning("%s: %s", name, message)
