"""Spans and the vocabulary types shared by goldsets, claims and models (cut from goldset/schema.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "PUBLICATION"]


MentionKind = Literal["name", "nominal", "title", "metonym"]


NumberKind = Literal["cardinal", "percent", "ordinal", "year", "date", "duration", "vague", "money", "fraction"]


Qualifier = Literal[
    "exact",  # "12 countries"
    "approximately",  # "around 40 percent", "approximately four"
    "at_least",  # "at least four"
    "more_than",  # "more than 40"
    "nearly",  # "nearly 40 years": just below the value
    "at_most",  # "up to 10", "at most 10"
    "fewer_than",  # "fewer than 10", "less than 10"
    "vague",  # "hundreds", "several", "a few": an interval with no point value
]


EventType = Literal[
    "INVITE",
    "ACCEPT",
    "DECLINE",
    "REJECT",
    "OFFER",
    "REQUEST",
    "ACCUSE",
    "DENY",
    "CRITICIZE",
    "MEET",
    "TALKS",
    "ATTEND",
    "SEND",
    "CONTACT",
    "ATTACK",
    "KILL",
    "INVADE",
    "OCCUPY",
    "FIGHT",
    "SUPPLY",
    "SUPPORT",
    "CONFIRM",
    "ANNOUNCE",
    "REGRET",
    "PRAISE",
    "BAN",
    "CONTROL",
    "LEAD",  # "the delegation would be led by Stanekzai"
    "RECONSIDER",  # "rethink the plans", "reconsider its plan"
    "THWART",  # "a decision that could scupper Moscow's plans"
]


Polarity = Literal["positive", "negative"]


Modality = Literal["actual", "intended", "possible", "hypothetical"]


QuoteKind = Literal["direct", "partial"]


FurnitureKind = Literal[
    "duplicate_header",  # the scraped repeat of title/byline above the article
    "byline",
    "dateline",
    "photo_credit",
    "caption",
    "read_time",
    "related_link",
    "advertisement",
    "contact",
    "comment_prompt",
    "url",
    "author_note",
    "disclaimer",
    "other",
]


DateBasis = Literal["dateline", "inferred"]


Status = Literal["accepted", "proposed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Strict):
    """A character span of a document: `text == document_text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Strict):
    """A canonical entity, shared by its mentions across documents."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list, description="Other names and spellings ('Sergey Lavrov').")
    metonyms: list[str] = Field(
        default_factory=list, description="Words that stand for this actor ('Kabul' for the Afghan government)."
    )
    roles: list[str] = Field(default_factory=list, description="Titles and roles the sources give it.")
    named: bool = Field(default=True, description="False for unnamed actors ('a senior Kabul-based diplomat').")
    description: str | None = None


class EntityInventory(_Strict):
    entities: list[Entity]
