"""The harness's ROUGE gives rouge-score's numbers exactly, and its Porter stemmer is nltk's, word for word."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.stem.porter import PorterStemmer as NltkPorter
from rouge_score import rouge_scorer

from harness.errors import ScorerUnavailableError
from harness.goldset.load import DEFAULT_GOLDSET, load_goldset
from harness.metrics.porter import PorterStemmer
from harness.metrics.rouge import RougeScorer, sentence_lines
from harness.metrics.rouge_math import RougeText, RougeTokenizer, lcs_indices, lcs_length
from harness.verdicts.sources import Sources
from tests.metrics.rouge_reference import rouge_score_itself

VOCABULARY = "the talks taliban invited invitation inviting countries country said says moscow 12 four of a".split()
texts = st.lists(st.sampled_from([*VOCABULARY, ".", ",", "\n", "Talks", "SAID"]), max_size=40).map(" ".join)


def goldset_texts() -> list[str]:
    goldset = load_goldset(DEFAULT_GOLDSET)
    documents = [document.text for cluster in goldset.clusters for document in cluster.documents]
    return documents + [reference.text for cluster in goldset.clusters for reference in cluster.references]


def test_the_stemmer_is_nltks_on_every_word_of_the_goldset_and_on_odd_words() -> None:
    words = {word for text in goldset_texts() for word in re.findall(r"[a-z0-9]+", text.lower())}
    words |= {"skies", "dying", "innings", "proceed", "generalizations", "oscillators", "y", "ys", "eed", "sses"}
    mine, theirs = PorterStemmer(), NltkPorter()
    assert len(words) > 500
    assert [mine.stem(word) for word in sorted(words)] == [theirs.stem(word) for word in sorted(words)]


@given(st.text(alphabet="abcdeilmnorstuvyz", min_size=1, max_size=14))
def test_the_stemmer_is_nltks_on_random_words(word: str) -> None:
    assert PorterStemmer().stem(word) == NltkPorter().stem(word)


def _reference_lcs(a: list[str], b: list[str]) -> tuple[int, list[int]]:
    if not a or not b:
        return 0, []
    table = rouge_scorer._lcs_table(a, b)
    return table[-1][-1], rouge_scorer._backtrack_norec(table, a, b)


@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcde"), max_size=30))
def test_lcs_length_and_indices_match_rouge_scores_table(a: list[str], b: list[str]) -> None:
    length, indices = _reference_lcs(a, b)
    assert lcs_length(a, b) == length
    assert lcs_indices(a, b) == indices


def test_scores_equal_rouge_score_on_the_goldset_and_on_shuffled_goldset_sentences() -> None:
    pool = goldset_texts()
    sentences = [line for text in pool for line in sentence_lines(text).split("\n")]
    rng = random.Random(7)
    summaries = [" ".join(rng.sample(sentences, 4)) for _ in range(30)] + pool[:5] + ["", "...", "Moscow"]
    references = [reference for text in pool[-6:] for reference in [text]]
    scorer = RougeScorer()
    for summary in summaries:
        chosen = rng.sample(references, 3)
        sources = Sources.from_texts("c", {"d": "x"}, references=tuple(chosen))
        assert scorer.score(summary, sources).metrics == rouge_score_itself(summary, chosen)


@settings(max_examples=150, deadline=None)
@given(texts, st.lists(texts, min_size=1, max_size=3))
def test_scores_equal_rouge_score_on_random_texts(summary: str, references: list[str]) -> None:
    expected = rouge_score_itself(summary, references, near_copy=0.9)
    sources = Sources.from_texts("c", {"d": "x"}, references=tuple(references))
    if expected is None:
        with pytest.raises(ScorerUnavailableError):
            RougeScorer(near_copy=0.9).score(summary, sources)
    else:
        assert RougeScorer(near_copy=0.9).score(summary, sources).metrics == expected


def test_a_text_is_prepared_once_however_many_summaries_it_is_scored_against() -> None:
    scorer = RougeScorer()
    reference = "Russia invited 12 countries to the talks."
    sources = Sources.from_texts("c", {"d": "x"}, references=(reference,))
    for summary in ["Russia invited countries.", "Twelve countries came.", "Talks were held."]:
        scorer.score(summary, Sources.from_texts("c", {"d": "x"}, references=(str(reference),)))
        scorer.score(summary, sources)
    assert len(scorer._texts) == 1
    assert RougeText.of("Skies\nof dying", RougeTokenizer(), (1,)).lines == [["sky"], ["of", "die"]]


def test_a_long_summary_of_repeated_lines_scores_as_rouge_score_scores_it() -> None:
    """rougeLsum reads each distinct summary line once and stops once a reference line is covered: the same
    numbers as rouge-score's reading of every line."""
    sentences = [line for text in goldset_texts()[:3] for line in sentence_lines(text).split("\n")]
    rng = random.Random(11)
    summary = " ".join(rng.choice(sentences[:12]) for _ in range(150)) + " " + " ".join(sentences[12:40])
    references = goldset_texts()[-3:]
    sources = Sources.from_texts("c", {"d": "x"}, references=tuple(references))
    assert RougeScorer().score(summary, sources).metrics == rouge_score_itself(summary, references)
