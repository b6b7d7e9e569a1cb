"""The two plug-in protocols, and the inputs models see.

Models see source texts (and, for the reference and oracle baselines, reference summaries) but never the
gold annotations. A plug-in is any class with the right method, chosen in config through Hydra `_target_`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from harness.core.claim_types import ClaimSet


@dataclass(frozen=True)
class SourceDocument:
    id: str
    text: str
    date: dt.date | None = None


@dataclass(frozen=True)
class SourceCluster:
    """What a summarizer summarizes: one or more documents about one story."""

    id: str
    documents: tuple[SourceDocument, ...]
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """A summary with what the model wants recorded beside it (the corrupting wrapper lists its planted errors)."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Summarizer(Protocol):
    def summarize(self, cluster: SourceCluster) -> str | Summary:
        """Return one summary of the whole cluster, as plain text or with metadata."""
        ...


@runtime_checkable
class Extractor(Protocol):
    def extract(self, document: SourceDocument) -> ClaimSet:
        """Return every entity, number, quote and event the extractor finds, with offsets into `document.text`."""
        ...
