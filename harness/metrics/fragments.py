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
from itertools import pairwise
from typing import ClassVar

from harness.core.text import word_texts
from harness.metrics.protocols import SampleScore
from harness.metrics.source_cache import PerSources
from harness.results.metric_info import NEITHER, MetricInfo
from harness.verdicts.sources import Sources


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [word.lower() for word in word_texts(text)]


def token_positions(article: Sequence[str]) -> dict[str, list[int]]:
    """Where each token occurs in the article, in increasing order."""
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(article):
        positions.setdefault(token, []).append(index)
    return positions


def pair_positions(article: Sequence[str]) -> dict[tuple[str, str], list[int]]:
    """Where each pair of consecutive tokens starts in the article, in increasing order."""
    pairs: dict[tuple[str, str], list[int]] = {}
    for index, pair in enumerate(pairwise(article)):
        pairs.setdefault(pair, []).append(index)
    return pairs


def greedy_fragments(
    summary: Sequence[str],
    article: Sequence[str],
    positions: dict[str, list[int]] | None = None,
    pairs: dict[tuple[str, str], list[int]] | None = None,
) -> list[tuple[str, ...]]:
    """The extractive fragments of the summary: Grusky et al.'s greedy longest-match algorithm.

    As in the paper, a scan of the article resumes after each shared run, so a run is never restarted inside
    another. A summary word the article holds is a run of one wherever it stands; only where the article also
    holds it with the summary's next word can a run be longer, and only a run that long makes the scan skip,
    so just those places are visited (`pairs`, from `pair_positions(article)`; `positions`, from
    `token_positions(article)`; both built here when not given).
    """
    if positions is None:
        positions = token_positions(article)
    if pairs is None:
        pairs = pair_positions(article)
    fragments: list[tuple[str, ...]] = []
    summary_size, article_size = len(summary), len(article)
    i = 0
    while i < summary_size:
        if summary[i] not in positions:
            i += 1
            continue
        longest, resumed = 1, 0
        for start in pairs.get((summary[i], summary[i + 1]), ()) if i + 1 < summary_size else ():
            if start < resumed:  # inside the run found before: the scan skipped it
                continue
            i_end, j_end = i + 2, start + 2
            while i_end < summary_size and j_end < article_size and summary[i_end] == article[j_end]:
                i_end, j_end = i_end + 1, j_end + 1
            if i_end - i > longest:
                longest = i_end - i
            resumed = j_end
        fragments.append(tuple(summary[i : i + longest]))
        i += longest
    return fragments


_Article = tuple[list[str], dict[str, list[int]], dict[tuple[str, str], list[int]]]


def _article(sources: Sources) -> _Article:
    """The sources' concatenated tokens, where each token occurs in them and where each pair of tokens starts."""
    article = [token for document in sources.documents for token in tokens(document.text)]
    return article, token_positions(article), pair_positions(article)


class FragmentScorer:
    """How extractive a summary is: fragment coverage, density and compression against its sources."""

    name = "fragments"
    metric_info: ClassVar[dict[str, MetricInfo]] = {"fragment_*": NEITHER, "compression": NEITHER}

    def __init__(self) -> None:
        self._article: PerSources[_Article] = PerSources(_article)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """Coverage, density and compression of one summary against its concatenated sources."""
        summary_tokens = tokens(summary)
        if not summary_tokens:
            return SampleScore(metrics={})
        article, positions, pairs = self._article(sources)
        fragments = greedy_fragments(summary_tokens, article, positions, pairs)
        size = len(summary_tokens)
        return SampleScore(
            metrics={
                "fragment_coverage": sum(len(fragment) for fragment in fragments) / size,
                "fragment_density": sum(len(fragment) ** 2 for fragment in fragments) / size,
                "compression": len(article) / size,
            }
        )
