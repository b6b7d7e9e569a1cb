"""Entity finder: inventory names longest first, possessives, unknown proper names, and stated roles."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.entities import find_entities, link_name
from harness.claims.roles import role_keys
from tests.verdicts.synthetic import INVENTORY


def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(claim.span.text, claim.entity, claim.role) for claim in find_entities(text, INVENTORY)]


def test_longest_name_wins_and_possessive_is_left_out_of_the_span() -> None:
    text = "Mohammad Hanif Atmar met Russia's envoy."
    claims = find_entities(text, INVENTORY)
    assert [(c.span.text, c.entity) for c in claims] == [("Mohammad Hanif Atmar", "hanif-atmar"), ("Russia", "russia")]
    russia = claims[1]
    assert text[russia.span.start : russia.span.end] == "Russia"


def test_aliases_and_metonyms_link_to_their_entity() -> None:
    found = _found("Sergey Lavrov said Moscow and Washington disagree; Kabul stayed away.")
    assert [(text, entity) for text, entity, _ in found] == [
        ("Sergey Lavrov", "sergei-lavrov"),
        ("Moscow", "russia"),
        ("Washington", "united-states"),
        ("Kabul", "afghan-government"),
    ]


def test_word_boundaries_keep_names_inside_other_words_unmatched() -> None:
    assert _found("The USSR and Russian-led talks") == [("USSR", None, None), ("Russian", None, None)]


def test_sentence_initial_words_calendar_words_and_titles_are_not_entities() -> None:
    text = "Hours earlier, on Wednesday, the minister spoke. Nearly nobody came in September. Russian Foreign Minister."
    assert find_entities(text) == []


def test_unknown_names_are_candidates_and_keep_organization_names_whole() -> None:
    claims = find_entities("He met Mike Pompeo and the Islamic State of Iraq in Doha. The Foreign Ministry spoke.")
    assert [(c.span.text, c.entity) for c in claims] == [
        ("Mike Pompeo", None),
        ("Islamic State of Iraq", None),
        ("Doha", None),
        ("Foreign Ministry", None),
    ]


def test_title_before_a_name_becomes_its_role() -> None:
    found = _found("Russian Foreign Minister Sergei Lavrov and US Secretary of State Mike Pompeo met.")
    assert found[0] == ("Sergei Lavrov", "sergei-lavrov", "Russian Foreign Minister")
    assert ("Mike Pompeo", None, "US Secretary of State") in found


def test_appositions_on_either_side_give_the_role() -> None:
    after = _found("Hanif Atmar, Afghanistan's national security adviser, met him.")
    before = _found("Afghanistan's national security adviser, Hanif Atmar, met him.")
    assert ("Hanif Atmar", "hanif-atmar", "Afghanistan's national security adviser") in after
    assert ("Hanif Atmar", "hanif-atmar", "Afghanistan's national security adviser") in before


def test_a_clause_after_a_comma_is_no_apposition() -> None:
    found = _found("Hanif Atmar, told Russia's ambassador that Kabul agreed.")
    assert found[0] == ("Hanif Atmar", "hanif-atmar", None)


def test_roles_are_compared_on_title_words_and_proper_stems() -> None:
    assert (
        role_keys("Russia's foreign minister")
        == role_keys("Russian Foreign Minister")
        == {
            "russi",
            "foreign",
            "minister",
        }
    )
    assert role_keys("the head of the group's office") == {"head"}


def test_link_name_ignores_case_and_possessive() -> None:
    linked = link_name("sergey lavrov's", INVENTORY)
    assert linked is not None and linked.id == "sergei-lavrov"
    assert link_name("Vladimir Putin", INVENTORY) is None


@given(st.text(alphabet=st.sampled_from(list("Ab Russia's,.\n-Lavrov")), max_size=60))
def test_any_text_yields_spans_that_index_it(text: str) -> None:
    for claim in find_entities(text, INVENTORY):
        assert text[claim.span.start : claim.span.end] == claim.span.text
        assert claim.span.text.strip()
