"""ROUGE as rouge-score itself computes it, with the harness's input form and leave-one-out rule: the oracle."""

from __future__ import annotations

from rouge_score import rouge_scorer

from harness.metrics.rouge import ROUGE_TYPES, sentence_lines


def rouge_score_itself(
    summary: str, references: list[str], rouge_types: tuple[str, ...] = ROUGE_TYPES, near_copy: float | None = None
) -> dict[str, float] | None:
    """Best F1 per type over the references that are neither the summary nor a near-copy; None when none is left."""
    scorer = rouge_scorer.RougeScorer([*rouge_types, "rougeL"], use_stemmer=True)
    prediction = sentence_lines(summary)
    kept = [
        sentence_lines(reference)
        for reference in references
        if reference.strip() != summary.strip()
        and (near_copy is None or scorer.score(sentence_lines(reference), prediction)["rougeL"].fmeasure < near_copy)
    ]
    if not kept:
        return None
    best = rouge_scorer.RougeScorer(list(rouge_types), use_stemmer=True).score_multi(kept, prediction)
    return {kind: best[kind].fmeasure for kind in rouge_types}
