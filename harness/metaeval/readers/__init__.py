"""Readers of human-labelled sets, one module per format; each is built from `configs/metaeval_data/`."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from harness.metaeval.items import MetaDataset


@runtime_checkable
class LabelledSetReader(Protocol):
    """Loads one labelled set into `LabelledItem`s; bad input raises `InputFileError`."""

    def load(self) -> MetaDataset:
        """Read the set from disk."""
        ...
