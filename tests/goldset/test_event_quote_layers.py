"""Invariants of the hand-made event and quote layers of goldsets/moscow-talks-2018.

See guidelines/events.md and guidelines/quotes.md. Each test states a rule that an annotation slip would
break: spans, ids in text order, cluster linking, polarity of declines and negated attends, quote marks
around every quote, and hand-checked facts with their support across documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from harness.core.spans import Span
from harness.goldset.isodate import iso_problem
from harness.goldset.load import DEFAULT_GOLDSET
from harness.goldset.schema import (
    EventAnnotation,
    EventClusterInventory,
    EventLayer,
    FurnitureLayer,
    Manifest,
    QuoteAnnotation,
    QuoteClusterInventory,
    QuoteLayer,
)
from tests.goldset.corpus_ids import DOC_000, DOC_001, DOC_002, DOC_003, DOC_004, DOCUMENTS

ROOT: Path = DEFAULT_GOLDSET
EXPECTED_EVENTS = {DOC_000: 48, DOC_001: 41, DOC_002: 53, DOC_003: 57, DOC_004: 31}
"""Events per document after the final re-read and review; a drop means an annotation was lost."""
REVIEW_ADDITIONS = {DOC_003: ("V056", "V057")}
"""Events added after ids were published: they take the next free id, so earlier ids never change."""
EXPECTED_QUOTES = {DOC_000: 6, DOC_001: 2, DOC_002: 12, DOC_003: 9, DOC_004: 0}
"""Quotation-mark pairs in each article's content, counted by hand."""

ENTITY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MARKS = {'"': '"', "“": "”", "‘": "’"}
ROLES = {
    "agent", "recipient", "theme", "target", "participant", "place", "destination", "time", "topic",
    "attacker", "victim",
}  # fmt: skip


@cache
def text_of(document: str) -> str:
    with open(ROOT / "texts" / f"{document}.txt", encoding="utf-8", newline="") as handle:
        return handle.read()


@cache
def events_of(document: str) -> tuple[EventAnnotation, ...]:
    path = ROOT / "annotations" / document / "events.json"
    layer = EventLayer.model_validate_json(path.read_text(encoding="utf-8"))
    assert layer.document == document
    return tuple(layer.events)


@cache
def quotes_of(document: str) -> tuple[QuoteAnnotation, ...]:
    path = ROOT / "annotations" / document / "quotes.json"
    layer = QuoteLayer.model_validate_json(path.read_text(encoding="utf-8"))
    assert layer.document == document
    return tuple(layer.quotes)


@cache
def event_clusters() -> EventClusterInventory:
    path = ROOT / "inventory" / "event-clusters.json"
    return EventClusterInventory.model_validate_json(path.read_text(encoding="utf-8"))


@cache
def quote_clusters() -> QuoteClusterInventory:
    path = ROOT / "inventory" / "quote-clusters.json"
    return QuoteClusterInventory.model_validate_json(path.read_text(encoding="utf-8"))


def event_spans(event: EventAnnotation) -> Iterator[Span]:
    yield event.trigger
    yield from (argument.span for argument in event.arguments if argument.span is not None)


def quote_spans(quote: QuoteAnnotation) -> Iterator[Span]:
    yield quote.content
    if quote.cue is not None:
        yield quote.cue


def mentions(cluster: str) -> list[tuple[str, EventAnnotation]]:
    return [(doc, event) for doc in DOCUMENTS for event in events_of(doc) if event.cluster == cluster]


def reporting_documents(cluster: str) -> set[str]:
    """Documents that assert the clustered event: at least one mention with positive polarity."""
    return {doc for doc, event in mentions(cluster) if event.polarity == "positive"}


def test_manifest_lists_the_five_documents() -> None:
    manifest = Manifest.model_validate_json((ROOT / "goldset.json").read_text(encoding="utf-8"))
    assert tuple(document.id for document in manifest.documents) == DOCUMENTS


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_span_equals_its_slice_of_the_text(document: str) -> None:
    text = text_of(document)
    spans = [span for event in events_of(document) for span in event_spans(event)]
    spans += [span for quote in quotes_of(document) for span in quote_spans(quote)]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_ids_are_numbered_in_text_order(document: str) -> None:
    events, quotes = events_of(document), quotes_of(document)
    added = REVIEW_ADDITIONS.get(document, ())
    assert sorted(event.id for event in events) == [f"V{index:03d}" for index in range(1, len(events) + 1)]
    first_pass = [event.id for event in events if event.id not in added]
    assert first_pass == [f"V{index:03d}" for index in range(1, len(first_pass) + 1)]
    assert list(added) == [f"V{index:03d}" for index in range(len(first_pass) + 1, len(events) + 1)]
    assert [quote.id for quote in quotes] == [f"Q{index:03d}" for index in range(1, len(quotes) + 1)]
    assert [event.trigger.start for event in events] == sorted(event.trigger.start for event in events)
    assert [quote.content.start for quote in quotes] == sorted(quote.content.start for quote in quotes)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_annotation_counts_after_final_reread(document: str) -> None:
    assert len(events_of(document)) == EXPECTED_EVENTS[document]
    assert len(quotes_of(document)) == EXPECTED_QUOTES[document]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_quotation_in_the_text_is_annotated(document: str) -> None:
    text = text_of(document)
    opening = text.count('"') // 2 + text.count("“") + text.count("‘")
    assert opening == EXPECTED_QUOTES[document]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_annotations_stay_out_of_page_furniture(document: str) -> None:
    path = ROOT / "annotations" / document / "furniture.json"
    if not path.exists():
        pytest.skip("the furniture layer of this document is not written yet")
    furniture = FurnitureLayer.model_validate_json(path.read_text(encoding="utf-8")).furniture
    spans = [span for event in events_of(document) for span in event_spans(event)]
    spans += [span for quote in quotes_of(document) for span in quote_spans(quote)]
    for span in spans:
        for piece in furniture:
            assert span.end <= piece.span.start or piece.span.end <= span.start, (span, piece.id)


