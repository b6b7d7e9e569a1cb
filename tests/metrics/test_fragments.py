"""Extractive fragments of Grusky et al. (2018) on a hand-worked example."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harness.metrics.fragments import FragmentScorer, greedy_fragments, token_positions, tokens
from harness.verdicts.sources import Sources

ARTICLE = "The quick brown fox jumps over the lazy dog."
SUMMARY = "The lazy fox jumps over a dog."


def test_greedy_fragments_take_the_longest_match_at_each_position() -> None:
    assert greedy_fragments(tokens(SUMMARY), tokens(ARTICLE)) == [
        ("the", "lazy"),
        ("fox", "jumps", "over"),
        ("dog",),
    ]


def test_coverage_density_compression_by_hand() -> None:
    metrics = FragmentScorer().score(SUMMARY, Sources.from_texts("c", {"d": ARTICLE})).metrics
    # |S| = 7, |A| = 9, fragments of 2, 3 and 1 words
    assert metrics == pytest.approx(
        {"fragment_coverage": 6 / 7, "fragment_density": (4 + 9 + 1) / 7, "compression": 9 / 7}
    )


def test_sources_are_concatenated_and_tokens_lower_cased() -> None:
    sources = Sources.from_texts("c", {"d1": "The quick brown fox", "d2": "JUMPS over the lazy dog"})
    metrics = FragmentScorer().score("fox jumps over", sources).metrics
    assert metrics["fragment_coverage"] == 1.0
    assert metrics["fragment_density"] == 3.0
    assert metrics["compression"] == 3.0


def test_fully_abstractive_and_empty_summaries() -> None:
    sources = Sources.from_texts("c", {"d": ARTICLE})
    assert FragmentScorer().score("Nothing alike here", sources).metrics["fragment_coverage"] == 0.0
    assert FragmentScorer().score("  ...  ", sources).metrics == {}


def test_a_scan_resumes_after_each_shared_run_as_in_the_paper() -> None:
    summary, article = ["a", "a", "b"], ["a", "a", "a", "b"]
    assert greedy_fragments(summary, article) == [("a", "a"), ("b",)]
    assert greedy_fragments(summary, article, token_positions(article)) == [("a", "a"), ("b",)]


def test_one_scorer_scores_two_clusters_in_turn_against_their_own_sources() -> None:
    scorer = FragmentScorer()
    first, second = Sources.from_texts("c1", {"d": "red fox runs"}), Sources.from_texts("c2", {"d": "blue owl sleeps"})
    for _ in range(2):
        assert scorer.score("red fox", first).metrics["fragment_coverage"] == 1.0
        assert scorer.score("red fox", second).metrics["fragment_coverage"] == 0.0


def scanned_fragments(summary: list[str], article: list[str]) -> list[tuple[str, ...]]:
    """Grusky et al.'s Algorithm 1 as the paper writes it: every article position of the word is scanned,
    resuming after each shared run."""
    fragments: list[tuple[str, ...]] = []
    i = 0
    while i < len(summary):
        best: tuple[str, ...] = ()
        j = 0
        while j < len(article):
            if summary[i] == article[j]:
                i_end, j_end = i, j
                while i_end < len(summary) and j_end < len(article) and summary[i_end] == article[j_end]:
                    i_end, j_end = i_end + 1, j_end + 1
                if len(best) < i_end - i:
                    best = tuple(summary[i:i_end])
                j = j_end
            else:
                j += 1
        i += max(len(best), 1)
        if best:
            fragments.append(best)
    return fragments


@given(st.lists(st.sampled_from("abcd"), max_size=30), st.lists(st.sampled_from("abcde"), max_size=40))
def test_fragments_are_those_a_scan_of_every_article_position_finds(summary: list[str], article: list[str]) -> None:
    assert greedy_fragments(summary, article) == scanned_fragments(summary, article)
