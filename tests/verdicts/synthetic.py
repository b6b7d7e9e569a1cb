"""A small synthetic gold cluster (two documents, inventory, mentions, quotes, events, furniture) for verdict tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from harness.core.spans import Entity, Span
from harness.goldset.load import GoldDocument
from harness.goldset.schema import (
    DocumentInfo,
    EntityMention,
    EventAnnotation,
    EventArgument,
    FurnitureAnnotation,
    QuoteAnnotation,
)
from harness.verdicts.sources import Sources

TEXT_A = (
    "By Reuters\n\n"
    "Photo: Parwiz Parwiz\n\n"
    "The Taliban accepted Russia's invitation to talks in Moscow, hours after the Afghan government declined the "
    "offer to attend.\n\n"
    '"Our leaders have accepted Russia\'s invitation to participate in Russia-led peace talks," said Taliban '
    "spokesman Zabihullah Mujahid.\n\n"
    "Afghanistan's national security adviser, Hanif Atmar, asked Russia's ambassador \u201cto put pressure on "
    "Taliban insurgents to begin negotiations with the Afghan government\u201d.\n"
)
TEXT_B = (
    "Russian Foreign Minister Sergei Lavrov said Moscow invited the Taliban to the talks.\n\n"
    '"The first reaction was positive, they are planning to take part in the meeting," Lavrov said.\n\n'
    "Washington declined the invitation.\n"
)

INVENTORY = (
    Entity(id="taliban", name="Taliban", type="ORG", aliases=["the Taliban"]),
    Entity(id="russia", name="Russia", type="GPE", aliases=["Russian Federation"], metonyms=["Moscow"]),
    Entity(
        id="afghan-government",
        name="Afghan government",
        type="ORG",
        aliases=["the Afghan government", "Afghanistan"],
        metonyms=["Kabul"],
    ),
    Entity(id="united-states", name="United States", type="GPE", aliases=["U.S.", "US"], metonyms=["Washington"]),
    Entity(
        id="zabihullah-mujahid",
        name="Zabihullah Mujahid",
        type="PERSON",
        aliases=["Mujahid"],
        roles=["Taliban spokesman"],
    ),
    Entity(
        id="hanif-atmar",
        name="Mohammad Hanif Atmar",
        type="PERSON",
        aliases=["Hanif Atmar", "Atmar"],
        roles=["Afghanistan's national security adviser"],
    ),
    Entity(
        id="sergei-lavrov",
        name="Sergei Lavrov",
        type="PERSON",
        aliases=["Sergey Lavrov", "Lavrov"],
        roles=["Russian Foreign Minister"],
    ),
    Entity(id="parwiz-parwiz", name="Parwiz Parwiz", type="PERSON"),
)


def span(text: str, phrase: str, occurrence: int = 1) -> Span:
    """The span of the n-th occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase), text=phrase)


def _info(doc_id: str, text: str) -> DocumentInfo:
    return DocumentInfo(
        id=doc_id,
        path=f"texts/{doc_id}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        date=dt.date(2018, 8, 23),
        title=doc_id,
    )


def _mention(text: str, mention_id: str, phrase: str, entity: str, occurrence: int = 1) -> EntityMention:
    kind = {entity_.id: entity_.type for entity_ in INVENTORY}[entity]
    return EntityMention(id=mention_id, span=span(text, phrase, occurrence), type=kind, entity=entity)


def document_a() -> GoldDocument:
    t = TEXT_A
    return GoldDocument(
        info=_info("a", t),
        text=t,
        entities=(
            _mention(t, "a-m1", "Taliban", "taliban"),
            _mention(t, "a-m2", "Russia", "russia"),
            _mention(t, "a-m3", "Afghan government", "afghan-government"),
            _mention(t, "a-m4", "Zabihullah Mujahid", "zabihullah-mujahid"),
            _mention(t, "a-m5", "Afghanistan", "afghan-government"),
            _mention(t, "a-m6", "Hanif Atmar", "hanif-atmar"),
        ),
        quotes=(
            QuoteAnnotation(
                id="a-q1",
                content=span(
                    t, "Our leaders have accepted Russia's invitation to participate in Russia-led peace talks"
                ),
                speaker="zabihullah-mujahid",
                cluster="accept-statement",
            ),
            QuoteAnnotation(
                id="a-q2",
                content=span(
                    t, "to put pressure on Taliban insurgents to begin negotiations with the Afghan government"
                ),
                speaker="hanif-atmar",
                cluster="pressure-request",
            ),
        ),
        events=(
            EventAnnotation(
                id="a-e1",
                type="ACCEPT",
                trigger=span(t, "accepted"),
                arguments=[EventArgument(role="agent", entity="taliban")],
            ),
            EventAnnotation(
                id="a-e2",
                type="DECLINE",
                trigger=span(t, "declined"),
                arguments=[EventArgument(role="agent", entity="afghan-government")],
            ),
            EventAnnotation(
                id="a-e3",
                type="ATTEND",
                trigger=span(t, "attend"),
                polarity="negative",
                arguments=[EventArgument(role="agent", entity="afghan-government")],
            ),
        ),
        furniture=(
            FurnitureAnnotation(id="a-f1", span=span(t, "By Reuters"), kind="byline"),
            FurnitureAnnotation(id="a-f2", span=span(t, "Photo: Parwiz Parwiz"), kind="photo_credit"),
        ),
    )


def document_b() -> GoldDocument:
    t = TEXT_B
    return GoldDocument(
        info=_info("b", t),
        text=t,
        entities=(
            _mention(t, "b-m1", "Sergei Lavrov", "sergei-lavrov"),
            _mention(t, "b-m2", "Moscow", "russia"),
            _mention(t, "b-m3", "Taliban", "taliban"),
            _mention(t, "b-m4", "Lavrov", "sergei-lavrov", occurrence=2),
            _mention(t, "b-m5", "Washington", "united-states"),
        ),
        quotes=(
            QuoteAnnotation(
                id="b-q1",
                content=span(t, "The first reaction was positive, they are planning to take part in the meeting"),
                speaker="sergei-lavrov",
                cluster="first-reaction",
            ),
        ),
        events=(
            EventAnnotation(
                id="b-e1",
                type="INVITE",
                trigger=span(t, "invited"),
                arguments=[
                    EventArgument(role="agent", entity="russia"),
                    EventArgument(role="recipient", entity="taliban"),
                ],
            ),
            EventAnnotation(
                id="b-e2",
                type="DECLINE",
                trigger=span(t, "declined"),
                arguments=[EventArgument(role="agent", entity="united-states")],
            ),
        ),
    )


def gold_sources() -> Sources:
    """Both documents with their annotations and the inventory (gold mode)."""
    return Sources(
        cluster="synthetic",
        documents=(document_a(), document_b()),
        entities=INVENTORY,
        references=("The Taliban accepted Russia's invitation to talks in Moscow; the Afghan government declined.",),
        gold=True,
    )


def text_sources() -> Sources:
    """The same two texts without annotations or inventory (gold-free mode)."""
    return Sources.from_texts("synthetic", {"a": TEXT_A, "b": TEXT_B})
