"""ROUGE F1 of a summary against the cluster's reference summaries, with rouge-score's exact definitions.

Each ROUGE type is scored against every reference and the best F1 is kept (`max` over references, type by
type, as `rouge_score.RougeScorer.score_multi` does). Porter stemming is on. For `rougeLsum` both texts are
split into sentences with `claims.text.sentences` and joined by newlines, as rouge-score expects. A reference
identical to the summary (the references baseline scoring one of the cluster's own references) is left out,
so that baseline is scored leave-one-out against the other references, the usual human ceiling. A cluster
with no other reference cannot be scored: the scorer raises `ScorerUnavailableError` rather than report a zero.

The arithmetic is rouge-score's (`harness.metrics.rouge_math`, checked against it in the tests); what differs
is cost: each distinct text (a reference is scored against every summary of its cluster) is tokenized,
stemmed and split once, stems are memoized, and nltk is never imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from harness.claims.text import sentences
from harness.errors import ConfigError, ScorerUnavailableError
from harness.metrics.protocols import SampleScore
from harness.metrics.rouge_math import RougeText, RougeTokenizer, fmeasure_of
from harness.metrics.text_memo import TextMemo
from harness.verdicts.sources import Sources

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def sentence_lines(text: str) -> str:
    """One sentence per line: the input form rougeLsum needs."""
    return "\n".join(sentence.text for sentence in sentences(text))


class RougeScorer:
    """ROUGE-1/2/L/Lsum F1 (stemmed) against the best-matching reference summary."""

    name = "rouge"

    def __init__(self, rouge_types: Sequence[str] = ROUGE_TYPES, use_stemmer: bool = True) -> None:
        unknown = [kind for kind in rouge_types if re.fullmatch(r"rouge(?:[1-9]|L|Lsum)", kind) is None]
        if unknown or not rouge_types:
            raise ConfigError(
                f"rouge scorer, field 'rouge_types': unknown {unknown}; use rouge1..rouge9, rougeL or rougeLsum"
            )
        self.rouge_types = tuple(rouge_types)
        self._orders = tuple(sorted({int(kind[5:]) for kind in self.rouge_types if kind[5:].isdigit()}))
        self._tokenizer = RougeTokenizer(use_stemmer)
        self._texts: TextMemo[RougeText] = TextMemo(
            lambda text: RougeText.of(sentence_lines(text), self._tokenizer, self._orders)
        )

    def score(self, summary: str, sources: Sources) -> SampleScore:
        """F1 of each ROUGE type against the best reference for that type."""
        references = [reference for reference in sources.references if reference.strip() != summary.strip()]
        if not references:
            raise ScorerUnavailableError(
                f"rouge: cluster '{sources.cluster}' has no reference summaries other than the summary itself; add "
                "references to the goldset or the dataset, or remove the rouge scorer from the metrics config"
            )
        prediction = RougeText.of(sentence_lines(summary), self._tokenizer, self._orders)
        targets = [self._texts(reference) for reference in references]
        return SampleScore(
            metrics={
                kind: max(fmeasure_of(kind, target, prediction) for target in targets) for kind in self.rouge_types
            }
        )
