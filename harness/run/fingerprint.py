"""Content hashes that identify what results were computed with: data files, scorer settings, model inputs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from harness import __version__
from harness.run.records import Fingerprint


def sha256_json(value: Any) -> str:
    """sha256 of a JSON value in canonical form (sorted keys, no spaces), so equal settings hash equal."""
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sha256_files(root: Path, files: Iterable[Path]) -> str:
    """sha256 over each file's path (relative to `root`) and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda item: item.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def make_fingerprint(data_digest: str, scorer_settings: Any) -> Fingerprint:
    return Fingerprint(harness_version=__version__, goldset=data_digest, scorers=sha256_json(scorer_settings))
