"""Reading JSON Lines files of model predictions, with errors that name the file, line and field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from harness.errors import InputFileError

T = TypeVar("T")


def read_rows(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (1-based line number, object) for every non-blank line; InputFileError on anything else."""
    path = Path(path)
    try:
        raw_lines = path.read_bytes().splitlines()
    except FileNotFoundError:
        raise InputFileError(path, "file not found; check the path in the model config") from None
    except OSError as error:
        raise InputFileError(path, f"cannot read: {error}") from error
    for number, raw in enumerate(raw_lines, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputFileError(
                path,
                f"not UTF-8 (byte {raw[error.start]:#04x} at column {error.start + 1}); re-save the file as UTF-8",
                line=number,
            ) from None
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputFileError(path, f"not valid JSON ({error.msg} at column {error.colno})", line=number) from None
        if not isinstance(row, dict):
            raise InputFileError(path, f"expected a JSON object, got {type(row).__name__}", line=number)
        yield number, row


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
