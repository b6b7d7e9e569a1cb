"""Lexical support: how many of a summary's content words its sources contain (an extrinsic-information signal).

A summary word that no source contains (compared on folded five-letter stems, function words left out) is new
information or a paraphrase; a summary with many of them is more often wrong (names, places and figures the article
never gave). A run of three words that no source contains in that order is new wording or a new combination of the
source's facts ("the police arrested the mayor" from "the mayor called the police"). This is a score, not a verdict:
it raises no finding, so it never flags a paraphrase on its own; the combined score (`metrics.combined`) weighs it
with the verdict scorers.

Per-sample metrics: `lexical_words` (content words of the summary), `lexical_unsupported` (those absent from every
source), `lexical_checked` / `lexical_unjudged` (words compared / 0), `lexical_support` (1 - unsupported / words;
left out when the summary has no content word), and `lexical_trigram_support` (the share of the summary's word
trigrams, all words folded, that some source contains; left out under three words)."""

from __future__ import annotations

import re
from typing import ClassVar

from harness.claims.system_text import clean_tokens
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.resources import word_list
from harness.results.metric_info import HIGHER, LOWER, NEITHER, MetricInfo
from harness.verdicts.sources import Sources

STEM_LENGTH = 5
"""Letters a word is cut to before comparison ("ceasefires" = "ceasefire", "elected" = "election")."""

_WORD = re.compile(r"[^\W_]+")


def content_stems(text: str) -> list[str]:
    """The stems of a text's content words, in order (function words and words under three letters dropped)."""
    function_words = word_list("function_words")
    return [
        word[:STEM_LENGTH]
        for word in folded_tokens(text)
        if word not in function_words and (len(word) > 2 or word.isdigit())
    ]


def folded_tokens(text: str) -> list[str]:
    """Every word of a text, lower-cased, PTB tokens cleaned."""
    return _WORD.findall(clean_tokens(text).lower())


def trigrams(tokens: list[str]) -> list[tuple[str, str, str]]:
    """The word trigrams of a token list, in order."""
    return list(zip(tokens, tokens[1:], tokens[2:], strict=False))


def _source_index(sources: Sources) -> tuple[frozenset[str], frozenset[tuple[str, str, str]]]:
    stems = frozenset(stem for document in sources.documents for stem in content_stems(document.text))
    grams = frozenset(gram for document in sources.documents for gram in trigrams(folded_tokens(document.text)))
    return stems, grams


class LexicalSupportScorer:
    """The share of a summary's content words that some source contains."""

    name = "lexical"
    metric_info: ClassVar[dict[str, MetricInfo]] = {
        "lexical_*": NEITHER,
        **dict.fromkeys(("lexical_support", "lexical_trigram_support"), HIGHER),
        "lexical_unsupported": LOWER,
    }

    def __init__(self) -> None:
        self._index: PerSources[tuple[frozenset[str], frozenset[tuple[str, str, str]]]] = PerSources(_source_index)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Count the summary's content words that no source contains."""
        known, known_grams = self._index(sources)
        words = content_stems(summary)
        grams = trigrams(folded_tokens(summary))
        unsupported = sum(stem not in known for stem in words)
        metrics = {
            "lexical_words": float(len(words)),
            "lexical_unsupported": float(unsupported),
            "lexical_checked": float(len(words)),
            "lexical_unjudged": 0.0,
        }
        if words:
            metrics["lexical_support"] = 1.0 - unsupported / len(words)
        if grams:
            metrics["lexical_trigram_support"] = sum(gram in known_grams for gram in grams) / len(grams)
        return SampleScore(metrics=metrics)
