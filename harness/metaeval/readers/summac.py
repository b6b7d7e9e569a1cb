"""SummaC-benchmark-style CSV: one row per (document, claim) with a binary label and a val/test cut.

Fields read (renamed with `columns`): `document`, `claim` (the summary), `label` (1 consistent, 0 not;
`label_means: inconsistent` flips it), `cut` ("val" or "test"), and optionally `id` and `dataset` (the
sub-dataset of the benchmark, e.g. "frank"; keep one with `subset: frank`). `path` may list several files
(e.g. the val and the test export), read in order.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from harness.errors import InputFileError
from harness.metaeval.fields import Where
from harness.metaeval.items import LabelledItem, MetaDataset
from harness.metaeval.readers.rows import item_from_row

SUMMAC_COLUMNS: dict[str, str | None] = {
    "id": "id",
    "document": "document",
    "summary": "claim",
    "label": "label",
    "split": "cut",
    "categories": None,
    "spans": None,
    "dataset": "dataset",
}


def csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with a header, each with the line number on which it ends."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            return [(reader.line_num, dict(row)) for row in reader]
    except OSError as error:
        raise InputFileError(path, f"cannot read: {error.strerror or error}") from None
    except csv.Error as error:
        raise InputFileError(path, f"not valid CSV: {error}") from None


class SummacCsvReader:
    """Reads SummaC-benchmark-style CSV exports, optionally keeping one sub-dataset."""

    def __init__(
        self,
        path: str | Sequence[str],
        columns: Mapping[str, str | None] | None = None,
        subset: str | None = None,
        label_means: str = "consistent",
        name: str | None = None,
        benchmark: str | None = None,
        limit: int | None = None,
    ) -> None:
        self.paths = [Path(path)] if isinstance(path, str) else [Path(entry) for entry in path]
        self.columns = {**SUMMAC_COLUMNS, **(columns or {})}
        self.subset = subset
        self.label_means = label_means
        stem = self.paths[0].name if len(self.paths) == 1 else f"{len(self.paths)} files"
        self.name = name or f"SummaC {subset or 'benchmark'} ({stem})"
        self.benchmark = benchmark if benchmark is not None else f"summac/{subset}" if subset else None
        self.limit = limit

    def load(self) -> MetaDataset:
        items: list[LabelledItem] = []
        dataset_column = self.columns.get("dataset")
        for path in self.paths:
            for line, row in csv_rows(path):
                where = Where(str(path), line=line)
                if self.subset is not None:
                    if dataset_column is None or dataset_column not in row:
                        raise where.error(
                            str(dataset_column), f"`subset: {self.subset}` needs the sub-dataset column in every row"
                        )
                    if row[dataset_column] != self.subset:
                        continue
                items.append(
                    item_from_row(
                        row, self.columns, where, default_id=f"{path.stem}-{line}", label_means=self.label_means
                    )
                )
        return MetaDataset(self.name, tuple(items[: self.limit]), self.benchmark)
