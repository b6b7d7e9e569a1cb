"""Greedy ROUGE oracle: the extractive upper bound against the reference summaries.

Adds, one at a time, the source sentence that most raises the mean ROUGE F1 (over `rouge_types` and over
the cluster's references) and stops when no sentence raises it or the budget is spent (Nallapati et al.,
2017; Liu and Lapata, 2019). It reads the references, so it is a ceiling, never a real model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster
from harness.models.summarizers.source_sentences import SourceSentence, cluster_sentences, in_source_order

_ROUGE_TYPE = re.compile(r"rouge[1-9]|rougeL|rougeLsum")


class OracleSummarizer:
    """Greedy selection of source sentences maximising ROUGE against the references."""

    def __init__(
        self,
        rouge_types: Sequence[str] = ("rouge1", "rouge2"),
        max_sentences: int | None = None,
        max_words: int | None = None,
        use_stemmer: bool = True,
        min_words: int = 6,
    ) -> None:
        from rouge_score import rouge_scorer

        if not rouge_types:
            raise ConfigError("oracle: rouge_types must name at least one ROUGE variant, e.g. [rouge1, rouge2]")
        unknown = [name for name in rouge_types if not _ROUGE_TYPE.fullmatch(name)]
        if unknown:
            raise ConfigError(f"oracle: unknown rouge_types {unknown}; use rouge1 ... rouge9, rougeL or rougeLsum")
        for name, value in (("max_sentences", max_sentences), ("max_words", max_words)):
            if value is not None and value < 1:
                raise ConfigError(f"oracle: {name} must be at least 1, got {value}")
        self._scorer = rouge_scorer.RougeScorer(list(rouge_types), use_stemmer=use_stemmer)
        self.rouge_types = tuple(rouge_types)
        self.max_sentences = max_sentences
        self.max_words = max_words
        self.min_words = min_words

    def score(self, summary: str, references: Sequence[str]) -> float:
        """Mean F1 of `summary` over the ROUGE types and the references."""
        totals = [
            result.fmeasure for reference in references for result in self._scorer.score(reference, summary).values()
        ]
        return sum(totals) / len(totals)

    def summarize(self, cluster: SourceCluster) -> str:
        if not cluster.references:
            raise ModelError(f"cluster '{cluster.id}' has no reference summaries: the oracle needs them")
        candidates = cluster_sentences(cluster, self.min_words)
        chosen: list[SourceSentence] = []
        best = 0.0
        while self.max_sentences is None or len(chosen) < self.max_sentences:
            used_words = sum(sentence.word_count for sentence in chosen)
            step_best, step_sentence = best, None
            for sentence in candidates:
                if sentence in chosen:
                    continue
                if self.max_words is not None and used_words + sentence.word_count > self.max_words:
                    continue
                gain = self.score(in_source_order([*chosen, sentence]), cluster.references)
                if gain > step_best:
                    step_best, step_sentence = gain, sentence
            if step_sentence is None:
                break
            chosen.append(step_sentence)
            best = step_best
        if not chosen:
            raise ModelError(f"cluster '{cluster.id}': no source sentence shares any ROUGE unit with the references")
        return in_source_order(chosen)
