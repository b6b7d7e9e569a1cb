"""The scorer plug-in protocol: a summary and its sources in, per-sample metrics and findings out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from harness.core.claim_types import ClaimSet
from harness.goldset.load import GoldDocument
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding


@dataclass(frozen=True)
class SampleScore:
    """A scorer's result on one summary: named metric values (higher is better unless named otherwise)."""

    metrics: dict[str, float]
    findings: tuple[Finding, ...] = field(default=())


@runtime_checkable
class Scorer(Protocol):
    name: str

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Score one summary against its sources."""
        ...


@runtime_checkable
class ExtractionScorer(Protocol):
    """Scores an extractor's output on one document against its gold layers.

    A scorer may also offer `aggregate(pairs: Sequence[tuple[ClaimSet, GoldDocument]]) -> dict[str, float]`
    for metrics that need every document at once (micro averages, cross-document linking); the runner calls
    it when present.
    """

    name: str

    def score(self, prediction: ClaimSet, document: GoldDocument) -> SampleScore:
        """Per-document metrics and the errors found (spurious, missed, wrong type, wrong boundary)."""
        ...
