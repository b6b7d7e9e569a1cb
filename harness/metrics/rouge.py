"""ROUGE F1 of a summary against the cluster's reference summaries, computed by `rouge-score`.

Each ROUGE type is scored against every reference and the best F1 is kept (`max` over references, type by
type, as `rouge_score.RougeScorer.score_multi` does). Porter stemming is on. For `rougeLsum` both texts are
split into sentences with `claims.text.sentences` and joined by newlines, as rouge-score expects. A reference
identical to the summary (the references baseline scoring one of the cluster's own references) is left out,
so that baseline is scored leave-one-out against the other references, the usual human ceiling. A cluster
with no other reference cannot be scored: the scorer raises `ScorerUnavailableError` rather than report a zero.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rouge_score import rouge_scorer

from harness.claims.text import sentences
from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.info import HIGHER, MetricInfo
from harness.metrics.protocols import SampleScore
from harness.verdicts.sources import Sources

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def sentence_lines(text: str) -> str:
    """One sentence per line: the input form rougeLsum needs."""
    return "\n".join(sentence.text for sentence in sentences(text))


class RougeScorer:
    """ROUGE-1/2/L/Lsum F1 (stemmed) against the best-matching reference summary."""

    name = "rouge"
    metric_info: ClassVar[dict[str, MetricInfo]] = dict.fromkeys(
        ("rouge1", "rouge2", "rougeL", "rougeLsum", "rouge*"), HIGHER
    )

    def __init__(self, rouge_types: Sequence[str] = ROUGE_TYPES, use_stemmer: bool = True) -> None:
        unknown = [kind for kind in rouge_types if re.fullmatch(r"rouge(?:[1-9]|L|Lsum)", kind) is None]
        if unknown or not rouge_types:
            raise ConfigError(
                f"rouge scorer, field 'rouge_types': unknown {unknown}; use rouge1..rouge9, rougeL or rougeLsum"
            )
        self.rouge_types = tuple(rouge_types)
        self._scorer = rouge_scorer.RougeScorer(list(self.rouge_types), use_stemmer=use_stemmer)

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """F1 of each ROUGE type against the best reference for that type."""
        references = [reference for reference in sources.references if reference.strip() != summary.strip()]
        if not references:
            raise ScorerUnavailableError(
                f"rouge: cluster '{sources.cluster}' has no reference summaries other than the summary itself; add "
                "references to the goldset or the dataset, or remove the rouge scorer from the metrics config"
            )
        prediction = sentence_lines(summary)
        best = self._scorer.score_multi([sentence_lines(reference) for reference in references], prediction)
        return SampleScore(metrics={kind: best[kind].fmeasure for kind in self.rouge_types})
