"""The validator reports each kind of corruption with the file, annotation id and field that hold it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harness.goldset.isodate import iso_bounds
from harness.goldset.load import DEFAULT_GOLDSET
from harness.goldset.problems import Problem
from harness.goldset.validate import validate_goldset

NUMBERS_A = "annotations/doc-a/numbers.json"
ENTITIES_B = "annotations/doc-b/entities.json"

EditJson = Callable[[Path, Callable[[Any], None]], None]


def where(problems: list[Problem]) -> list[tuple[str, str | None, str | None]]:
    return [(problem.file, problem.id, problem.field) for problem in problems]


def test_tiny_goldset_is_valid(tiny_goldset: Path) -> None:
    assert validate_goldset(tiny_goldset) == []


def test_manifest_path_is_accepted_as_well_as_the_folder(tiny_goldset: Path) -> None:
    assert validate_goldset(tiny_goldset / "goldset.json") == []


def test_real_goldset_has_valid_furniture_and_references() -> None:
    furniture_or_references = [
        problem
        for problem in validate_goldset(DEFAULT_GOLDSET)
        if problem.file.endswith("furniture.json") or problem.file == "references.json"
    ]
    assert furniture_or_references == []


def test_real_goldset_validates_clean_once_every_layer_exists() -> None:
    layers = ("entities", "numbers", "events", "quotes", "furniture")
    folders = sorted((DEFAULT_GOLDSET / "annotations").iterdir())
    complete = len(folders) == 5 and all((folder / f"{layer}.json").exists() for folder in folders for layer in layers)
    if not complete:
        pytest.skip("the content layers of the built-in goldset are not all written yet")
    assert [problem.format() for problem in validate_goldset(DEFAULT_GOLDSET)] == []


def test_changed_text_breaks_the_sha256(tiny_goldset: Path) -> None:
    with (tiny_goldset / "texts" / "doc-b.txt").open("a", encoding="utf-8", newline="") as handle:
        handle.write("More.\n")
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [("texts/doc-b.txt", "doc-b", "sha256")]
    assert "the text changed" in problems[0].message


def test_span_off_by_one_names_the_span_text_and_where_the_text_really_is(
    tiny_goldset: Path, edit_json: EditJson
) -> None:
    def shift(data: Any) -> None:
        data["numbers"][0]["span"]["start"] += 1
        data["numbers"][0]["span"]["end"] += 1

    edit_json(tiny_goldset / NUMBERS_A, shift)
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [(NUMBERS_A, "N001", "span.text")]
    start = (tiny_goldset / "texts" / "doc-a.txt").read_text(encoding="utf-8").index("12 countries")
    assert f"the text occurs at [{start}:{start + 12}]" in problems[0].message
    assert problems[0].line is not None


def test_span_past_the_end_of_the_text(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / ENTITIES_B, lambda data: data["mentions"][0]["span"].update(start=500, end=506))
    assert where(validate_goldset(tiny_goldset)) == [(ENTITIES_B, "E001", "span.end")]


def test_unknown_entity_id(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / ENTITIES_B, lambda data: data["mentions"][0].update(entity="rusia"))
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [(ENTITIES_B, "E001", "entity")]
    assert "'rusia'" in problems[0].message


def test_unknown_fact_and_unused_fact(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / NUMBERS_A, lambda data: data["numbers"][0].update(fact="countries-invitd"))
    assert where(validate_goldset(tiny_goldset)) == [
        (NUMBERS_A, "N001", "fact"),
        ("inventory/number-facts.json", "countries-invited", None),
    ]


def test_unknown_event_and_quote_clusters(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / "annotations/doc-b/events.json", lambda data: data["events"][0].update(cluster="nope"))
    edit_json(tiny_goldset / "annotations/doc-a/quotes.json", lambda data: data["quotes"][0].update(cluster="nope"))
    assert where(validate_goldset(tiny_goldset)) == [
        ("annotations/doc-a/quotes.json", "Q001", "cluster"),
        ("annotations/doc-b/events.json", "V001", "cluster"),
        ("inventory/event-clusters.json", "moscow-talks", None),
        ("inventory/quote-clusters.json", "hope", None),
    ]


def test_bad_qualifier_is_reported_not_raised(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / NUMBERS_A, lambda data: data["numbers"][1].update(qualifier="roughly"))
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [(NUMBERS_A, "N002", "qualifier")]
    assert "'exact'" in problems[0].message
    lines = (tiny_goldset / NUMBERS_A).read_text(encoding="utf-8").splitlines()
    assert lines[problems[0].line - 1].strip() == '"id": "N002",'


def test_bad_kind_in_furniture(tiny_goldset: Path, edit_json: EditJson) -> None:
    path = tiny_goldset / "annotations/doc-b/furniture.json"
    edit_json(path, lambda data: data["furniture"][0].update(kind="advert"))
    assert where(validate_goldset(tiny_goldset)) == [("annotations/doc-b/furniture.json", "F001", "kind")]


def test_low_above_high(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / "annotations/doc-b/numbers.json", lambda data: data["numbers"][0].update(low=41))
    problems = validate_goldset(tiny_goldset)
    file = "annotations/doc-b/numbers.json"
    assert (file, "N001", "low") in where(problems)
    assert "low 41 is greater than high 40" in [problem.message for problem in problems]


def test_value_outside_its_interval(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / NUMBERS_A, lambda data: data["numbers"][0].update(value=14))
    problems = validate_goldset(tiny_goldset)
    assert (NUMBERS_A, "N001", "value") in where(problems)
    assert "value 14 lies outside the interval [12, 12]" in [problem.message for problem in problems]


def test_nearly_needs_an_open_upper_end_at_the_value(tiny_goldset: Path, edit_json: EditJson) -> None:
    path = tiny_goldset / "annotations/doc-b/numbers.json"
    edit_json(path, lambda data: data["numbers"][0].update(high_open=False))
    assert where(validate_goldset(tiny_goldset)) == [("annotations/doc-b/numbers.json", "N001", "high_open")]


def test_bad_iso_date(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / NUMBERS_A, lambda data: data["numbers"][1].update(date="2018-09-31"))
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [(NUMBERS_A, "N002", "date")]
    assert "2018-09-31" in problems[0].message


def test_bad_event_time(tiny_goldset: Path, edit_json: EditJson) -> None:
    path = tiny_goldset / "annotations/doc-b/events.json"
    edit_json(path, lambda data: data["events"][0].update(time="Sept. 4"))
    assert where(validate_goldset(tiny_goldset)) == [("annotations/doc-b/events.json", "V001", "time")]


def test_duplicate_annotation(tiny_goldset: Path, edit_json: EditJson) -> None:
    def duplicate(data: Any) -> None:
        data["mentions"].append({**data["mentions"][0], "id": "E002"})

    edit_json(tiny_goldset / ENTITIES_B, duplicate)
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [(ENTITIES_B, "E002", "span")]
    assert problems[0].message.startswith("duplicates E001")


def test_duplicate_id(tiny_goldset: Path, edit_json: EditJson) -> None:
    path = tiny_goldset / "annotations/doc-a/entities.json"
    edit_json(path, lambda data: data["mentions"][1].update(id="E001"))
    assert where(validate_goldset(tiny_goldset)) == [("annotations/doc-a/entities.json", "E001", "id")]


def test_annotation_inside_furniture(tiny_goldset: Path, edit_json: EditJson) -> None:
    def annotate_byline(data: Any) -> None:
        offset = len("Talks in Moscow\n\nBy ")
        data["mentions"][0].update(span={"start": offset, "end": offset + 5, "text": "Staff"})

    edit_json(tiny_goldset / "annotations/doc-a/entities.json", annotate_byline)
    problems = validate_goldset(tiny_goldset)
    assert where(problems) == [("annotations/doc-a/entities.json", "E001", "span")]
    assert "page furniture F001 (byline)" in problems[0].message


def test_invalid_json_names_the_line(tiny_goldset: Path) -> None:
    path = tiny_goldset / "annotations/doc-b/furniture.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[4] == '      "id": "F001",'
    lines[4] = lines[4].rstrip(",")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate_goldset(tiny_goldset)
    assert [(problem.file, problem.line) for problem in problems] == [("annotations/doc-b/furniture.json", 6)]
    assert problems[0].message.startswith("invalid JSON at line 6, column 7: Expecting ',' delimiter")


def test_missing_document_folder(tiny_goldset: Path) -> None:
    shutil.rmtree(tiny_goldset / "annotations" / "doc-b")
    problems = validate_goldset(tiny_goldset)
    assert ("annotations/doc-b", "doc-b", None) in where(problems)
    assert all(problem.file != "annotations/doc-a/entities.json" for problem in problems)


def test_folder_without_document(tiny_goldset: Path) -> None:
    shutil.copytree(tiny_goldset / "annotations" / "doc-b", tiny_goldset / "annotations" / "doc-c")
    assert where(validate_goldset(tiny_goldset)) == [("annotations/doc-c", "doc-c", None)]


def test_empty_reference(tiny_goldset: Path, edit_json: EditJson) -> None:
    edit_json(tiny_goldset / "references.json", lambda data: data["references"][0].update(text="  "))
    assert where(validate_goldset(tiny_goldset)) == [("references.json", "ref-1", "text")]


def test_keeps_going_after_the_first_problem(tiny_goldset: Path, edit_json: EditJson) -> None:
    (tiny_goldset / "annotations/doc-a/quotes.json").write_text("{", encoding="utf-8")
    edit_json(tiny_goldset / ENTITIES_B, lambda data: data["mentions"][0].update(type="ORG"))
    edit_json(tiny_goldset / "references.json", lambda data: data.update(cluster="other"))
    assert where(validate_goldset(tiny_goldset)) == [
        ("annotations/doc-a/quotes.json", None, None),
        (ENTITIES_B, "E001", "type"),
        ("inventory/quote-clusters.json", "hope", None),
        ("references.json", None, "cluster"),
    ]


def test_problem_format_is_file_line_id_field_message(tmp_path: Path) -> None:
    problem = Problem("annotations/x/numbers.json", "N001", "low", "low 41 is greater than high 40", 12)
    assert problem.format() == "annotations/x/numbers.json:12: N001: low: low 41 is greater than high 40"
    assert Problem("references.json", None, None, "file not found").format(tmp_path) == (
        f"{tmp_path}/references.json: -: -: file not found"
    )


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2018", "2018-01-01", "2018-12-31"),
        ("2018-02", "2018-02-01", "2018-02-28"),
        ("2018-12", "2018-12-01", "2018-12-31"),
        ("2018-W34", "2018-08-20", "2018-08-26"),
        ("2018-09-04", "2018-09-04", "2018-09-04"),
        ("2018-08/2018-09-04", "2018-08-01", "2018-09-04"),
    ],
)
def test_iso_bounds(value: str, first: str, last: str) -> None:
    low, high = iso_bounds(value)
    assert (low.isoformat(), high.isoformat()) == (first, last)


@pytest.mark.parametrize("value", ["Sept. 4", "2018-13", "2018-W54", "2018-09-05/2018-09-04", "18-09-04"])
def test_iso_bounds_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        iso_bounds(value)


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_iso_bounds_of_a_day_month_and_week_contain_that_day(day: dt.date) -> None:
    assert iso_bounds(day.isoformat()) == (day, day)
    first, last = iso_bounds(day.isoformat()[:7])
    assert first.day == 1 and first <= day <= last and (last + dt.timedelta(days=1)).day == 1
    year, week, _ = day.isocalendar()
    if 1000 <= year <= 9999:
        monday, sunday = iso_bounds(f"{year:04d}-W{week:02d}")
        assert monday <= day <= sunday and (sunday - monday).days == 6
