"""The plain JSON Lines form: one object per line with document, summary, label and optional details.

Fields (renamed with `columns`): `document`, `summary`, `label` (1/0, true/false, CORRECT/INCORRECT,
consistent/inconsistent; `label_means: inconsistent` when 1 marks an error), and optionally `id`, `split`
(dev/val/valid/validation or test), `categories` (a list of error category names) and `spans` (a list of
`{start, end, text, type}` with 0-based, end-exclusive offsets into the summary, or `{text, type}`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from harness.core.jsonl import read_rows
from harness.metaeval.fields import Where
from harness.metaeval.items import LabelledItem, MetaDataset
from harness.metaeval.readers.rows import item_from_row, merged_columns


def read_lines(path: Path) -> list[tuple[int, dict[str, object]]]:
    """The JSON objects of a JSON Lines file with their line numbers; blank lines are skipped."""
    return list(read_rows(path))


class JsonlReader:
    """Reads a labelled set stored as JSON Lines."""

    def __init__(
        self,
        path: str,
        columns: Mapping[str, str | None] | None = None,
        label_means: str = "consistent",
        name: str | None = None,
        benchmark: str | None = None,
        limit: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.columns = merged_columns(columns)
        self.label_means = label_means
        self.name = name or self.path.name
        self.benchmark = benchmark
        self.limit = limit

    def load(self) -> MetaDataset:
        items: list[LabelledItem] = []
        for number, record in read_lines(self.path)[: self.limit]:
            where = Where(str(self.path), line=number)
            items.append(
                item_from_row(record, self.columns, where, default_id=f"line-{number}", label_means=self.label_means)
            )
        return MetaDataset(self.name, tuple(items), self.benchmark)
