"""General language resources of the claim finders and verdicts, kept as data files in one place.

Each file's origin and licence is in this folder's README.md. Word lists (`*.txt`) hold words separated by blanks
or lines (`#` starts a comment); tables (`*.json`) hold structured entries. `resources_digest()` hashes every file, so
a change to any list changes the fingerprint of results computed with it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from harness.errors import InputFileError

RESOURCE_DIR = Path(__file__).resolve().parent
_DATA_SUFFIXES = (".txt", ".json")


def _path(name: str, suffix: str) -> Path:
    path = RESOURCE_DIR / f"{name}{suffix}"
    if not path.is_file():
        raise InputFileError(path, f"no such resource '{name}{suffix}' in {RESOURCE_DIR}")
    return path


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of `NAME.txt`, lower-cased, separated by blanks or lines; `#` comments skipped."""
    entries: set[str] = set()
    for line in _path(name, ".txt").read_text(encoding="utf-8").splitlines():
        entries.update(line.split("#", 1)[0].lower().split())
    return frozenset(entries)


@cache
def synonym_groups(name: str) -> tuple[frozenset[str], ...]:
    """The groups of `NAME.txt`, one group of lower-cased words a line; `#` comments skipped."""
    lines = _path(name, ".txt").read_text(encoding="utf-8").splitlines()
    groups = (frozenset(line.split("#", 1)[0].lower().split()) for line in lines)
    return tuple(group for group in groups if len(group) > 1)


@cache
def table(name: str) -> Any:
    """The parsed content of `NAME.json`."""
    path = _path(name, ".json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputFileError(path, f"not valid JSON: {error.msg}", line=error.lineno) from None


@lru_cache(maxsize=1)
def resources_digest() -> str:
    """SHA-256 over the names and bytes of every resource file, in name order."""
    digest = hashlib.sha256()
    for path in sorted(RESOURCE_DIR.iterdir()):
        if path.suffix in _DATA_SUFFIXES:
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
