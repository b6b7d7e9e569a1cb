"""Verdicts: one finding per claim, with the evidence in the sources it was judged on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field


class SpanLike(Protocol):
    """A goldset `Span`, a claim's span or a sentence span: where a claim sits in its text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...


FindingType = Literal["number", "entity", "quote", "event", "nli", "judge"]

NumberVerdict = Literal["supported", "contradicted", "unit_mismatch", "unsupported", "unverified"]
EntityVerdict = Literal["supported", "unsupported", "wrong_role"]
QuoteVerdict = Literal["verbatim", "altered", "fabricated", "misattributed"]
EventVerdict = Literal["supported", "contradicted", "unverified"]
NliVerdict = Literal["entailed", "neutral", "contradicted"]

ExtractionVerdict = Literal["spurious", "missed", "wrong_type", "wrong_boundary"]

FLAGGED_VERDICTS: frozenset[str] = frozenset(
    {"contradicted", "unit_mismatch", "unsupported", "wrong_role", "altered", "fabricated", "misattributed"}
    | {"spurious", "missed", "wrong_type", "wrong_boundary"}
)
"""Verdicts that mark a claim as not true to the sources, or an extraction as wrong."""


class Evidence(BaseModel):
    """Where in the sources a verdict was decided: a document span and the gold annotation compared with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str
    start: int
    end: int
    text: str
    annotation: str | None = Field(default=None, description="Gold annotation id, or None in gold-free mode.")


class Finding(BaseModel):
    """One claim of a summary and its verdict."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: FindingType
    text: str
    start: int = Field(description="Offset of the claim in the summary.")
    end: int
    verdict: str
    evidence: tuple[Evidence, ...] = ()
    detail: str | None = Field(default=None, description="Why: the difference found, in words.")

    @classmethod
    def at(
        cls,
        type: FindingType,
        span: SpanLike,
        verdict: str,
        evidence: Iterable[Evidence] = (),
        detail: str | None = None,
    ) -> Finding:
        """The finding on the claim at `span` (anything with start, end and text)."""
        return cls(
            type=type,
            text=span.text,
            start=span.start,
            end=span.end,
            verdict=verdict,
            evidence=tuple(evidence),
            detail=detail,
        )

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED_VERDICTS
