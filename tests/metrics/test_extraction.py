"""Extraction scoring against gold, with expected values computed by hand for every mode."""

from __future__ import annotations

import datetime as dt

import pytest

from harness.core.claim_types import (
    ClaimSet,
    EntityClaim,
    EventArgumentClaim,
    EventClaim,
    NumberClaim,
    QuoteClaim,
)
from harness.core.spans import Span
from harness.errors import ConfigError
from harness.goldset.load import GoldDocument
from harness.goldset.schema import (
    DocumentInfo,
    EntityMention,
    EventAnnotation,
    EventArgument,
    NumberAnnotation,
    QuoteAnnotation,
)
from harness.metrics.extraction.coref import b_cubed, ceaf_e
from harness.metrics.extraction.scorer import ExtractionScorer

TEXT = (
    "Sergei Lavrov met Hanif Atmar in Kabul. Lavrov said Russia invited 12 countries to talks on Sept. 4. "
    '"We will help," Lavrov said.'
)


def span(text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start=start, end=start + len(text), text=text)


def document(**layers: object) -> GoldDocument:
    info = DocumentInfo(id="d1", path="d1.txt", sha256="0" * 64, date=dt.date(2018, 8, 22), title="t")
    return GoldDocument(info=info, text=TEXT, **layers)  # type: ignore[arg-type]


GOLD_ENTITIES = (
    EntityMention(id="E1", span=span("Sergei Lavrov"), type="PERSON", entity="sergei-lavrov"),
    EntityMention(id="E2", span=span("Hanif Atmar"), type="PERSON", entity="hanif-atmar"),
    EntityMention(id="E3", span=span("Kabul"), type="GPE", entity="kabul"),
    EntityMention(id="E4", span=span("Lavrov", 1), type="PERSON", entity="sergei-lavrov"),
    EntityMention(id="E5", span=span("Russia"), type="GPE", entity="russia"),
)
PREDICTED_ENTITIES = (
    EntityClaim(span=span("Sergei Lavrov"), type="PERSON", entity="sergei-lavrov"),  # correct
    EntityClaim(span=span("Atmar"), type="PERSON", entity="hanif-atmar"),  # boundary: partial
    EntityClaim(span=span("Kabul"), type="ORG", entity="kabul"),  # type error
    EntityClaim(span=span("said"), type="ORG"),  # spurious
)  # "Lavrov" (E4) and "Russia" (E5) missed


def test_entity_modes_match_semeval_definitions() -> None:
    gold = document(entities=GOLD_ENTITIES)
    metrics = ExtractionScorer(["entities"]).score(ClaimSet(entities=PREDICTED_ENTITIES), gold).metrics
    # strict: COR 1, INC 2, MIS 2, SPU 1 -> P 1/4, R 1/5
    assert metrics["entity_strict_precision"] == pytest.approx(1 / 4)
    assert metrics["entity_strict_recall"] == pytest.approx(1 / 5)
    assert metrics["entity_strict_f1"] == pytest.approx(2 / 9)
    # exact: boundaries only; Kabul counts -> COR 2, INC 1 -> P 2/4, R 2/5
    assert metrics["entity_exact_precision"] == pytest.approx(0.5)
    assert metrics["entity_exact_recall"] == pytest.approx(0.4)
    # partial: Atmar is half credit -> (2 + 0.5) / 4 and / 5
    assert metrics["entity_partial_precision"] == pytest.approx(0.625)
    assert metrics["entity_partial_recall"] == pytest.approx(0.5)
    # type: overlap with the right type; Atmar correct, Kabul wrong -> COR 2 of 4 and 5
    assert metrics["entity_type_f1"] == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert metrics["entity_strict_f1_GPE"] == 0.0


def test_entity_errors_are_listed_by_kind() -> None:
    gold = document(entities=GOLD_ENTITIES)
    findings = ExtractionScorer(["entities"]).score(ClaimSet(entities=PREDICTED_ENTITIES), gold).findings
    verdicts = sorted((f.verdict, f.text) for f in findings)
    assert verdicts == [
        ("missed", "Lavrov"),
        ("missed", "Russia"),
        ("spurious", "said"),
        ("wrong_boundary", "Atmar"),
        ("wrong_type", "Kabul"),
    ]
    boundary = next(f for f in findings if f.verdict == "wrong_boundary")
    assert boundary.evidence[0].annotation == "E2" and boundary.evidence[0].document == "d1"


def test_cross_document_linking_split_and_merged_clusters() -> None:
    a, b, c, d = (("d1", i, i + 1) for i in range(4))
    key = [frozenset({a, b, c, d})]
    split = [frozenset({a, b}), frozenset({c, d})]
    assert b_cubed(key, split).precision == 1.0
    assert b_cubed(key, split).recall == 0.5
    assert ceaf_e(key, split).precision == pytest.approx(1 / 3)
    assert ceaf_e(key, split).recall == pytest.approx(2 / 3)
    merged_key = [frozenset({a, b}), frozenset({c, d})]
    merged = [frozenset({a, b, c, d})]
    assert b_cubed(merged_key, merged).precision == 0.5
    assert b_cubed(merged_key, merged).recall == 1.0
    assert ceaf_e(merged_key, merged).recall == pytest.approx(1 / 3)


