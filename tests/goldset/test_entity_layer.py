"""Invariants of the hand-made entity layer of goldsets/moscow-talks-2018 (guidelines/entities.md).

Each test states a rule an annotation mistake would break: spans against the text, inventory links and types,
no overlaps or furniture, kinds consistent with the inventory's names, metonyms and roles, and hand-checked
facts read off the documents.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from harness.core.spans import Entity, EntityInventory, EntityType
from harness.core.text import normalize_quotes
from harness.goldset.load import DEFAULT_GOLDSET
from harness.goldset.schema import EntityLayer, EntityMention, FurnitureLayer, Manifest
from tests.goldset.corpus_ids import DOC_000, DOC_001, DOC_002, DOC_003, DOC_004

ROOT: Path = DEFAULT_GOLDSET
EXPECTED_COUNTS = {DOC_000: 74, DOC_001: 72, DOC_002: 97, DOC_003: 100, DOC_004: 42}
"""Mentions per document after the final re-read; a change means a mention was lost or added."""
TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "GPE", "NORP", "PUBLICATION")
EXPECTED_TYPES = {
    DOC_000: (10, 20, 39, 5, 0),
    DOC_001: (11, 14, 41, 5, 1),
    DOC_002: (11, 33, 44, 9, 0),
    DOC_003: (13, 24, 51, 7, 5),
    DOC_004: (4, 12, 23, 3, 0),
}
"""Mentions per type, as tabulated in guidelines/entities.md section 8."""


@cache
def manifest() -> Manifest:
    return Manifest.model_validate_json((ROOT / "goldset.json").read_text(encoding="utf-8"))


@cache
def inventory() -> dict[str, Entity]:
    raw = (ROOT / "inventory" / "entities.json").read_text(encoding="utf-8")
    return {entity.id: entity for entity in EntityInventory.model_validate_json(raw).entities}


@cache
def text_of(document: str) -> str:
    with open(ROOT / "texts" / f"{document}.txt", encoding="utf-8", newline="") as handle:
        return handle.read()


@cache
def layer(document: str) -> EntityLayer:
    path = ROOT / "annotations" / document / "entities.json"
    return EntityLayer.model_validate_json(path.read_text(encoding="utf-8"))


@cache
def furniture(document: str) -> FurnitureLayer | None:
    path = ROOT / "annotations" / document / "furniture.json"
    return FurnitureLayer.model_validate_json(path.read_text(encoding="utf-8")) if path.exists() else None


def content_of(document: str) -> str:
    """The document text with page furniture blanked out (same length, so offsets still hold)."""
    text = text_of(document)
    pieces = furniture(document)
    for item in pieces.furniture if pieces else ():
        text = text[: item.span.start] + " " * (item.span.end - item.span.start) + text[item.span.end :]
    return text


def mentions(document: str) -> list[EntityMention]:
    return layer(document).mentions


def all_mentions() -> list[tuple[str, EntityMention]]:
    return [(document, mention) for document in DOCUMENTS for mention in mentions(document)]


def of_entity(document: str, entity: str, kind: str | None = None) -> list[str]:
    return [m.span.text for m in mentions(document) if m.entity == entity and (kind is None or m.kind == kind)]


def mention_at(document: str, phrase: str, occurrence: int = 1) -> EntityMention:
    """The mention whose span starts at the n-th occurrence of `phrase` in the document."""
    text = text_of(document)
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    found = [m for m in mentions(document) if m.span.start == start]
    assert len(found) == 1, f"{document}: no mention starts at {phrase!r} (occurrence {occurrence})"
    return found[0]


def plain(text: str) -> str:
    """Comparison form that keeps case: NFKC (so a non-breaking space is a space) and ASCII quote marks."""
    return normalize_quotes(unicodedata.normalize("NFKC", text))


DOCUMENTS = [DOC_000, DOC_001, DOC_002, DOC_003, DOC_004]


def test_every_document_of_the_manifest_has_an_entity_layer() -> None:
    assert [info.id for info in manifest().documents] == DOCUMENTS
    for document in DOCUMENTS:
        assert layer(document).document == document


@pytest.mark.parametrize("document", DOCUMENTS)
def test_mention_count_per_document(document: str) -> None:
    assert len(mentions(document)) == EXPECTED_COUNTS[document]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_mention_count_per_type(document: str) -> None:
    counts = Counter(m.type for m in mentions(document))
    assert tuple(counts[kind] for kind in TYPES) == EXPECTED_TYPES[document]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_span_equals_its_text_slice(document: str) -> None:
    text = text_of(document)
    for mention in mentions(document):
        assert text[mention.span.start : mention.span.end] == mention.span.text, mention.id
        assert mention.span.text == mention.span.text.strip(), mention.id


@pytest.mark.parametrize("document", DOCUMENTS)
def test_ids_are_numbered_in_text_order(document: str) -> None:
    found = mentions(document)
    assert [m.id for m in found] == [f"E{index:03d}" for index in range(1, len(found) + 1)]
    assert [m.span.start for m in found] == sorted(m.span.start for m in found)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_no_two_mentions_overlap(document: str) -> None:
    ordered = sorted(mentions(document), key=lambda m: m.span.start)
    for first, second in itertools.pairwise(ordered):
        assert first.span.end <= second.span.start, f"{first.id} overlaps {second.id}"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_no_mention_lies_in_page_furniture(document: str) -> None:
    pieces = furniture(document)
    if pieces is None:
        pytest.skip("no furniture layer yet")
    for mention in mentions(document):
        for item in pieces.furniture:
            clear = mention.span.end <= item.span.start or item.span.end <= mention.span.start
            assert clear, f"{mention.id} lies in furniture {item.id}"


def test_every_mention_links_to_an_inventory_entity_of_its_type() -> None:
    entities = inventory()
    for document, mention in all_mentions():
        assert mention.entity in entities, f"{document} {mention.id}: unknown entity {mention.entity}"
        assert mention.type == entities[mention.entity].type, f"{document} {mention.id}"


def test_every_inventory_entity_is_mentioned() -> None:
    used = {mention.entity for _, mention in all_mentions()}
    assert set(inventory()) - used == set()


def test_unnamed_actors_and_only_they_carry_the_unnamed_prefix() -> None:
    for entity in inventory().values():
        assert entity.named == (not entity.id.startswith("unnamed-")), entity.id


def test_unnamed_actors_are_never_mentioned_by_name() -> None:
    for document, mention in all_mentions():
        if not inventory()[mention.entity].named:
            assert mention.kind in {"nominal", "title"}, f"{document} {mention.id}"


def test_every_alias_and_metonym_occurs_in_article_content() -> None:
    contents = [content_of(document) for document in DOCUMENTS]
    for entity in inventory().values():
        for form in [*entity.aliases, *entity.metonyms]:
            pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
            assert any(pattern.search(text) for text in contents), f"{entity.id}: {form!r} occurs nowhere"


def test_name_mentions_read_as_the_entity_name_or_an_alias() -> None:
    """A name mention is the name or an alias, or what is left of one once a possessor is cut off."""
    for document, mention in all_mentions():
        if mention.kind != "name":
            continue
        entity = inventory()[mention.entity]
        forms = {plain(form) for form in [entity.name, *entity.aliases]}
        text = plain(mention.span.text)
        assert text in forms or any(form.endswith(f"'s {text}") for form in forms), f"{document} {mention.id}"


def test_metonym_mentions_are_listed_metonyms() -> None:
    for document, mention in all_mentions():
        if mention.kind == "metonym":
            assert mention.span.text in inventory()[mention.entity].metonyms, f"{document} {mention.id}"


def test_title_mentions_are_roles_of_their_entity() -> None:
    for document, mention in all_mentions():
        if mention.kind == "title":
            roles = [plain(role).lower() for role in inventory()[mention.entity].roles]
            assert any(plain(mention.span.text).lower() in role for role in roles), f"{document} {mention.id}"


def test_nominal_mentions_are_common_noun_phrases() -> None:
    """Nominals start with a determiner or a lower-case word ('the group', 'government'); 'Afghan Govt' aside."""
    for document, mention in all_mentions():
        if mention.kind == "nominal" and mention.span.text != "Afghan Govt":
            first = mention.span.text.split()[0]
            assert first.lower() in {"the", "a", "an"} or first.islower(), f"{document} {mention.id}"


def test_taliban_is_mentioned_in_every_document() -> None:
    for document in DOCUMENTS:
        assert "Taliban" in of_entity(document, "taliban", "name"), document


def test_zabihullah_mujahid_is_named_once_in_000_only() -> None:
    assert of_entity(DOC_000, "zabihullah-mujahid") == ["Zabihullah Mujahid"]
    assert mention_at(DOC_000, "Zabihullah Mujahid").kind == "name"
    for document in DOCUMENTS[1:]:
        assert of_entity(document, "zabihullah-mujahid") == []


def test_washington_in_000_is_a_metonym_of_the_united_states() -> None:
    washington = mention_at(DOC_000, "Washington")
    assert (washington.entity, washington.kind, washington.type) == ("united-states", "metonym", "GPE")


def test_moscow_as_venue_is_the_city_and_as_actor_the_state() -> None:
    venue = mention_at(DOC_000, "Moscow talks")
    assert (venue.entity, venue.kind, venue.span.text) == ("moscow", "name", "Moscow")
    actor = mention_at(DOC_000, "Moscow's plans")
    assert (actor.entity, actor.kind) == ("russia", "metonym")
    soviet = mention_at(DOC_000, "Moscow sent its troops")
    assert (soviet.entity, soviet.kind) == ("soviet-union", "metonym")
    assert (mention_at(DOC_004, "Moscow to assist").entity, mention_at(DOC_004, "Moscow conference").entity) == (
        "russia",
        "moscow",
    )


def test_kabul_is_a_metonym_for_the_government_only_where_it_acts() -> None:
    assert of_entity(DOC_000, "afghanistan", "metonym") == ["Kabul"]
    assert (mention_at(DOC_000, "Kabul's stance").entity, mention_at(DOC_000, "Kabul was").entity) == (
        "afghanistan",
        "kabul",
    )
    assert mention_at(DOC_003, "Kabul appreciated").kind == "metonym"
    assert len(of_entity(DOC_003, "kabul")) == 3


def test_titles_before_names_are_roles_not_mentions() -> None:
    lavrov = mention_at(DOC_001, "Sergei Lavrov was")
    assert lavrov.span.text == "Sergei Lavrov" and lavrov.entity == "sergei-lavrov"
    russian = mention_at(DOC_001, "Russian Foreign Minister")
    assert (russian.span.text, russian.entity) == ("Russian", "russians")
    assert "Russian Foreign Minister" in inventory()["sergei-lavrov"].roles
    possessor = mention_at(DOC_000, "Russia's ambassador Alexander")
    assert (possessor.span.text, possessor.entity) == ("Russia", "russia")
    assert mention_at(DOC_000, "Alexander Mantytski").entity == "alexander-mantytski"


def test_title_only_mentions_are_cut_after_the_possessor() -> None:
    official = mention_at(DOC_001, "top security official")
    assert (official.span.text, official.entity, official.kind) == ("top security official", "hanif-atmar", "title")
    assert mention_at(DOC_001, "Afghanistan's top").span.text == "Afghanistan"
    commander = mention_at(DOC_000, "top commander")
    assert (commander.entity, commander.kind) == ("unnamed-nato-commander", "title")
    assert mention_at(DOC_000, "NATO").entity == "nato"
    assert of_entity(DOC_001, "alexander-mantytski", "title") == ["ambassador", "ambassador"]


def test_government_phrases_are_one_nominal_mention_of_the_state() -> None:
    government = mention_at(DOC_000, "the Afghan government")
    assert (government.span.text, government.entity, government.kind) == (
        "the Afghan government",
        "afghanistan",
        "nominal",
    )
    assert mention_at(DOC_000, "the Kabul government").span.text == "the Kabul government"
    assert of_entity(DOC_004, "afghanistan", "nominal").count("the Afghan government") == 3


def test_demonyms_and_hyphenated_modifiers_are_their_own_mentions() -> None:
    western = mention_at(DOC_001, "Western-backed")
    assert (western.span.text, western.entity, western.type) == ("Western", "western", "NORP")
    assert mention_at(DOC_000, "Russia-led").span.text == "Russia"
    assert mention_at(DOC_000, "U.S.-led").span.text == "U.S."
    assert mention_at(DOC_002, "Uzbek").entity == "uzbeks"
    islamist = mention_at(DOC_000, "Islamist")
    assert (islamist.span.text, islamist.type) == ("Islamist", "NORP")
    assert mention_at(DOC_000, "group's political").entity == "taliban"


def test_nominal_mentions_of_the_taliban() -> None:
    assert of_entity(DOC_000, "taliban", "nominal") == ["group", "the militant group", "The group", "the group"]
    assert of_entity(DOC_004, "taliban", "nominal") == ["The infamous militant group", "group"]
    assert Counter(of_entity(DOC_002, "taliban", "nominal")) == Counter(
        {"the group": 3, "the insurgent group": 2, "the insurgents": 1, "The group": 1}
    )


def test_islamic_state_and_its_afghan_affiliate_are_distinct() -> None:
    assert of_entity(DOC_002, "islamic-state") == ["Islamic State", "IS", "IS", "IS", "IS", "IS"]
    assert of_entity(DOC_002, "unnamed-islamic-state-affiliate") == ["affiliate", "branch"]
    assert of_entity(DOC_003, "islamic-state") == ["ISIL", "ISIL"]


def test_unnamed_sources_link_across_documents() -> None:
    assert of_entity(DOC_000, "unnamed-afghan-official") == ["an official"]
    assert of_entity(DOC_003, "unnamed-afghan-official") == ["official"]
    assert of_entity(DOC_000, "unnamed-kabul-diplomat") == ["foreign diplomat", "the diplomat"]
    assert of_entity(DOC_004, "unnamed-kabul-diplomat") == ["diplomat"]
    for document in (DOC_000, DOC_001, DOC_003):
        assert of_entity(document, "unnamed-russia-contacts-diplomat") == ["a senior diplomat"]


def test_hand_counted_mentions_of_the_states() -> None:
    assert len(of_entity(DOC_000, "russia")) == 9
    assert len(of_entity(DOC_004, "russia")) == 2
    assert len(of_entity(DOC_004, "moscow")) == 4
    assert of_entity(DOC_002, "united-states") == ["US", "US", "United States", "Washington", "US", "US"]
    assert of_entity(DOC_003, "afghanistan", "name")[:3] == [
        "Afghanistan",
        "Afghanistan",
        "Islamic Republic of Afghanistan",
    ]


def test_non_breaking_space_inside_a_name_is_kept() -> None:
    atmar = mention_at(DOC_003, "Mohammad\u00a0Hanif")
    assert atmar.span.text == "Mohammad\u00a0Hanif Atmar"
    assert atmar.entity == "hanif-atmar"
