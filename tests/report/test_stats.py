"""Bootstrap intervals and the paired permutation test against cases whose answers are known exactly."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.results.stats import bootstrap_ci, paired_permutation_test


def test_two_point_bootstrap_spans_both_values() -> None:
    # Resample means of [0, 1] are 0, 0.5, 1 with probability 1/4, 1/2, 1/4: the 2.5th and 97.5th
    # percentiles are the extremes.
    estimate = bootstrap_ci([0.0, 1.0], n_resamples=4000)
    assert estimate.mean == 0.5
    assert (estimate.low, estimate.high) == (0.0, 1.0)


def test_interval_matches_normal_theory_on_large_sample() -> None:
    data = np.random.default_rng(1).normal(10.0, 2.0, size=400)
    estimate = bootstrap_ci(list(data))
    half_width = 1.96 * data.std(ddof=1) / math.sqrt(len(data))
    assert math.isclose(estimate.high - estimate.low, 2 * half_width, rel_tol=0.12)
    assert estimate.low < data.mean() < estimate.high


def test_degenerate_inputs() -> None:
    assert bootstrap_ci([0.7]).format() == "0.700"
    constant = bootstrap_ci([0.3, 0.3, 0.3])
    assert (constant.low, constant.high) == (0.3, 0.3)
    assert bootstrap_ci([]).n == 0
    assert bootstrap_ci([]).format() == "–"
    assert bootstrap_ci([1.0, math.nan, 0.0]).n == 2


def test_same_seed_same_interval() -> None:
    values = [0.1, 0.4, 0.35, 0.8, 0.6, 0.2]
    assert bootstrap_ci(values) == bootstrap_ci(values)


def test_exact_paired_test_all_improvements() -> None:
    # With 5 pairs all improving by the same amount, only the identity and the full sign flip reach |mean| = 0.1:
    # p = 2 / 2**5.
    result = paired_permutation_test([0.1, 0.2, 0.3, 0.4, 0.5], [0.2, 0.3, 0.4, 0.5, 0.6])
    assert math.isclose(result.difference, 0.1)
    assert math.isclose(result.p_value, 2 / 32)
    assert not result.significant(0.05)
    eight = paired_permutation_test([0.0] * 8, [1.0] * 8)
    assert math.isclose(eight.p_value, 2 / 256)
    assert eight.significant(0.05)


def test_paired_test_no_difference() -> None:
    result = paired_permutation_test([0.5, 0.2, 0.9], [0.5, 0.2, 0.9])
    assert result.difference == 0.0
    assert result.p_value == 1.0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1, allow_nan=False), min_size=2, max_size=30))
def test_interval_contains_mean(values: list[float]) -> None:
    estimate = bootstrap_ci(values, n_resamples=200)
    assert estimate.low - 1e-9 <= estimate.mean <= estimate.high + 1e-9