def test_event_clusters_are_unique_used_and_share_the_event_type() -> None:
    inventory = {cluster.id: cluster for cluster in event_clusters().clusters}
    assert len(inventory) == len(event_clusters().clusters)
    used = set()
    for document in DOCUMENTS:
        for event in events_of(document):
            assert event.cluster in inventory, (document, event.id, event.cluster)
            assert inventory[event.cluster].type == event.type, (document, event.id)
            used.add(event.cluster)
    assert used == set(inventory)


def test_quote_clusters_are_unique_used_and_agree_on_the_speaker() -> None:
    inventory = {cluster.id: cluster for cluster in quote_clusters().clusters}
    assert len(inventory) == len(quote_clusters().clusters)
    used = set()
    for document in DOCUMENTS:
        for quote in quotes_of(document):
            assert quote.cluster in inventory, (document, quote.id, quote.cluster)
            assert inventory[quote.cluster].speaker == quote.speaker, (document, quote.id)
            used.add(quote.cluster)
    assert used == set(inventory)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_event_arguments_roles_entities_and_times_are_well_formed(document: str) -> None:
    for event in events_of(document):
        for argument in event.arguments:
            assert argument.role in ROLES, (event.id, argument.role)
            assert argument.entity is not None or argument.span is not None, event.id
            assert argument.entity is None or ENTITY_ID.match(argument.entity), (event.id, argument.entity)
        if event.time is not None:
            assert iso_problem(event.time) is None, (event.id, event.time)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_quote_sits_between_matching_marks_and_has_a_speaker(document: str) -> None:
    text = text_of(document)
    for quote in quotes_of(document):
        opening = text[quote.content.start - 1]
        assert opening in MARKS, quote.id
        after = text[quote.content.end : quote.content.end + 2]
        assert after[0] == MARKS[opening] or (after[0] in ",." and after[1] == MARKS[opening]), quote.id
        assert quote.speaker is not None or quote.speaker_description, quote.id
        assert quote.speaker is None or ENTITY_ID.match(quote.speaker), quote.id
        if quote.speaker is None or quote.speaker.startswith("unnamed-"):
            assert quote.speaker_description and quote.speaker_description[0].islower(), quote.id
        else:
            assert quote.speaker_description is None, quote.id


def test_document_003_uses_curly_quotes_and_the_others_straight_ones() -> None:
    for document in DOCUMENTS:
        openings = {text_of(document)[quote.content.start - 1] for quote in quotes_of(document)}
        expected = {"“", "‘"} if document == DOC_003 else ({'"'} if quotes_of(document) else set())
        assert openings == expected, document


def test_taliban_acceptance_is_reported_by_four_documents() -> None:
    assert reporting_documents("taliban-accept-invitation") == {DOC_000, DOC_002, DOC_003, DOC_004}
    assert len(reporting_documents("taliban-attend-moscow-talks")) == 5


def test_afghanistan_refusal_is_reported_by_000_003_004() -> None:
    assert reporting_documents("afghanistan-decline-moscow-talks") == {DOC_000, DOC_003, DOC_004}
    negated = mentions("afghanistan-not-attend-moscow-talks")
    assert {doc for doc, _ in negated} == {DOC_000, DOC_003, DOC_004}
    assert {event.polarity for _, event in negated} == {"negative"}


def test_declines_are_their_own_type_with_positive_polarity() -> None:
    declines = [event for document in DOCUMENTS for event in events_of(document) if event.type == "DECLINE"]
    assert len(declines) == 17
    assert {event.polarity for event in declines} == {"positive"}
    assert reporting_documents("us-decline-invitation") == {DOC_001, DOC_003, DOC_004}
    assert [event.polarity for _, event in mentions("us-not-attend-moscow-talks")] == ["negative"]


