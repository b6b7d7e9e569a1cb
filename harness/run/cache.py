"""The on-disk cache of model outputs: a rerun with the same model and input never calls the model again.

Each entry is one JSON file named by the sha256 of the model's resolved config (secrets removed, display
name left out) and its input. Entries are written to a temporary file and renamed into place, so an
interrupted run or parallel jobs of a multirun never leave a half-written entry. Errors are not cached:
a failed call is retried on the next run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from harness.run.fingerprint import sha256_json
from harness.run.secrets import without_secrets
from harness.run.writer import write_atomic

MISSING: Final = object()
"""What `OutputCache.get` returns for a key it does not hold."""


def cache_key(model_config: dict[str, Any], task: str, model_input: Any) -> str:
    return sha256_json({"model": without_secrets(model_config), "task": task, "input": model_input})


class OutputCache:
    """Model outputs under `root`, keyed by `cache_key`; a disabled cache stores nothing and finds nothing."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.root = root
        self.enabled = enabled

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any:
        """The cached output for `key`, or `MISSING`; an unreadable entry counts as missing."""
        if not self.enabled:
            return MISSING
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return MISSING
        return entry.get("output", MISSING) if isinstance(entry, dict) else MISSING

    def put(self, key: str, output: Any, *, model: str) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"model": model, "output": output}, ensure_ascii=False))
