"""Invariants of the hand-made number layer of goldsets/moscow-talks-2018 (guidelines/numbers.md).

Each test states a rule an annotation mistake would break: spans, intervals per qualifier, date resolution
against the publication date, fact linking, and hand-checked facts with their support across documents.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from harness.goldset.isodate import iso_bounds
from harness.goldset.load import DEFAULT_GOLDSET
from harness.goldset.schema import FurnitureLayer, Manifest, NumberAnnotation, NumberFactInventory, NumberLayer
from tests.goldset.corpus_ids import DOC_000, DOC_001, DOC_002, DOC_003, DOC_004

ROOT: Path = DEFAULT_GOLDSET
EXPECTED_COUNTS = {DOC_000: 19, DOC_001: 19, DOC_002: 13, DOC_003: 22, DOC_004: 5}
"""Numbers per document after the final re-read; a drop means an annotation was lost."""

SINGULAR_UNITS = {"attack", "commander", "country", "day", "foray", "hour", "member", "militant", "month"}
SINGULAR_UNITS |= {"official", "percent", "person", "year"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def manifest() -> Manifest:
    return Manifest.model_validate_json((ROOT / "goldset.json").read_text(encoding="utf-8"))


@cache
def text_of(document: str) -> str:
    with open(ROOT / "texts" / f"{document}.txt", encoding="utf-8", newline="") as handle:
        return handle.read()


@cache
def layer(document: str) -> NumberLayer:
    path = ROOT / "annotations" / document / "numbers.json"
    return NumberLayer.model_validate_json(path.read_text(encoding="utf-8"))


def publication_date(document: str) -> dt.date:
    return next(info.date for info in manifest().documents if info.id == document)


def all_numbers() -> list[tuple[str, NumberAnnotation]]:
    return [(info.id, number) for info in manifest().documents for number in layer(info.id).numbers]


def by_fact() -> dict[str, list[tuple[str, NumberAnnotation]]]:
    grouped: dict[str, list[tuple[str, NumberAnnotation]]] = defaultdict(list)
    for document, number in all_numbers():
        assert number.fact is not None
        grouped[number.fact].append((document, number))
    return grouped


def supporting_documents(fact: str) -> set[str]:
    return {document for document, _ in by_fact()[fact]}


def the_number(document: str, span_text: str) -> NumberAnnotation:
    found = [number for number in layer(document).numbers if number.span.text == span_text]
    assert len(found) == 1, f"{document}: {len(found)} numbers with span {span_text!r}"
    return found[0]


DOCUMENT_IDS = [info.id for info in manifest().documents]


@pytest.mark.parametrize("document", DOCUMENT_IDS)
def test_layer_names_its_document_and_counts_every_number(document: str) -> None:
    assert layer(document).document == document
    assert len(layer(document).numbers) == EXPECTED_COUNTS[document]


@pytest.mark.parametrize("document", DOCUMENT_IDS)
def test_span_text_equals_the_slice_of_the_text(document: str) -> None:
    text = text_of(document)
    for number in layer(document).numbers:
        assert text[number.span.start : number.span.end] == number.span.text, number.id


@pytest.mark.parametrize("document", DOCUMENT_IDS)
def test_ids_follow_text_order_and_spans_do_not_overlap(document: str) -> None:
    numbers = layer(document).numbers
    assert [number.id for number in numbers] == [f"N{index:03d}" for index in range(1, len(numbers) + 1)]
    for before, after in itertools.pairwise(numbers):
        assert before.span.end <= after.span.start, (before.id, after.id)


@pytest.mark.parametrize("document", DOCUMENT_IDS)
def test_spans_stay_out_of_page_furniture(document: str) -> None:
    path = ROOT / "annotations" / document / "furniture.json"
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    furniture = FurnitureLayer.model_validate_json(path.read_text(encoding="utf-8")).furniture
    for number in layer(document).numbers:
        for item in furniture:
            assert number.span.end <= item.span.start or number.span.start >= item.span.end, (number.id, item.id)


def test_spans_start_and_end_on_word_boundaries() -> None:
    for document, number in all_numbers():
        text = text_of(document)
        assert number.span.text == number.span.text.strip(" .,;:\n"), (document, number.id)
        assert number.span.start == 0 or not text[number.span.start - 1].isalnum(), (document, number.id)
        assert number.span.end == len(text) or not text[number.span.end].isalnum(), (document, number.id)


def test_intervals_are_ordered_and_hold_the_value() -> None:
    for document, number in all_numbers():
        where = (document, number.id)
        if number.low is not None and number.high is not None:
            assert number.low <= number.high, where
        if number.value is not None:
            assert number.low is None or number.value >= number.low, where
            assert number.high is None or number.value <= number.high, where


def test_each_qualifier_gets_the_interval_of_the_convention() -> None:
    for document, number in all_numbers():
        where = (document, number.id)
        value, low, high = number.value, number.low, number.high
        if number.kind == "date":
            assert (value, low, high) == (None, None, None), where
            continue
        if number.qualifier == "vague":
            assert value is None and low is not None, where
            continue
        assert value is not None and low is not None, where
        match number.qualifier:
            case "exact":
                assert (low, high, number.low_open, number.high_open) == (value, value, False, False), where
            case "approximately":
                assert (low, high) == (pytest.approx(0.9 * value), pytest.approx(1.1 * value)), where
            case "nearly":
                assert (low, high, number.high_open) == (pytest.approx(0.9 * value), value, True), where
            case "at_least":
                assert (low, high, number.low_open) == (value, None, False), where
            case other:
                pytest.fail(f"{where}: qualifier {other} does not occur in this goldset")


def test_units_are_singular_nouns_from_the_agreed_list() -> None:
    for document, number in all_numbers():
        if number.kind in {"date", "year", "ordinal"}:
            assert number.unit is None, (document, number.id)
        else:
            assert number.unit in SINGULAR_UNITS, (document, number.id, number.unit)


def test_dates_parse_as_iso_and_lie_between_1970_and_2030() -> None:
    for document, number in all_numbers():
        if number.kind in {"date", "year"}:
            assert number.date is not None, (document, number.id)
        if number.date is None:
            continue
        first, last = iso_bounds(number.date)
        assert dt.date(1970, 1, 1) <= first <= last <= dt.date(2030, 12, 31), (document, number.id)


def test_years_carry_their_number_as_value_and_date() -> None:
    years = [(document, number) for document, number in all_numbers() if number.kind == "year"]
    assert years
    for document, number in years:
        assert number.date == number.span.text == f"{number.value:.0f}", (document, number.id)


def test_weekdays_resolve_to_the_latest_such_day_on_or_before_publication() -> None:
    for document, number in all_numbers():
        weekday = number.span.text.split()[-1]
        if weekday not in WEEKDAYS:
            continue
        published = publication_date(document)
        back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
        assert number.date == (published - dt.timedelta(days=back)).isoformat(), (document, number.id)


@pytest.mark.parametrize(
    ("phrase", "resolve"),
    [
        ("this week", lambda day: f"{day.isocalendar().year}-W{day.isocalendar().week:02d}"),
        ("next month", lambda day: f"{day.year}-{day.month + 1:02d}"),
        ("this year", lambda day: str(day.year)),
    ],
)
def test_deictic_dates_resolve_against_the_publication_date(phrase: str, resolve: Callable[[dt.date], str]) -> None:
    found = [(d, n) for d, n in all_numbers() if n.span.text.lower() == phrase]
    assert found
    for document, number in found:
        assert number.date == resolve(publication_date(document)), (document, number.id)


def test_every_fact_is_in_the_inventory_and_every_fact_is_used() -> None:
    path = ROOT / manifest().number_facts
    inventory = NumberFactInventory.model_validate_json(path.read_text(encoding="utf-8"))
    ids = [fact.id for fact in inventory.facts]
    assert len(ids) == len(set(ids))
    assert all(number.fact is not None for _, number in all_numbers())
    assert set(by_fact()) == set(ids)


def test_numbers_of_one_fact_agree_on_kind_unit_and_value() -> None:
    mixed_units = {"taliban-delegation-size": {"member", "official"}}
    for fact, numbers in by_fact().items():
        assert len({number.kind for _, number in numbers}) == 1, fact
        assert len({number.value for _, number in numbers}) == 1, fact
        assert {number.unit for _, number in numbers} <= mixed_units.get(fact, {numbers[0][1].unit}), fact


def test_countries_invited_is_12_in_exactly_documents_001_and_003() -> None:
    assert supporting_documents("countries-invited") == {DOC_001, DOC_003}
    for _, number in by_fact()["countries-invited"]:
        assert (number.span.text, number.value, number.unit, number.qualifier) == (
            "12 countries",
            12,
            "country",
            "exact",
        )
    several = the_number(DOC_000, "several countries")
    assert (several.fact, several.low, several.high) == ("countries-invited-several", 3, 9)


def test_talks_date_is_september_4_in_every_document() -> None:
    talks = by_fact()["talks-date"]
    assert supporting_documents("talks-date") == set(DOCUMENT_IDS)
    for document in DOCUMENT_IDS:
        assert any(d == document and n.date == "2018-09-04" for d, n in talks), document
    for document, number in talks:
        assert number.date is not None
        first, last = iso_bounds(number.date)
        assert first <= dt.date(2018, 9, 4) <= last, (document, number.id)
    assert the_number(DOC_003, "early next month").date == "2018-09-01/2018-09-10"
    assert the_number(DOC_004, "4th of September").date == "2018-09-04"


def test_nearly_40_years_lies_below_40() -> None:
    assert supporting_documents("years-since-soviet-invasion") == {DOC_000, DOC_001, DOC_003}
    for _, number in by_fact()["years-since-soviet-invasion"]:
        assert number.span.text.lower() == "nearly 40 years"
        assert (number.kind, number.qualifier, number.value, number.unit) == ("duration", "nearly", 40, "year")
        assert (number.low, number.high, number.low_open, number.high_open) == (36, 40, False, True)


def test_delegation_size_shares_a_fact_but_not_a_qualifier() -> None:
    at_least = the_number(DOC_000, "At least four senior Taliban members")
    approximately = the_number(DOC_004, "Approximately four senior officials")
    assert at_least.fact == approximately.fact == "taliban-delegation-size"
    assert supporting_documents("taliban-delegation-size") == {DOC_000, DOC_004}
    assert (at_least.qualifier, at_least.low, at_least.high) == ("at_least", 4, None)
    assert (approximately.qualifier, approximately.low, approximately.high) == (
        "approximately",
        pytest.approx(3.6),
        pytest.approx(4.4),
    )


@pytest.mark.parametrize(
    ("fact", "documents", "span_text", "value", "unit"),
    [
        ("soviet-occupation-length", {DOC_000, DOC_001, DOC_003}, "decade-long", 10, "year"),
        ("ceasefire-length", {DOC_001, DOC_003}, "three-month", 3, "month"),
        ("us-invasion-year", {DOC_000, DOC_001, DOC_003}, "2001", 2001, None),
        ("districts-contested-share", {DOC_000}, "around 40 percent", 40, "percent"),
        ("taliban-commanders-sources", {DOC_001, DOC_003}, None, 2, "commander"),
    ],
)
def test_hand_checked_facts(fact: str, documents: set[str], span_text: str | None, value: float, unit: str) -> None:
    assert supporting_documents(fact) == documents
    for _, number in by_fact()[fact]:
        assert (number.value, number.unit) == (value, unit)
        assert span_text is None or number.span.text == span_text


def test_vague_quantities_use_the_table_intervals() -> None:
    hundreds = by_fact()["people-killed-in-attacks"]
    assert {document for document, _ in hundreds} == {DOC_000, DOC_001, DOC_003}
    for _, number in hundreds:
        assert (number.low, number.high, number.high_open, number.unit) == (200, 1000, True, "person")
    for _, number in by_fact()["afghan-war-length"]:
        assert (number.span.text, number.low, number.high, number.unit) == ("decades", 20, 100, "year")
    several = the_number(DOC_002, "several devastating attacks")
    assert (several.low, several.high, several.high_open) == (3, 9, False)
    for _, number in by_fact()["back-channel-countries"]:
        assert (number.low, number.high) == (2, None)


def test_the_ordinal_first_is_annotated() -> None:
    first = the_number(DOC_002, "first")
    assert (first.kind, first.value, first.unit) == ("ordinal", 1, None)


def test_atmar_appeal_date_disagreement_is_kept() -> None:
    dates = {document: number.date for document, number in by_fact()["atmar-appeal-date"]}
    assert dates == {
        DOC_000: "2018-08-22",
        DOC_001: "2018-08-22",
        DOC_003: "2018-08-22",
        DOC_004: "2018-08-18/2018-08-21",
    }
