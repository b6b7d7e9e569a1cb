"""TextRank over a TF-IDF cosine similarity graph (continuous LexRank), with redundancy control.

Sentences are ranked by PageRank (networkx) on a graph whose edge weights are the TF-IDF cosine similarity of
two sentences; the summary takes the best-ranked sentences that fit the budget and are not too similar to one
already taken, and prints them in source order. Everything is computed locally: no tokenizer data to download.
"""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import numpy as np

from harness.core.text import words
from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster
from harness.models.summarizers.source_sentences import check_budget, cluster_sentences, in_source_order

_STOPWORD_LIST = """
    a an and are as at be been but by for from had has have he her his i in into is it its of on or our
    said says she that the their them they this to was we were which who will with would not no after
    also over than then there these those up out about more can could did do does may might must should
"""
STOPWORDS = frozenset(_STOPWORD_LIST.split())


def tfidf_similarity(texts: list[str]) -> np.ndarray:
    """Pairwise cosine similarity of the texts' TF-IDF vectors (lower-cased words, stopwords dropped)."""
    bags = [Counter(w.text.lower() for w in words(text) if w.text.lower() not in STOPWORDS) for text in texts]
    vocabulary = sorted({term for bag in bags for term in bag})
    column = {term: index for index, term in enumerate(vocabulary)}
    document_frequency = Counter(term for bag in bags for term in bag)
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, bag in enumerate(bags):
        for term, count in bag.items():
            matrix[row, column[term]] = count * (math.log(len(texts) / document_frequency[term]) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    similarity: np.ndarray = unit @ unit.T
    return similarity


class TextRankSummarizer:
    """Extractive summary of the highest-PageRank sentences within `max_sentences` and/or `max_words`."""

    def __init__(
        self,
        max_sentences: int | None = 3,
        max_words: int | None = None,
        redundancy_threshold: float = 0.5,
        damping: float = 0.85,
        min_words: int = 6,
    ) -> None:
        check_budget(max_sentences, max_words)
        if not 0.0 < redundancy_threshold <= 1.0:
            raise ConfigError(f"textrank: redundancy_threshold must be in (0, 1], got {redundancy_threshold}")
        if not 0.0 < damping < 1.0:
            raise ConfigError(f"textrank: damping must be in (0, 1), got {damping}")
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.redundancy_threshold = redundancy_threshold
        self.damping = damping
        self.min_words = min_words

    def rank(self, similarity: np.ndarray) -> list[int]:
        """Sentence indices by PageRank over the similarity graph, best first; ties keep source order."""
        size = similarity.shape[0]
        graph = nx.Graph()
        graph.add_nodes_from(range(size))
        for i in range(size):
            for j in range(i + 1, size):
                if similarity[i, j] > 0:
                    graph.add_edge(i, j, weight=float(similarity[i, j]))
        scores = nx.pagerank(graph, alpha=self.damping, weight="weight")
        return sorted(range(size), key=lambda index: (-round(scores[index], 12), index))

    def summarize(self, cluster: SourceCluster) -> str:
        candidates = cluster_sentences(cluster, self.min_words)
        similarity = tfidf_similarity([sentence.text for sentence in candidates])
        chosen: list[int] = []
        used_words = 0
        for index in self.rank(similarity):
            if self.max_sentences is not None and len(chosen) >= self.max_sentences:
                break
            length = candidates[index].word_count
            if self.max_words is not None and used_words + length > self.max_words:
                continue
            if any(similarity[index, other] >= self.redundancy_threshold for other in chosen):
                continue
            chosen.append(index)
            used_words += length
        if not chosen:
            raise ModelError(
                f"cluster '{cluster.id}': no source sentence fits within max_words={self.max_words}; raise it"
            )
        return in_source_order([candidates[index] for index in chosen])
