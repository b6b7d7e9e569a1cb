"""Precision, recall and F1 from counts: every extraction layer and the goldset agreement report them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Counts of a matching: `correct` of `predicted` predictions and of `gold` gold items."""

    correct: float
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    def metrics(self, prefix: str) -> dict[str, float]:
        """`<prefix>_precision`, `_recall`, `_f1`; an empty gold and prediction scores nothing rather than 0 or 1."""
        if not self.predicted and not self.gold:
            return {}
        return {f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall, f"{prefix}_f1": self.f1}
