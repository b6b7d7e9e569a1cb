"""Precision, recall and F1 from counts, as every extraction layer reports them."""

from __future__ import annotations

from harness.scoring.prf import PRF

__all__ = ["PRF", "accuracy"]


def accuracy(prefix: str, hits: list[bool]) -> dict[str, float]:
    """`<prefix>_accuracy` over matched pairs, left out when nothing was matched."""
    return {f"{prefix}_accuracy": sum(hits) / len(hits)} if hits else {}
