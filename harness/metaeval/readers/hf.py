"""A labelled set from Hugging Face `datasets` (a hub id, or a packaged loader such as json/csv with
`data_files`), read through the same column mapping as the JSON Lines form.

`split` names the split evaluated; `dev_split`, when set, names a second split of the same dataset whose
rows become the dev items (for choosing the threshold). Rows otherwise take their split from the `split`
column, when the mapping names one that exists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from harness.errors import ConfigError
from harness.metaeval.fields import Where
from harness.metaeval.items import LabelledItem, MetaDataset, Split
from harness.metaeval.readers.rows import item_from_row, merged_columns


class HFDatasetReader:
    """Reads a labelled set with `datasets.load_dataset(path, name, data_files=..., split=...)`."""

    def __init__(
        self,
        path: str,
        split: str = "test",
        name: str | None = None,
        data_files: str | Sequence[str] | Mapping[str, Any] | None = None,
        dev_split: str | None = None,
        revision: str | None = None,
        cache_dir: str | None = None,
        columns: Mapping[str, str | None] | None = None,
        label_means: str = "consistent",
        display_name: str | None = None,
        benchmark: str | None = None,
        limit: int | None = None,
    ) -> None:
        self.path = path
        self.split = split
        self.config_name = name
        self.data_files = data_files
        self.dev_split = dev_split
        self.revision = revision
        self.cache_dir = cache_dir
        self.columns = merged_columns(columns)
        self.label_means = label_means
        where = path if data_files is None else f"{path}:{data_files}"
        self.name = display_name or f"{where}{'/' + name if name else ''}[{split}]"
        self.benchmark = benchmark
        self.limit = limit

    def _rows(self, split: str) -> list[dict[str, Any]]:
        import datasets

        try:
            dataset = datasets.load_dataset(
                self.path,
                self.config_name,
                data_files=self.data_files,
                split=split,
                revision=self.revision,
                cache_dir=self.cache_dir,
            )
        except FileNotFoundError as error:
            raise ConfigError(f"metaeval_data: cannot load dataset '{self.name}': {error}") from None
        except ValueError as error:
            raise ConfigError(f"metaeval_data: cannot load '{self.name}' (check split and name): {error}") from None
        if self.limit is not None:
            dataset = dataset.select(range(min(self.limit, len(dataset))))
        return [dict(row) for row in dataset]

    def _items(self, split: str, forced: Split | None) -> list[LabelledItem]:
        items = []
        for index, row in enumerate(self._rows(split)):
            where = Where(f"{self.name} (split {split})", record=index)
            item = item_from_row(row, self.columns, where, default_id=f"{split}-{index}", label_means=self.label_means)
            items.append(item if forced is None else dataclasses.replace(item, split=forced))
        return items

    def load(self) -> MetaDataset:
        if self.dev_split is None:
            return MetaDataset(self.name, tuple(self._items(self.split, None)), self.benchmark)
        items = self._items(self.dev_split, "dev") + self._items(self.split, "test")
        return MetaDataset(self.name, tuple(items), self.benchmark)
