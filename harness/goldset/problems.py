"""A validation problem, and tolerant reading that turns unreadable or ill-typed files into problems.

The validator must report every mistake in one pass, so reading here never raises: it returns the parsed
model (or None) together with the problems found, each naming the file, the annotation id and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake: where (file relative to the goldset root, line, annotation id, field) and what."""

    file: str
    id: str | None
    field: str | None
    message: str
    line: int | None = None

    def format(self, root: Path | None = None) -> str:
        """Render as `FILE[:LINE]: ID: FIELD: message` (`-` for an unknown id or field), as editors expect."""
        where = str(root / self.file) if root is not None else self.file
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.id or '-'}: {self.field or '-'}: {self.message}"


@dataclass(frozen=True)
class SourceFile:
    """A JSON file as read: its path relative to the goldset root and its raw text, for line look-ups."""

    relative: str
    raw: str

    def line_of_id(self, item_id: str | None) -> int | None:
        """The 1-based line on which `"id": "<item_id>"` appears, so a problem points at its annotation."""
        if item_id is None:
            return None
        match = re.search(r'"id"\s*:\s*' + re.escape(json.dumps(item_id)), self.raw)
        return self.raw.count("\n", 0, match.start()) + 1 if match else None

    def problem(self, item_id: str | None, field: str | None, message: str) -> Problem:
        return Problem(self.relative, item_id, field, message, self.line_of_id(item_id))


def read_json_file(root: Path, relative: str) -> tuple[SourceFile | None, Any, list[Problem]]:
    """Read and parse one JSON file; a missing file, bad encoding or bad JSON becomes a problem."""
    path = root / relative
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None, [Problem(relative, None, None, "file not found")]
    except UnicodeDecodeError as error:
        return None, None, [Problem(relative, None, None, f"not UTF-8 ({error.reason} at byte {error.start})")]
    source = SourceFile(relative, raw)
    try:
        return source, json.loads(raw), []
    except json.JSONDecodeError as error:
        message = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        return source, None, [Problem(relative, None, None, message, error.lineno)]


def _item_id(data: Any, loc: tuple[int | str, ...]) -> tuple[str | None, int]:
    """The id of the list item an error location points into, and how many loc parts name that item."""
    if len(loc) >= 2 and isinstance(data, dict) and isinstance(loc[1], int):
        items = data.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            item_id = items[loc[1]].get("id")
            if isinstance(item_id, str):
                return item_id, 2
            return f"{loc[0]}[{loc[1]}]", 2
    return None, 0


def _dotted(parts: tuple[int | str, ...]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_model(source: SourceFile, data: Any, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate parsed JSON against `model`; each pydantic error becomes a problem naming its item and field."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems = []
        for issue in error.errors():
            loc = tuple(issue["loc"])
            item_id, used = _item_id(data, loc)
            field = _dotted(loc[used:]) or None
            problems.append(source.problem(item_id, field, issue["msg"]))
        return None, problems


def read_model_file(root: Path, relative: str, model: type[M]) -> tuple[SourceFile | None, M | None, list[Problem]]:
    """Read, parse and type-check one file; never raises for bad content."""
    source, data, problems = read_json_file(root, relative)
    if source is None or problems:
        return source, None, problems
    parsed, problems = parse_model(source, data, model)
    return source, parsed, problems
