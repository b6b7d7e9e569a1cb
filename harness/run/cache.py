"""The on-disk cache of model outputs: a rerun with the same model and input never calls the model again.

Each entry is one JSON file named by the sha256 of everything that determines the output: the model's
resolved config (secrets removed, display name left out), the content of every file or folder the model
reads (a model lists them with `reads()`), the harness version and the hash of its installed code and data,
the source file of the model's class, the task and the input. Entries are written to a temporary file and
renamed into place, so an interrupted run or parallel jobs of a multirun never leave a half-written entry.
Errors are not cached: a failed call is retried on the next run.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any, Final

from harness import __version__
from harness.run.fingerprint import package_digest, sha256_json, sha256_path
from harness.run.secrets import without_secrets
from harness.run.writer import write_atomic

MISSING: Final = object()
"""What `OutputCache.get` returns for a key it does not hold."""


def model_reads(model: Any) -> list[Path]:
    """The files and folders `model` reads its outputs from (its `reads()`), and those of the model it wraps
    (its `base`, as the corrupting summarizer has)."""
    reads = getattr(model, "reads", None)
    own = [Path(path) for path in reads()] if callable(reads) else []
    base = getattr(model, "base", None)
    return own + (model_reads(base) if base is not None and base is not model else [])


def _class_source(model: Any) -> str:
    """sha256 of the file that defines the model's class (a plug-in outside the package included)."""
    try:
        source = inspect.getsourcefile(type(model))
    except TypeError:
        return "builtin"
    return sha256_path(Path(source)) if source else "unknown"


def _wrapped(model: Any) -> list[Any]:
    chain = [model]
    while getattr(chain[-1], "base", None) is not None and len(chain) < 8:
        chain.append(chain[-1].base)
    return chain


def model_state(model: Any) -> dict[str, Any]:
    """What besides its config determines a model's outputs: the harness code, its class, the files it reads."""
    return {
        "harness": __version__,
        "package": package_digest(),
        "class": [_class_source(part) for part in _wrapped(model)],
        "reads": {str(path): sha256_path(path) for path in model_reads(model)},
    }


def cache_key(model_config: dict[str, Any], task: str, model_input: Any, state: dict[str, Any]) -> str:
    """The cache key of one model call; `state` is `model_state(model)`, computed once per model and run."""
    return sha256_json({"model": without_secrets(model_config), "task": task, "input": model_input, "state": state})


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
