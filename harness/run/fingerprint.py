"""Content hashes that identify what results were computed with: data files, scorer settings, model inputs,
and the harness's own code and data files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from harness import __version__
from harness.results.records import Fingerprint

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
"""The installed `harness` package: every code and data file below it enters `package_digest`."""

SKIPPED_PARTS = frozenset({"__pycache__"})
SKIPPED_SUFFIXES = frozenset({".pyc", ".pyo"})


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def sha256_json(value: Any) -> str:
    """sha256 of a JSON value in canonical form (sorted keys, no spaces), so equal settings hash equal."""
    return hashlib.sha256(_canonical(value)).hexdigest()


def sha256_json_items(items: Iterable[Any]) -> str:
    """`sha256_json(list(items))`, hashed item by item: a dataset's rows are never written out as one string."""
    digest = hashlib.sha256(b"[")
    for index, item in enumerate(items):
        digest.update(b"," + _canonical(item) if index else _canonical(item))
    digest.update(b"]")
    return digest.hexdigest()


def sha256_files(root: Path, files: Iterable[Path]) -> str:
    """sha256 over each file's path (relative to `root`) and bytes, in path order; files are read in chunks."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda item: item.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def _tree_files(root: Path) -> list[Path]:
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and not SKIPPED_PARTS.intersection(path.parts) and path.suffix not in SKIPPED_SUFFIXES
    ]


def sha256_path(path: Path) -> str:
    """sha256 of a file's bytes, or of every file below a folder (names and bytes); "missing" when absent."""
    if path.is_file():
        return sha256_files(path.parent, [path])
    if path.is_dir():
        return sha256_files(path, _tree_files(path))
    return "missing"


@lru_cache(maxsize=1)
def package_digest() -> str:
    """sha256 over the installed harness package's code and data files (resources included), computed once.

    It keys the output cache: any change to the code a model runs invalidates that model's cached outputs.
    """
    return sha256_files(PACKAGE_ROOT, _tree_files(PACKAGE_ROOT))


@lru_cache(maxsize=1)
def resources_digest() -> str:
    """sha256 over the package's data files (lexicons, gazetteers, `harness/resources/`): not its code.

    It enters every results file's fingerprint, so scores computed with other word lists are never mixed,
    while a code change that leaves the data alone keeps a committed baseline comparable.
    """
    data = [path for path in _tree_files(PACKAGE_ROOT) if path.suffix != ".py"]
    return sha256_files(PACKAGE_ROOT, data)


def make_fingerprint(data_digest: str, scorer_settings: Any) -> Fingerprint:
    return Fingerprint(
        harness_version=__version__,
        resources=resources_digest(),
        goldset=data_digest,
        scorers=sha256_json(scorer_settings),
    )