def test_aggregate_links_mentions_across_documents() -> None:
    gold = document(entities=GOLD_ENTITIES)
    # Lavrov's two mentions predicted but left unlinked: his cluster is split in two.
    unlinked = tuple(
        EntityClaim(span=m.span, type=m.type, entity=None if m.id == "E4" else m.entity) for m in GOLD_ENTITIES
    )
    metrics = ExtractionScorer(["entities"]).aggregate([(ClaimSet(entities=unlinked), gold)])
    assert metrics["micro_entity_strict_f1"] == 1.0
    assert metrics["entity_link_b3_precision"] == 1.0
    # B-cubed recall: Lavrov's two mentions get 1/2 each, the other three 1 -> 4/5
    assert metrics["entity_link_b3_recall"] == pytest.approx(4 / 5)


def test_numbers_span_and_attribute_scores() -> None:
    gold = document(
        numbers=(
            NumberAnnotation(
                id="N1",
                span=span("12 countries"),
                kind="cardinal",
                value=12,
                low=12,
                high=12,
                unit="country",
                counted="countries invited",
                fact=None,
            ),
            NumberAnnotation(
                id="N2", span=span("Sept. 4"), kind="date", unit=None, counted="date of the talks", date="2018-09-04"
            ),
        )
    )
    predicted = ClaimSet(
        numbers=(
            NumberClaim(
                span=span("12"), kind="cardinal", value=12, low=12, high=12, unit="country", counted="countries"
            ),
            NumberClaim(span=span("Sept. 4"), kind="date", date="2018-09-05"),
            NumberClaim(span=span("Hanif"), kind="cardinal", value=2, low=2, high=2),
        )
    )
    metrics = ExtractionScorer(["numbers"]).score(predicted, gold).metrics
    assert metrics["number_exact_precision"] == pytest.approx(1 / 3)
    assert metrics["number_exact_recall"] == pytest.approx(1 / 2)
    assert metrics["number_overlap_precision"] == pytest.approx(2 / 3)
    assert metrics["number_overlap_recall"] == 1.0
    assert metrics["number_value_accuracy"] == 1.0
    assert metrics["number_unit_accuracy"] == 1.0
    assert metrics["number_counted_accuracy"] == 0.5  # "countries" vs "countries invited" holds; None does not
    assert metrics["number_date_value_accuracy"] == 0.0
    assert metrics["number_date_f1"] == 0.0


def test_events_trigger_argument_and_polarity() -> None:
    gold = document(
        events=(
            EventAnnotation(
                id="V1",
                type="MEET",
                trigger=span("met"),
                arguments=[
                    EventArgument(role="agent", entity="sergei-lavrov"),
                    EventArgument(role="recipient", entity="hanif-atmar"),
                ],
            ),
            EventAnnotation(
                id="V2",
                type="INVITE",
                trigger=span("invited"),
                arguments=[EventArgument(role="agent", entity="russia")],
            ),
        )
    )
    predicted = ClaimSet(
        events=(
            EventClaim(
                trigger=span("met"),
                type="MEET",
                arguments=(
                    EventArgumentClaim(role="agent", entity="sergei-lavrov"),
                    EventArgumentClaim(role="place", entity="hanif-atmar"),
                ),
            ),
            EventClaim(trigger=span("invited"), type="ATTEND", polarity="negative"),
            EventClaim(trigger=span("help"), type="SUPPORT"),
        )
    )
    metrics = ExtractionScorer(["events"]).score(predicted, gold).metrics
    assert metrics["event_trigger_id_precision"] == pytest.approx(2 / 3)
    assert metrics["event_trigger_id_recall"] == 1.0
    assert metrics["event_trigger_cls_precision"] == pytest.approx(1 / 3)
    assert metrics["event_argument_id_precision"] == 1.0  # both predicted fillers are gold fillers
    assert metrics["event_argument_id_recall"] == pytest.approx(2 / 3)
    assert metrics["event_argument_cls_precision"] == 0.5  # the recipient labelled as place
    assert metrics["event_polarity_accuracy"] == 1.0


def test_quotes_span_tokens_cue_and_speaker() -> None:
    gold = document(
        quotes=(QuoteAnnotation(id="Q1", content=span("We will help,"), speaker="sergei-lavrov", cue=span("said", 1)),)
    )
    predicted = ClaimSet(quotes=(QuoteClaim(content=span("We will help"), speaker="russia", cue=span("said", 1)),))
    metrics = ExtractionScorer(["quotes"]).score(predicted, gold).metrics
    assert metrics["quote_exact_f1"] == 0.0
    assert metrics["quote_token_f1"] == 1.0  # the same three words
    assert metrics["quote_cue_f1"] == 1.0
    assert metrics["quote_speaker_accuracy"] == 0.0


def test_a_layer_the_extractor_does_not_produce_is_not_penalized() -> None:
    gold = document(entities=GOLD_ENTITIES, quotes=(QuoteAnnotation(id="Q1", content=span("We will help,")),))
    entities_only = ClaimSet(layers=("entities",), entities=PREDICTED_ENTITIES)
    metrics = ExtractionScorer().score(entities_only, gold).metrics
    assert "entity_strict_f1" in metrics
    assert not any(name.startswith("quote_") for name in metrics)
    everything = ExtractionScorer().score(ClaimSet(entities=PREDICTED_ENTITIES), gold).metrics
    assert everything["quote_exact_recall"] == 0.0
    assert "micro_entity_strict_f1" in ExtractionScorer().aggregate([(entities_only, gold)])


def test_unknown_layer_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown"):
        ExtractionScorer(["relations"])  # type: ignore[list-item]
