"""Statistics for comparing models: bootstrap confidence intervals and paired significance tests.

Both use scipy and a fixed seed, so a table is the same every time it is made from the same results.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 0


@dataclass(frozen=True)
class Estimate:
    """A mean with its bootstrap confidence interval over `n` samples."""

    mean: float
    low: float
    high: float
    n: int

    def format(self, digits: int = 3) -> str:
        if self.n == 0:
            return "–"
        if self.n == 1 or self.low == self.high:
            return f"{self.mean:.{digits}f}"
        return f"{self.mean:.{digits}f} [{self.low:.{digits}f}, {self.high:.{digits}f}]"


@dataclass(frozen=True)
class PairedTest:
    """A paired test of model B against baseline A on the samples both scored."""

    difference: float
    p_value: float
    n: int

    def significant(self, alpha: float = 0.05) -> bool:
        return self.n >= 2 and self.p_value < alpha


def bootstrap_ci(
    values: Sequence[float],
    *,
    confidence: float = 0.95,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Estimate:
    """Mean and percentile-bootstrap interval of `values`; one value or constant data give a zero-width interval."""
    data = np.asarray([value for value in values if not math.isnan(value)], dtype=float)
    if data.size == 0:
        return Estimate(math.nan, math.nan, math.nan, 0)
    mean = float(data.mean())
    if data.size == 1 or np.all(data == data[0]):
        return Estimate(mean, mean, mean, int(data.size))
    from scipy.stats import bootstrap

    result = bootstrap(
        (data,),
        np.mean,
        confidence_level=confidence,
        n_resamples=n_resamples,
        method="percentile",
        rng=np.random.default_rng(seed),
    )
    interval = result.confidence_interval
    return Estimate(mean, float(interval.low), float(interval.high), int(data.size))


def paired_permutation_test(
    baseline: Sequence[float],
    candidate: Sequence[float],
    *,
    n_resamples: int = 10_000,
    seed: int = DEFAULT_SEED,
) -> PairedTest:
    """Two-sided paired permutation test of mean(candidate - baseline) = 0 (exact when 2^n <= n_resamples)."""
    if len(baseline) != len(candidate):
        raise ValueError("paired samples must have the same length")
    pairs = [(a, b) for a, b in zip(baseline, candidate, strict=True) if not (math.isnan(a) or math.isnan(b))]
    if not pairs:
        return PairedTest(math.nan, math.nan, 0)
    a = np.asarray([pair[0] for pair in pairs], dtype=float)
    b = np.asarray([pair[1] for pair in pairs], dtype=float)
    difference = float((b - a).mean())
    if len(pairs) < 2 or np.allclose(a, b):
        return PairedTest(difference, 1.0, len(pairs))
    from scipy.stats import permutation_test

    result = permutation_test(
        (b, a),
        lambda x, y: np.mean(x - y),
        permutation_type="samples",
        alternative="two-sided",
        n_resamples=n_resamples,
        rng=np.random.default_rng(seed),
    )
    return PairedTest(difference, float(result.pvalue), len(pairs))
