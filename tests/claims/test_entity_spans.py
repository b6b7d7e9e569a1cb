"""Inventory names and unknown names are chosen by bisection over the spans already taken: the same choice as
testing every pair of spans, at a cost that grows with the text, not with its square."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from harness.claims.entities import _Cover, match_names, name_entries
from harness.claims.name_index import name_matches
from harness.core.spans import Entity

INVENTORY = (
    Entity(id="un", name="United Nations", type="ORG", aliases=["UN", "Nations"]),
    Entity(id="us", name="United States", type="GPE", aliases=["United"], metonyms=["Washington"]),
    Entity(id="wa", name="Washington State", type="GPE", aliases=["States"]),
)
WORDS = ["United", "Nations", "States", "Washington", "State", "UN", "the", "said", ",", "."]


def pairwise_matches(text: str) -> list[tuple[int, int, str]]:
    """The choice of `match_names` made by testing each found name against every name taken before it."""
    taken: list[tuple[int, int, str]] = []
    for entry in name_entries(INVENTORY):
        for start, end in name_matches(text, entry.text):
            if all(end <= other[0] or start >= other[1] for other in taken):
                taken.append((start, end, entry.text))
    return sorted(taken)


@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_names_taken_are_those_a_pairwise_test_takes(words: list[str]) -> None:
    text = " ".join(words)
    found = [(match.start, match.end, match.entry.text) for match in match_names(text, INVENTORY)]
    assert found == pairwise_matches(text)


def test_a_longer_name_keeps_its_place_against_the_shorter_names_inside_it() -> None:
    text = "United Nations and United States, then Washington State and the UN."
    found = [text[match.start : match.end] for match in match_names(text, INVENTORY)]
    assert found == ["United Nations", "United States", "Washington State", "UN"]


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda pair: (pair[0], sum(pair))))


@given(spans, st.integers(0, 70), st.integers(0, 12))
def test_a_span_is_covered_exactly_when_it_overlaps_some_span(
    covered: list[tuple[int, int]], start: int, size: int
) -> None:
    end = start + size
    expected = not all(end <= first or start >= last for first, last in covered)
    assert _Cover(covered)(start, end) == expected
