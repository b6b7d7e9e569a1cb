"""Reading JSON Lines files (predictions, pairs tables, labelled sets), with errors that name the file, line and
field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from harness.errors import InputFileError

T = TypeVar("T")


def read_rows(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (1-based line number, object) for every non-blank line; InputFileError on anything else."""
    for number, _, row in read_rows_at(path):
        yield number, row


def read_rows_at(path: str | Path) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Yield (1-based line number, byte offset, object) for every non-blank line, reading one line at a time
    (a large file is never held whole); `row_at(path, offset)` reads that row again."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputFileError(path, "file not found; check the path given in the config") from None
    except OSError as error:
        raise InputFileError(path, f"cannot read: {error}") from error
    number = offset = 0
    with handle:
        for chunk in handle:
            for raw in chunk.splitlines(keepends=True):
                number += 1
                row = _row(path, number, raw.rstrip(b"\r\n"))
                if row is not None:
                    yield number, offset, row
                offset += len(raw)


def row_at(path: str | Path, offset: int) -> dict[str, Any]:
    """The row that starts at byte `offset` of a JSON Lines file (an offset `read_rows_at` gave)."""
    with Path(path).open("rb") as handle:
        handle.seek(offset)
        lines = handle.readline().splitlines()
    row = _row(Path(path), 0, lines[0] if lines else b"")
    if row is None:
        raise InputFileError(path, f"no row at byte {offset}; the file changed while it was read")
    return row


def _row(path: Path, number: int, raw: bytes) -> dict[str, Any] | None:
    """One line's object (None for a blank line); InputFileError naming the line when it is not one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputFileError(
            path,
            f"not UTF-8 (byte {raw[error.start]:#04x} at column {error.start + 1}); re-save the file as UTF-8",
            line=number,
        ) from None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputFileError(path, f"not valid JSON ({error.msg} at column {error.colno})", line=number) from None
    if not isinstance(row, dict):
        raise InputFileError(path, f"expected a JSON object, got {type(row).__name__}", line=number)
    return row


def field(path: str | Path, line: int, row: dict[str, Any], name: str, kind: type[T]) -> T:
    """Row field `name`, which must be present and of type `kind`."""
    if name not in row:
        raise InputFileError(path, f"missing field; every row needs '{name}'", line=line, field=name)
    value = row[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputFileError(
            path, f"expected {kind.__name__}, got {type(value).__name__} {value!r:.60}", line=line, field=name
        )
    return value
