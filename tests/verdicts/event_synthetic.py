"""A one-document synthetic gold source whose events share participants but differ in what they are about."""

from __future__ import annotations

import datetime as dt
import hashlib

from harness.goldset.load import GoldDocument
from harness.goldset.schema import DocumentInfo, EventAnnotation, EventArgument
from harness.verdicts.sources import Sources
from tests.verdicts.synthetic import INVENTORY, span

TEXT = (
    "The Taliban accepted Russia's invitation to peace talks in Moscow.\n\n"
    "The Taliban rejected a government offer of a three-month ceasefire.\n\n"
    "Hundreds of people have been killed in attacks in recent weeks.\n\n"
    "The Afghan government will hold direct talks with the Taliban.\n\n"
    "At least four senior Taliban members will attend.\n"
)


def _event(event_id: str, kind: str, trigger: str, *arguments: tuple[str, str | None, str]) -> EventAnnotation:
    return EventAnnotation(
        id=event_id,
        type=kind,
        trigger=span(TEXT, trigger),
        arguments=[
            EventArgument(role=role, entity=entity, span=span(TEXT, phrase)) for role, entity, phrase in arguments
        ],
    )


def document() -> GoldDocument:
    """The text above with its five events: ACCEPT and REJECT by the Taliban, KILL, TALKS, ATTEND."""
    return GoldDocument(
        info=DocumentInfo(
            id="e",
            path="texts/e.txt",
            sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
            date=dt.date(2018, 8, 23),
            title="e",
        ),
        text=TEXT,
        events=(
            _event(
                "e-accept",
                "ACCEPT",
                "accepted",
                ("agent", "taliban", "Taliban"),
                ("theme", None, "Russia's invitation to peace talks in Moscow"),
            ),
            _event(
                "e-reject",
                "REJECT",
                "rejected",
                ("agent", "taliban", "Taliban"),
                ("theme", None, "a government offer of a three-month ceasefire"),
            ),
            _event("e-kill", "KILL", "killed", ("victim", None, "Hundreds of people")),
            _event(
                "e-talks",
                "TALKS",
                "direct talks",
                ("agent", "afghan-government", "Afghan government"),
                ("participant", "taliban", "Taliban"),
            ),
            _event("e-attend", "ATTEND", "attend", ("agent", "taliban", "At least four senior Taliban members")),
        ),
    )


def event_sources() -> Sources:
    """The document with its gold events and the shared synthetic inventory."""
    return Sources(cluster="events", documents=(document(),), entities=INVENTORY, gold=True)


def event_text_sources() -> Sources:
    """The same text gold-free, with the inventory."""
    sources = Sources.from_texts("events", {"e": TEXT})
    return Sources(cluster=sources.cluster, documents=sources.documents, entities=INVENTORY, gold=False)
