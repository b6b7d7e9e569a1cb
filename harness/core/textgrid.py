"""Plain-text tables that stay readable at any width, in a terminal or piped into a file or a CI log.

A table that fits the width is printed as aligned columns; else transposed (one line per column, as for a
few models with many metrics); else one record at a time (a block per row, one `header  value` line per
cell), which fits in 80 columns whatever the number of columns. Nothing is cut, folded or left blank, as
cells are in a grid squeezed to the terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

DEFAULT_WIDTH = 80
GAP = "  "


def output_width() -> int:
    """The terminal's width, `$COLUMNS` when set, else 80 (a file or a CI log)."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            str(cell).ljust(width) if index == 0 else str(cell).rjust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return GAP.join(parts).rstrip()

    return [line(headers), GAP.join("-" * width for width in widths), *(line(row) for row in rows)]


def _records(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    label_width = max(len(header) for header in headers[1:]) if len(headers) > 1 else 0
    lines: list[str] = []
    for row in rows:
        lines.append(str(row[0]))
        lines += [f"  {header.ljust(label_width)}  {cell}" for header, cell in zip(headers[1:], row[1:], strict=True)]
        lines.append("")
    return lines[:-1]


def _transposed(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns as rows: one line per column header, one column per row (few rows, many columns)."""
    return _grid(
        ["", *(str(row[0]) for row in rows)],
        [[header, *(row[index] for row in rows)] for index, header in enumerate(headers) if index],
    )


def render(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str = "", note: str = "", width: int | None = None
) -> str:
    """The table as text no wider than `width` (default: `output_width()`): as a grid, else transposed, else
    one block per row."""
    limit = output_width() if width is None else width
    lines = [title] if title else []
    if rows:
        candidates = (_grid(headers, rows), _transposed(headers, rows))
        fitting = [grid for grid in candidates if max(len(line) for line in grid) <= limit]
        lines += fitting[0] if fitting else _records(headers, rows)
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"
