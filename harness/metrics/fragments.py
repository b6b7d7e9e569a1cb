"""Extractive fragment coverage, density and compression of Grusky et al. (2018), "Newsroom".

The summary's tokens are matched greedily against the article's (all source documents concatenated, in
order, so one fragment may run across a document boundary), as in the paper's Algorithm 1: at each summary
position the longest shared token run is one fragment.
With S the summary tokens, A the article tokens and F the fragments:
coverage = sum(|f|) / |S| (share of summary words inside some fragment), density = sum(|f|^2) / |S| (average
length of the fragment each word belongs to), compression = |A| / |S|.
Tokens are the words of `claims.text.words` (punctuation dropped), lower-cased. An empty summary leaves all
three out.
"""

from __future__ import annotations

from collections.abc import Sequence

from harness.claims.text import words
from harness.metrics.protocols import SampleScore
from harness.verdicts.sources import Sources


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [word.text.lower() for word in words(text)]


def greedy_fragments(summary: Sequence[str], article: Sequence[str]) -> list[tuple[str, ...]]:
    """The extractive fragments of the summary: Grusky et al.'s greedy longest-match algorithm."""
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


class FragmentScorer:
    """How extractive a summary is: fragment coverage, density and compression against its sources."""

    name = "fragments"

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Coverage, density and compression of one summary against its concatenated sources."""
        summary_tokens = tokens(summary)
        if not summary_tokens:
            return SampleScore(metrics={})
        article = [token for document in sources.documents for token in tokens(document.text)]
        fragments = greedy_fragments(summary_tokens, article)
        size = len(summary_tokens)
        return SampleScore(
            metrics={
                "fragment_coverage": sum(len(fragment) for fragment in fragments) / size,
                "fragment_density": sum(len(fragment) ** 2 for fragment in fragments) / size,
                "compression": len(article) / size,
            }
        )
