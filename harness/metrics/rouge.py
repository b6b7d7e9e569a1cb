"""ROUGE F1 of a summary against the cluster's reference summaries, with rouge-score's exact definitions.

Each ROUGE type is scored against every reference and the best F1 is kept (`max` over references, type by
type, as `rouge_score.RougeScorer.score_multi` does). Porter stemming is on. For `rougeLsum` both texts are
split into sentences with `claims.text.sentences` and joined by newlines, as rouge-score expects. A reference
the summary copies (the references baseline scoring one of the cluster's own references) is left out, and
with `near_copy` set (e.g. 0.9) so is one it nearly copies (ROUGE-L F1 at least `near_copy`: a reference
with a planted error), so such a summary is scored leave-one-out against the other references, the usual
human ceiling, instead of scoring about 1.0 against itself. A cluster with no other reference cannot be
scored: the scorer raises `ScorerUnavailableError` rather than report a zero.

The arithmetic is rouge-score's (`harness.metrics.rouge_math`, checked against it in the tests); what differs
is cost: each distinct text (a reference is scored against every summary of its cluster) is tokenized,
stemmed and split once, stems are memoized, and nltk is never imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from harness.core.text import sentences
from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.protocols import SampleScore
from harness.metrics.rouge_math import RougeText, RougeTokenizer, fmeasure_of
from harness.metrics.text_memo import TextMemo
from harness.results.metric_info import HIGHER, MetricInfo
from harness.verdicts.sources import Sources

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")

REFERENCES_HELD = 64
"""Reference summaries whose tokens and n-grams are kept: a cluster's few references serve all its summaries."""


def sentence_lines(text: str) -> str:
    """One sentence per line: the input form rougeLsum needs."""
    return "\n".join(sentence.text for sentence in sentences(text))


class RougeScorer:
    """ROUGE-1/2/L/Lsum F1 (stemmed) against the best-matching reference summary."""

    name = "rouge"
    metric_info: ClassVar[dict[str, MetricInfo]] = dict.fromkeys(
        ("rouge1", "rouge2", "rougeL", "rougeLsum", "rouge*"), HIGHER
    )

    def __init__(
        self, rouge_types: Sequence[str] = ROUGE_TYPES, use_stemmer: bool = True, near_copy: float | None = None
    ) -> None:
        unknown = [kind for kind in rouge_types if re.fullmatch(r"rouge(?:[1-9]|L|Lsum)", kind) is None]
        if unknown or not rouge_types:
            raise ConfigError(
                f"rouge scorer, field 'rouge_types': unknown {unknown}; use rouge1..rouge9, rougeL or rougeLsum"
            )
        if near_copy is not None and not 0.0 < near_copy <= 1.0:
            raise ConfigError(f"rouge scorer, field 'near_copy': a ROUGE-L F1 in (0, 1] or null, got {near_copy!r}")
        self.rouge_types = tuple(rouge_types)
        self.near_copy = near_copy
        self._orders = tuple(sorted({int(kind[5:]) for kind in self.rouge_types if kind[5:].isdigit()}))
        self._tokenizer = RougeTokenizer(use_stemmer)
        self._texts: TextMemo[RougeText] = TextMemo(
            lambda text: RougeText.of(sentence_lines(text), self._tokenizer, self._orders), size=REFERENCES_HELD
        )

    def _copies(self, prediction: RougeText, reference: RougeText) -> bool:
        """Whether the summary is a near-copy of the reference (ROUGE-L F1 at least `near_copy`)."""
        return self.near_copy is not None and fmeasure_of("rougeL", reference, prediction) >= self.near_copy

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """F1 of each ROUGE type against the best reference for that type."""
        prediction = RougeText.of(sentence_lines(summary), self._tokenizer, self._orders)
        targets = [
            self._texts(reference)
            for reference in sources.references
            if reference.strip() != summary.strip() and not self._copies(prediction, self._texts(reference))
        ]
        if not targets:
            raise ScorerUnavailableError(
                f"rouge: cluster '{sources.cluster}' has no reference summaries other than the summary itself (or a "
                "near-copy of it); add references to the goldset or the dataset, or remove the rouge scorer from the "
                "metrics config"
            )
        return SampleScore(
            metrics={
                kind: max(fmeasure_of(kind, target, prediction) for target in targets) for kind in self.rouge_types
            }
        )
