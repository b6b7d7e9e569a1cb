"""Claims: what a text asserts, found in a summary (to be checked) or in a document (by an extractor).

A claim knows its own span in the text it came from and its normalized meaning; it knows nothing of gold
annotations. The same types serve extraction output, so extractors and summaries are checked alike.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from harness.core.spans import EntityType, NumberKind, Polarity, Qualifier, Span


class _Claim(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NumberClaim(_Claim):
    """A numeric expression and its normalized meaning (see `NumberAnnotation` for the interval convention)."""

    span: Span
    quantity: Span | None = Field(
        default=None,
        description='The value and its unit alone, when `span` runs on over the counted noun ("35" of "35 samples").',
    )
    listed: Span | None = Field(
        default=None, description='The whole list when the value is one of several sharing a unit ("6 and 13 kg").'
    )
    kind: NumberKind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    counted: str | None = Field(default=None, description="Head noun phrase the number counts, if found.")
    qualifier: Qualifier = "exact"
    date: str | None = None


class EntityClaim(_Claim):
    span: Span
    type: EntityType | None = None
    entity: str | None = Field(default=None, description="Canonical entity id, when linked.")
    role: str | None = Field(default=None, description="A title or role the text gives the entity here.")


class QuoteClaim(_Claim):
    content: Span
    speaker: str | None = Field(default=None, description="Entity id of the speaker, when linked.")
    speaker_text: str | None = Field(default=None, description="The speaker as written in the text.")
    cue: Span | None = None


class EventArgumentClaim(_Claim):
    role: str
    entity: str | None = None
    text: str | None = None


class EventClaim(_Claim):
    trigger: Span
    type: str
    polarity: Polarity = "positive"
    arguments: tuple[EventArgumentClaim, ...] = ()
    clause: Span | None = Field(
        default=None, description="The clause the trigger stands in: what the event is about, for comparison."
    )


class ClaimSet(_Claim):
    """Every claim found in one text, by layer."""

    layers: tuple[str, ...] | None = Field(
        default=None,
        description="The layers the producer looked for (None: all); a layer not looked for is not scored.",
    )
    numbers: tuple[NumberClaim, ...] = ()
    entities: tuple[EntityClaim, ...] = ()
    quotes: tuple[QuoteClaim, ...] = ()
    events: tuple[EventClaim, ...] = ()
