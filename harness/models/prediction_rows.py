"""What the two predictions-file models share: the file as what they read, and naming rows by line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harness.errors import ModelError


class PredictionRows:
    """A predictions file's rows by id (`_rows`: id -> (line, row)); subclasses fill `_rows` from `path`."""

    path: Path
    _rows: dict[str, tuple[int, Any]]

    def __init__(self, path: str, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        self._rows = {}
        self._unmatched: list[tuple[int, str]] = []

    def match_ids(self, ids: set[str]) -> list[str]:
        """Note the rows whose id matches no sample: named by file and line, and in a missing sample's error."""
        self._unmatched = [(line, key) for key, (line, _) in self._rows.items() if key not in ids]
        return [f"{self.path}, line {line}: id {key!r} matches no sample" for line, key in self._unmatched]

    def row(self, key: str) -> tuple[int, Any]:
        """(line, row) for `key`; a `ModelError` naming the file and the rows that matched nothing otherwise."""
        if key not in self._rows:
            unmatched = ", ".join(f"line {line} ({other!r})" for line, other in self._unmatched[:5])
            hint = f"; rows that match no sample: {unmatched}" if unmatched else ""
            raise ModelError(f"{self.path}: no prediction for {self.kind} {key!r}{hint}")
        return self._rows[key]

    def reads(self) -> list[Path]:
        """The predictions file: its content keys the output cache, so an edited file is read again."""
        return [self.path]
