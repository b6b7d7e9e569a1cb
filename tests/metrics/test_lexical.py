"""Lexical support: content words and word trigrams of the summary that the sources contain."""

from __future__ import annotations

import pytest

from harness.metrics.lexical import LexicalSupportScorer, content_stems
from harness.verdicts.sources import Sources

SOURCES = Sources.from_texts("c", {"doc": "The council approved the budget on Tuesday after a long debate."})


def test_copied_text_is_fully_supported() -> None:
    metrics = LexicalSupportScorer().score("the council approved the budget", SOURCES).metrics
    assert metrics["lexical_support"] == 1.0
    assert metrics["lexical_trigram_support"] == 1.0
    assert metrics["lexical_unsupported"] == 0.0


def test_new_words_and_new_combinations_lower_support() -> None:
    metrics = LexicalSupportScorer().score("The mayor approved the debate.", SOURCES).metrics
    assert metrics["lexical_unsupported"] == 1.0
    assert metrics["lexical_support"] == pytest.approx(2 / 3)
    assert metrics["lexical_trigram_support"] == 0.0


def test_function_words_and_tokens_do_not_count() -> None:
    assert content_stems("it was -lrb- the -rrb- budget") == ["budge"]
    assert "lexical_support" not in LexicalSupportScorer().score("it was", SOURCES).metrics
