"""Cohen's kappa: agreement of two annotators' labels on the same items, corrected for chance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """(p_o - p_e) / (1 - p_e) over paired labels; None for no pairs. When chance agreement is certain
    (both annotators used one and the same label throughout) kappa is undefined; it is reported as 1.0."""
    if len(first) != len(second):
        raise ValueError("cohen_kappa needs two label lists of the same length")
    total = len(first)
    if total == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / total
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[label] * counts_b[label] for label in counts_a) / (total * total)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)
