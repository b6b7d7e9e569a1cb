"""A name the sources write another way: without titles, in parts, or as a place's other name."""

from __future__ import annotations

from harness.verdicts.other_names import other_names, without_titles
from harness.verdicts.sources import Sources


def _named(written: str, article: str) -> bool:
    return bool(other_names(written, Sources.from_texts("c", {"doc": article})))


def test_a_dateline_abbreviation_names_its_state() -> None:
    assert _named("Pennsylvania", "BRAMFORD, Pa. — A man was arrested on Tuesday.")
    assert not _named("Pennsylvania", "BRAMFORD, Ohio — A man was arrested on Tuesday.")


def test_a_demonym_names_its_country_and_back() -> None:
    assert _named("Netherlands", "The Dutch drinks group bought the brewer.")
    assert _named("Dutch", "A group from the Netherlands bought the brewer.")
    assert not _named("Belgium", "The Dutch drinks group bought the brewer.")


def test_titles_and_a_person_of_an_organization() -> None:
    assert without_titles("Prof Mark Ellery") == "Mark Ellery"
    article = "Professor Mark Ellery of Halden University said the results were early."
    assert _named("Prof Mark Ellery of Halden University", article)
    assert not _named("Prof Mark Ellery of Eastmoor University", article)
