"""Quotes against gold: content span exact and token-overlap P/R/F1, cue span, and speaker accuracy at the
level of canonical entity ids on matched quotes."""

from __future__ import annotations

from collections.abc import Sequence

from harness.core.claim_types import QuoteClaim
from harness.core.spans import Span
from harness.core.text import words
from harness.goldset.schema import QuoteAnnotation
from harness.metrics.extraction.matching import match_exact, match_overlap
from harness.metrics.extraction.prf import PRF, accuracy


def _token_positions(spans: Sequence[Span]) -> set[tuple[int, int]]:
    """Word tokens inside the spans, by their document offsets (so overlapping spans do not count twice)."""
    return {(span.start + w.start, span.start + w.end) for span in spans for w in words(span.text)}


def quote_metrics(golds: Sequence[QuoteAnnotation], predictions: Sequence[QuoteClaim]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    exact = match_exact(golds, predictions, lambda g: g.content, lambda p: p.content)
    metrics |= PRF(len(exact), len(predictions), len(golds)).metrics("quote_exact")
    gold_tokens = _token_positions([g.content for g in golds])
    pred_tokens = _token_positions([p.content for p in predictions])
    metrics |= PRF(len(gold_tokens & pred_tokens), len(pred_tokens), len(gold_tokens)).metrics("quote_token")
    gold_cues = [g.cue for g in golds if g.cue is not None]
    pred_cues = [p.cue for p in predictions if p.cue is not None]
    cue_hits = len(match_exact(gold_cues, pred_cues, lambda s: s, lambda s: s))
    metrics |= PRF(cue_hits, len(pred_cues), len(gold_cues)).metrics("quote_cue")
    matched = match_overlap(golds, predictions, lambda g: g.content, lambda p: p.content)
    metrics |= accuracy("quote_speaker", [g.speaker == p.speaker for g, p in matched])
    return metrics
