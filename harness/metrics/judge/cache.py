"""Every judge call kept on disk, keyed by the model, the prompt version and hash, the messages and options."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from harness.models.openai_client import Completion


def call_key(parts: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of everything that decides an answer."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class CallCache:
    """One JSON file per call under `root/<2 hex>/<key>.json`, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Completion | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return Completion(str(data["text"]), int(data["prompt_tokens"]), int(data["completion_tokens"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, completion: Completion) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            "text": completion.text,
            "prompt_tokens": completion.prompt_tokens,
            "completion_tokens": completion.completion_tokens,
        }
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(record, stream, ensure_ascii=False)
        os.replace(temporary, path)


def default_root() -> Path:
    """`judge/` in the harness cache folder (`$HARNESS_CACHE_DIR`, else `.cache/harness/` of the checkout)."""
    from harness.core.paths import default_cache_dir

    return default_cache_dir() / "judge"
