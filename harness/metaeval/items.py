"""The common form every reader produces: a document, a summary, a human label, and optional error details.

`label` is 1 when the humans judged the summary consistent with its document and 0 when they found an
error; higher scorer scores are expected for label 1. `split` is "dev", "test" or None (the set has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Split = Literal["dev", "test"]

DEV_SPLIT_NAMES = frozenset({"dev", "val", "valid", "validation"})
TEST_SPLIT_NAMES = frozenset({"test"})


@dataclass(frozen=True)
class ErrorSpan:
    """A stretch of the summary that the annotators marked as an error (offsets into the summary)."""

    start: int
    end: int
    text: str
    type: str | None = None
    """What kind of error: "number", "entity", "intrinsic", "extrinsic", ...; None when the set does not say."""


@dataclass(frozen=True)
class LabelledItem:
    """One human-judged summary of one document."""

    id: str
    document: str
    summary: str
    label: int
    split: Split | None = None
    categories: tuple[str, ...] = ()
    """Error categories of an inconsistent summary (FRANK's "EntE", XSumFaith's "extrinsic", ...)."""
    spans: tuple[ErrorSpan, ...] | None = None
    """The marked error spans; None when the set marks no spans (not the same as "no errors marked")."""


@dataclass(frozen=True)
class MetaDataset:
    """The items of one labelled set, with the name it is reported under."""

    name: str
    items: tuple[LabelledItem, ...]
    benchmark: str | None = None
    """Which published figures belong beside this set's results (a key of the reference table)."""

    @property
    def has_categories(self) -> bool:
        return any(item.categories for item in self.items)

    @property
    def has_spans(self) -> bool:
        return any(item.spans is not None for item in self.items)


def normalize_split(value: object) -> Split | None:
    """Map a set's split name to "dev" or "test" ("val", "valid", "validation" are dev); None stays None."""
    if value is None:
        return None
    name = str(value).strip().lower()
    if name in DEV_SPLIT_NAMES:
        return "dev"
    if name in TEST_SPLIT_NAMES:
        return "test"
    raise ValueError(f"unknown split '{value}'; use one of {', '.join(sorted(DEV_SPLIT_NAMES | TEST_SPLIT_NAMES))}")
