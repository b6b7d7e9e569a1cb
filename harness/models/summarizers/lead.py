"""Lead-k: the first k prose sentences, the classic extractive baseline.

For a cluster of several documents, `order="concatenated"` (default) reads the documents one after another,
so lead-3 is the first three sentences of the first document (as lead-3 is defined for Multi-News);
`order="round_robin"` takes the first sentence of every document, then the second, and so on.
"""

from __future__ import annotations

from itertools import zip_longest
from typing import Literal

from harness.errors import ConfigError
from harness.models.protocols import SourceCluster
from harness.models.summarizers.source_sentences import SourceSentence, cluster_sentences

LeadOrder = Literal["concatenated", "round_robin"]


class LeadSummarizer:
    """The first `k` prose sentences of the cluster, in the chosen document order."""

    def __init__(self, k: int = 3, order: LeadOrder = "concatenated", min_words: int = 6) -> None:
        if k < 1:
            raise ConfigError(f"lead: k must be at least 1, got {k}")
        if order not in ("concatenated", "round_robin"):
            raise ConfigError(f"lead: order must be 'concatenated' or 'round_robin', got {order!r}")
        self.k = k
        self.order = order
        self.min_words = min_words

    def summarize(self, cluster: SourceCluster) -> str:
        found = cluster_sentences(cluster, self.min_words)
        if self.order == "round_robin":
            by_document: dict[int, list[SourceSentence]] = {}
            for sentence in found:
                by_document.setdefault(sentence.document, []).append(sentence)
            found = [s for row in zip_longest(*by_document.values()) for s in row if s is not None]
        return " ".join(sentence.text for sentence in found[: self.k])
