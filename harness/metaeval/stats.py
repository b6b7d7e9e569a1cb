"""Agreement between scorer scores and binary human labels: balanced accuracy at a threshold, ROC AUC,
Pearson and Spearman correlation, each with a stratified percentile-bootstrap interval.

Label 1 means consistent; a summary is predicted consistent when its score is strictly above the threshold
(as SummaC does). Every statistic is computed row-wise on a (resamples, n) array, so the point estimate and
its bootstrap share one implementation. Resampling keeps the number of consistent and inconsistent items
fixed (stratified), so every resample has both classes and AUC and balanced accuracy stay defined.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import stats as scipy_stats

from harness.results.stats import DEFAULT_SEED, Estimate

Array = NDArray[np.float64]
RowStatistic = Callable[[Array, Array], Array]
ThresholdBasis = Literal["dev", "optimistic"]

DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True)
class BootstrapSettings:
    """How intervals are made: resamples, confidence level and the seed that makes them repeatable."""

    resamples: int = DEFAULT_RESAMPLES
    confidence: float = 0.95
    seed: int = DEFAULT_SEED


def _rows(values: Array) -> Array:
    return values.reshape(1, -1) if values.ndim == 1 else values


def balanced_accuracy_rows(scores: Array, labels: Array, threshold: float) -> Array:
    """Mean of the recall on consistent and on inconsistent items, per row; NaN when a class is absent."""
    scores, labels = _rows(scores), _rows(labels)
    predicted = scores > threshold
    positives, negatives = labels == 1, labels == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        true_positive_rate = (predicted & positives).sum(axis=1) / positives.sum(axis=1)
        true_negative_rate = (~predicted & negatives).sum(axis=1) / negatives.sum(axis=1)
    return np.asarray((true_positive_rate + true_negative_rate) / 2, dtype=float)


def roc_auc_rows(scores: Array, labels: Array) -> Array:
    """ROC AUC per row as the Mann-Whitney U of the consistent items' scores over n1·n0 (ties count half)."""
    scores, labels = _rows(scores), _rows(labels)
    ranks = scipy_stats.rankdata(scores, axis=1)
    positives = (labels == 1).sum(axis=1)
    negatives = (labels == 0).sum(axis=1)
    u_statistic = (ranks * (labels == 1)).sum(axis=1) - positives * (positives + 1) / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(u_statistic / (positives * negatives), dtype=float)


def pearson_rows(scores: Array, labels: Array) -> Array:
    """Pearson's r of score and label per row (scipy.stats.pearsonr); NaN where either is constant."""
    scores, labels = _rows(scores), _rows(labels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(scipy_stats.pearsonr(scores, labels, axis=1).statistic, dtype=float)


def spearman_rows(scores: Array, labels: Array) -> Array:
    """Spearman's rho per row: Pearson's r of the average ranks (equal to scipy.stats.spearmanr)."""
    scores, labels = _rows(scores), _rows(labels)
    return pearson_rows(scipy_stats.rankdata(scores, axis=1), scipy_stats.rankdata(labels, axis=1))


def choose_threshold(scores: Array, labels: Array) -> float:
    """The threshold that maximizes balanced accuracy on these items (predict consistent when score > t).

    Candidates are -inf and every distinct score; among equally good ones the largest wins, as in SummaC's
    `choose_best_threshold`.
    """
    candidates = np.concatenate([[-math.inf], np.unique(scores)])
    accuracies = np.asarray([balanced_accuracy_rows(scores, labels, float(t))[0] for t in candidates])
    if np.all(np.isnan(accuracies)):
        return math.nan
    best = np.nanmax(accuracies)
    return float(candidates[np.flatnonzero(accuracies == best)[-1]])


def stratified_indices(labels: Array, settings: BootstrapSettings) -> NDArray[np.int64]:
    """(resamples, n) item indices: each class resampled with replacement within itself."""
    rng = np.random.default_rng(settings.seed)
    groups = [np.flatnonzero(labels == value) for value in (1, 0)]
    parts = [rng.choice(group, size=(settings.resamples, group.size)) for group in groups if group.size]
    return np.concatenate(parts, axis=1) if parts else np.zeros((settings.resamples, 0), dtype=np.int64)


def estimate(statistic: RowStatistic, scores: Array, labels: Array, settings: BootstrapSettings) -> Estimate:
    """The statistic on all items, with the percentile interval of its stratified bootstrap distribution."""
    point = float(statistic(scores, labels)[0]) if scores.size else math.nan
    if math.isnan(point) or settings.resamples < 1:
        return Estimate(point, math.nan, math.nan, int(scores.size))
    indices = stratified_indices(labels, settings)
    resampled = statistic(scores[indices], labels[indices])
    resampled = resampled[~np.isnan(resampled)]
    if resampled.size == 0:
        return Estimate(point, math.nan, math.nan, int(scores.size))
    tail = (1 - settings.confidence) / 2 * 100
    low, high = np.percentile(resampled, [tail, 100 - tail])
    return Estimate(point, float(low), float(high), int(scores.size))


@dataclass(frozen=True)
class AgreementStats:
    """How one scorer's scores agree with the human labels on one set of items."""

    n: int
    n_consistent: int
    n_inconsistent: int
    threshold: float
    threshold_basis: ThresholdBasis
    balanced_accuracy: Estimate
    roc_auc: Estimate
    pearson: Estimate
    spearman: Estimate


def agreement(
    scores: Array, labels: Array, threshold: float, basis: ThresholdBasis, settings: BootstrapSettings
) -> AgreementStats:
    """Balanced accuracy at `threshold`, ROC AUC, Pearson and Spearman of `scores` against `labels`."""

    def at_threshold(rows_scores: Array, rows_labels: Array) -> Array:
        return balanced_accuracy_rows(rows_scores, rows_labels, threshold)

    return AgreementStats(
        n=int(labels.size),
        n_consistent=int((labels == 1).sum()),
        n_inconsistent=int((labels == 0).sum()),
        threshold=threshold,
        threshold_basis=basis,
        balanced_accuracy=estimate(at_threshold, scores, labels, settings),
        roc_auc=estimate(roc_auc_rows, scores, labels, settings),
        pearson=estimate(pearson_rows, scores, labels, settings),
        spearman=estimate(spearman_rows, scores, labels, settings),
    )