def test_ceasefire_rejection_is_a_positive_reject() -> None:
    rejections = mentions("taliban-reject-ceasefire")
    assert {doc for doc, _ in rejections} == {DOC_001, DOC_002, DOC_003}
    assert {(event.type, event.polarity) for _, event in rejections} == {("REJECT", "positive")}
    dated = {doc: event.time for doc, event in rejections if event.time is not None}
    assert dated == {DOC_001: "2018-W34", DOC_003: "2018-W34"}


def test_moscow_talks_are_dated_and_reported_everywhere() -> None:
    talks = mentions("moscow-talks")
    assert {doc for doc, _ in talks} == set(DOCUMENTS)
    assert {event.time for _, event in talks} == {None, "2018-09", "2018-09-04"}
    assert {event.modality for _, event in talks} == {"intended", "hypothetical"}


def test_hedged_and_planned_events_carry_their_modality() -> None:
    scupper = [event for event in events_of(DOC_000) if event.trigger.text == "scupper"]
    assert [(event.type, event.modality) for event in scupper] == [("THWART", "possible")]
    not_announced = [event for event in events_of(DOC_001) if event.trigger.text == "announce"]
    assert [(event.type, event.polarity, event.modality) for event in not_announced] == [
        ("ANNOUNCE", "negative", "actual")
    ]
    supplying = {event.modality for _, event in mentions("russia-supply-weapons-taliban")}
    assert supplying == {"possible"}


def test_will_not_go_in_000_is_two_negated_attends_on_one_trigger() -> None:
    go = [event for event in events_of(DOC_000) if event.trigger.text == "go" and event.trigger.start < 500]
    assert {event.cluster for event in go} == {"us-not-attend-moscow-talks", "afghanistan-not-attend-moscow-talks"}
    assert {event.trigger.start for event in go} == {text_of(DOC_000).index("will not go") + len("will not ")}
    assert {(event.polarity, event.modality) for event in go} == {("negative", "intended")}


def test_ahmadi_speaks_the_refusal_quote() -> None:
    matches = [
        quote for quote in quotes_of(DOC_003) if "We will not participate in the Moscow talks" in quote.content.text
    ]
    assert len(matches) == 1
    assert matches[0].speaker == "sibghat-ahmadi"
    assert matches[0].kind == "direct"
    assert matches[0].cue is not None and matches[0].cue.text == "said"


def test_quotes_reported_by_several_sources_are_linked() -> None:
    by_cluster: dict[str, list[tuple[str, QuoteAnnotation]]] = defaultdict(list)
    for document in DOCUMENTS:
        for quote in quotes_of(document):
            assert quote.cluster is not None
            by_cluster[quote.cluster].append((document, quote))
    pressure = by_cluster["atmar-pressure-taliban-negotiations"]
    assert [doc for doc, _ in pressure] == [DOC_000, DOC_001, DOC_003]
    assert {quote.content.text for _, quote in pressure} == {
        "to put pressure on Taliban insurgents to begin negotiations with the Afghan government",
        "to put pressure on the Taliban to begin negotiations with the Afghan government",
    }
    decided = by_cluster["afghan-official-decided-against-attending"]
    assert [(doc, quote.kind) for doc, quote in decided] == [(DOC_000, "direct"), (DOC_003, "partial")]
    assert [doc for doc, _ in by_cluster["afghan-official-hold-direct-talks"]] == [DOC_000, DOC_003]
    assert [doc for doc, _ in by_cluster["mantytski-peace-process-success"]] == [DOC_001, DOC_003]
    assert [doc for doc, _ in by_cluster["lavrov-taliban-against-is"]] == [DOC_002, DOC_003, DOC_003]


def test_partial_quotes_keep_the_speaker_of_the_innermost_reporting_verb() -> None:
    atmar = [quote for document in DOCUMENTS for quote in quotes_of(document) if quote.speaker == "hanif-atmar"]
    assert [quote.cue.text for quote in atmar if quote.cue is not None] == ["asked", "called upon", "called upon"]
    assert {quote.kind for quote in atmar} == {"partial"}


def test_violence_names_its_doer_attacker_never_agent() -> None:
    violent = [event for document in DOCUMENTS for event in events_of(document) if event.type in {"ATTACK", "KILL"}]
    assert len(violent) == 9
    assert all(argument.role != "agent" for event in violent for argument in event.arguments)
    killings = [event for _, event in mentions("recent-attacks-killings")]
    assert [argument.entity for event in killings for argument in event.arguments if argument.role == "attacker"] == [
        "taliban"
    ]


def test_statement_nouns_that_name_the_refusal_are_declines() -> None:
    refusals = {
        event.trigger.text: event for doc, event in mentions("afghanistan-decline-moscow-talks") if doc == DOC_003
    }
    assert set(refusals) == {"decision", "decided against", "comments", "statements"}
    assert (refusals["comments"].id, refusals["comments"].time) == ("V056", None)
    assert (refusals["statements"].id, refusals["statements"].time) == ("V057", "2018-08-22")
    revealed = [event for event in events_of(DOC_004) if event.trigger.text.lower().startswith("statement")]
    assert revealed == []
