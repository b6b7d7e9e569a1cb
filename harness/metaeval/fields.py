"""Reading one field of one record, with errors that name the file, the line (or record) and the field.

Every reader maps the fields it needs to the column names of the user's copy of the set through a
`columns` mapping from the config; a missing required field or an unreadable value raises `InputFileError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from harness.errors import InputFileError
from harness.metaeval.items import ErrorSpan, Split, normalize_split

CONSISTENT_LABELS = frozenset(
    {"1", "true", "correct", "consistent", "faithful", "factual", "supported", "yes", "entailment"}
)
INCONSISTENT_LABELS = frozenset(
    {"0", "false", "incorrect", "inconsistent", "unfaithful", "hallucinated", "not_factual", "unsupported", "no"}
)


@dataclass(frozen=True)
class Where:
    """A record's place in its file, for error messages: a line number, or else a record index."""

    path: str
    line: int | None = None
    record: int | None = None

    def error(self, field: str, message: str) -> InputFileError:
        if self.line is None and self.record is not None:
            message = f"record {self.record}: {message}"
        return InputFileError(self.path, message, line=self.line, field=field)


def column(columns: Mapping[str, str | None], key: str) -> str | None:
    """The user's column name for one of the reader's fields (None: the field is switched off)."""
    return columns.get(key, key)


def required(row: Mapping[str, Any], columns: Mapping[str, str | None], key: str, where: Where) -> Any:
    """A field the reader cannot do without; missing or null raises an error naming it."""
    name = column(columns, key)
    if name is None:
        raise where.error(key, f"the '{key}' field is required; map it to a column in `columns.{key}`")
    if name not in row or row[name] is None:
        present = ", ".join(sorted(str(field) for field in row)) or "none"
        raise where.error(
            name, f"missing; this record has the fields {present} (map another one with `columns.{key}=NAME`)"
        )
    return row[name]


def optional(row: Mapping[str, Any], columns: Mapping[str, str | None], key: str) -> Any:
    """A field the reader uses when present; None when absent, null or switched off."""
    name = column(columns, key)
    return None if name is None else row.get(name)


def text(value: Any, field: str, where: Where) -> str:
    if not isinstance(value, str):
        raise where.error(field, f"expected text, got {type(value).__name__} {value!r}")
    return value


def label(value: Any, field: str, where: Where, *, means: str = "consistent") -> int:
    """1 for a consistent summary, 0 for an inconsistent one; `means="inconsistent"` reads 1 as "has an error"."""
    if means not in {"consistent", "inconsistent"}:
        raise where.error(field, f"label_means must be 'consistent' or 'inconsistent', got {means!r}")
    parsed: int | None = None
    if isinstance(value, bool) or (isinstance(value, int | float) and value in (0, 1)):
        parsed = int(value)
    elif isinstance(value, str):
        word = value.strip().lower()
        parsed = 1 if word in CONSISTENT_LABELS else 0 if word in INCONSISTENT_LABELS else None
    if parsed is None:
        raise where.error(
            field,
            f"cannot read {value!r} as a label; use 1/0, true/false, CORRECT/INCORRECT or consistent/inconsistent",
        )
    return parsed if means == "consistent" else 1 - parsed


def split(value: Any, field: str, where: Where) -> Split | None:
    if value is None or value == "":
        return None
    try:
        return normalize_split(value)
    except ValueError as error:
        raise where.error(field, str(error)) from None


def categories(value: Any, field: str, where: Where) -> tuple[str, ...]:
    """A list of category names, or one name; empty when absent."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(name, str) for name in value):
        return tuple(dict.fromkeys(value))
    raise where.error(field, f"expected a list of category names, got {value!r}")


def locate(summary: str, span_text: str, near: int | None) -> int | None:
    """The offset of `span_text` in `summary` nearest to `near` (the first one when `near` is None)."""
    starts = []
    found = summary.find(span_text)
    while found != -1 and span_text:
        starts.append(found)
        found = summary.find(span_text, found + 1)
    if not starts:
        return None
    return starts[0] if near is None else min(starts, key=lambda start: abs(start - near))


def span(summary: str, entry: Mapping[str, Any], field: str, where: Where) -> ErrorSpan:
    """One marked span from `{start, end, text?, type?}` or `{text, type?}` (the text is then located)."""
    start, end, marked, kind = entry.get("start"), entry.get("end"), entry.get("text"), entry.get("type")
    if marked is not None and not isinstance(marked, str):
        raise where.error(f"{field}.text", f"expected text, got {marked!r}")
    if kind is not None and not isinstance(kind, str):
        raise where.error(f"{field}.type", f"expected a type name, got {kind!r}")
    if start is None or end is None:
        if marked is None:
            raise where.error(field, "a span needs `start` and `end` offsets, or its `text`")
        found = locate(summary, marked, None)
        if found is None:
            raise where.error(f"{field}.text", f"{marked!r} does not occur in the summary")
        return ErrorSpan(found, found + len(marked), marked, kind)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(summary)):
        raise where.error(
            field,
            f"offsets [{start}, {end}) are not a span of the summary (length {len(summary)}); "
            "offsets are 0-based code points, end-exclusive",
        )
    if marked is not None and summary[start:end] != marked:
        raise where.error(
            f"{field}.text", f"the summary has {summary[start:end]!r} at [{start}, {end}), not {marked!r}"
        )
    return ErrorSpan(start, end, summary[start:end], kind)


def spans(summary: str, value: Any, field: str, where: Where) -> tuple[ErrorSpan, ...] | None:
    """The marked spans of a summary; None when the record carries no span field at all."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise where.error(field, f"expected a list of spans, got {value!r}")
    parsed = []
    for index, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            raise where.error(f"{field}[{index}]", f"expected {{start, end, text, type}}, got {entry!r}")
        parsed.append(span(summary, entry, f"{field}[{index}]", where))
    return tuple(sorted(parsed, key=lambda marked: (marked.start, marked.end)))
