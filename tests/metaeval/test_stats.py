"""Every statistic of the meta-evaluation against values computed by hand."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats as scipy_stats

from harness.metaeval.evaluate import evaluate_scorer, protocol_of
from harness.metaeval.items import ErrorSpan, LabelledItem
from harness.metaeval.scoring import ScoredItem
from harness.metaeval.spans import SpanCounts, span_counts, span_stats
from harness.metaeval.stats import (
    BootstrapSettings,
    agreement,
    balanced_accuracy_rows,
    choose_threshold,
    pearson_rows,
    roc_auc_rows,
    spearman_rows,
)
from harness.verdicts.types import Finding

SETTINGS = BootstrapSettings(resamples=200, seed=0)


def arrays(*values: Sequence[float]) -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(value, dtype=float) for value in values)


def test_balanced_accuracy_is_the_mean_of_both_recalls() -> None:
    scores, labels = arrays([0.9, 0.8, 0.3, 0.6, 0.2], [1, 1, 1, 0, 0])
    # threshold 0.5: consistent recall 2/3 (0.3 is missed), inconsistent recall 1/2 (0.6 is missed)
    assert balanced_accuracy_rows(scores, labels, 0.5)[0] == pytest.approx((2 / 3 + 1 / 2) / 2)


def test_threshold_is_chosen_on_dev_and_applied_to_test() -> None:
    dev_scores, dev_labels = arrays([0.9, 0.7, 0.4, 0.2], [1, 1, 0, 0])
    # candidates -inf, 0.2, 0.4, 0.7, 0.9 give 0.5, 0.75, 1.0, 0.75, 0.5: the best is 0.4
    assert choose_threshold(dev_scores, dev_labels) == 0.4
    test_scores, test_labels = arrays([0.5, 0.3, 0.45, 0.1], [1, 1, 0, 0])
    result = agreement(test_scores, test_labels, 0.4, "dev", SETTINGS)
    # > 0.4: 0.5 (consistent, right), 0.3 (consistent, missed), 0.45 (inconsistent, wrong), 0.1 (right)
    assert result.balanced_accuracy.mean == pytest.approx(0.5)
    assert result.threshold == 0.4 and result.threshold_basis == "dev"


def test_equally_good_thresholds_resolve_to_the_largest() -> None:
    scores, labels = arrays([0.3, 0.3], [1, 0])
    # -inf (all consistent) and 0.3 (all inconsistent) both give 0.5
    assert choose_threshold(scores, labels) == 0.3
    scores, labels = arrays([0.2, 0.6, 0.4, 0.8], [0, 0, 1, 1])
    # 0.2 -> (1 + 1/2) / 2 = 0.75 and 0.6 -> (1/2 + 1) / 2 = 0.75 tie as the best; 0.6 is kept
    assert choose_threshold(scores, labels) == 0.6


def test_roc_auc_counts_ties_as_half() -> None:
    scores, labels = arrays([0.8, 0.5, 0.5, 0.2, 0.5], [1, 1, 0, 0, 0])
    # pairs (consistent, inconsistent): 0.8 beats 0.5, 0.2, 0.5 -> 3; 0.5 ties 0.5 twice, beats 0.2 -> 2
    assert roc_auc_rows(scores, labels)[0] == pytest.approx(5 / 6)


@given(
    st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]), min_size=2, max_size=12),
    st.lists(st.sampled_from([0, 1]), min_size=2, max_size=12),
)
def test_roc_auc_equals_the_share_of_correctly_ordered_pairs(raw_scores: list[float], raw_labels: list[int]) -> None:
    size = min(len(raw_scores), len(raw_labels))
    scores, labels = arrays(raw_scores[:size], raw_labels[:size])
    positives, negatives = scores[labels == 1], scores[labels == 0]
    if not positives.size or not negatives.size:
        assert math.isnan(roc_auc_rows(scores, labels)[0])
        return
    pairs = [1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives]
    assert roc_auc_rows(scores, labels)[0] == pytest.approx(sum(pairs) / len(pairs))


def test_pearson_and_spearman_by_hand() -> None:
    scores, labels = arrays([1.0, 0.0, 1.0], [1, 0, 0])
    # means 2/3 and 1/3; covariance sum 1/3; both variance sums 2/3 -> r = 0.5
    assert pearson_rows(scores, labels)[0] == pytest.approx(0.5)
    scores, labels = arrays([0.1, 0.4, 0.2, 0.9], [0, 1, 0, 1])
    # ranks 1, 3, 2, 4 against 1.5, 3.5, 1.5, 3.5: r of the ranks = 4 / sqrt(5 * 4) = 2 / sqrt(5)
    assert spearman_rows(scores, labels)[0] == pytest.approx(2 / math.sqrt(5))
    assert spearman_rows(scores, labels)[0] == pytest.approx(scipy_stats.spearmanr(scores, labels).statistic)


def test_constant_scores_have_no_correlation() -> None:
    scores, labels = arrays([0.5, 0.5, 0.5], [1, 0, 1])
    assert math.isnan(pearson_rows(scores, labels)[0])
    result = agreement(scores, labels, 0.4, "optimistic", SETTINGS)
    assert math.isnan(result.pearson.mean) and result.roc_auc.mean == 0.5


def test_bootstrap_interval_brackets_the_estimate_and_repeats() -> None:
    scores, labels = arrays([0.9, 0.8, 0.3, 0.6, 0.2, 0.7, 0.1, 0.4], [1, 1, 1, 0, 0, 1, 0, 0])
    first = agreement(scores, labels, 0.5, "dev", SETTINGS)
    again = agreement(scores, labels, 0.5, "dev", SETTINGS)
    assert first == again
    for estimate in (first.balanced_accuracy, first.roc_auc, first.pearson, first.spearman):
        assert estimate.low <= estimate.mean <= estimate.high
        assert estimate.low < estimate.high
    assert (first.n, first.n_consistent, first.n_inconsistent) == (8, 4, 4)


def scored(
    item_id: str, label: int, score: float, split: str | None = None, categories: tuple[str, ...] = ()
) -> ScoredItem:
    item = LabelledItem(item_id, "doc", "summary", label, split, categories)  # type: ignore[arg-type]
    return ScoredItem(item, score, (), {})


def test_without_a_dev_split_the_threshold_is_chosen_on_the_same_items() -> None:
    entries = [scored("a", 1, 0.9), scored("b", 0, 0.4), scored("c", 1, 0.3), scored("d", 0, 0.1)]
    assert protocol_of([entry.item for entry in entries]).basis == "optimistic"
    report = evaluate_scorer("toy", "findings", entries, SETTINGS)
    # -inf .5, 0.1 .75, 0.3 .5, 0.4 .75, 0.9 .5 -> the largest of the best is 0.4, balanced accuracy 0.75
    assert report.summary.threshold == 0.4
    assert report.summary.threshold_basis == "optimistic"
    assert report.summary.balanced_accuracy.mean == pytest.approx(0.75)


def test_category_rows_keep_that_category_and_the_consistent_summaries() -> None:
    entries = [
        scored("dev-ok", 1, 0.8, "dev"),
        scored("dev-bad", 0, 0.2, "dev", ("EntE",)),
        scored("ok-1", 1, 0.9, "test"),
        scored("ok-2", 1, 0.6, "test"),
        scored("ent", 0, 0.1, "test", ("EntE",)),
        scored("ent-out", 0, 0.7, "test", ("EntE", "OutE")),
        scored("circ", 0, 0.4, "test", ("CircE",)),
    ]
    report = evaluate_scorer("toy", "findings", entries, SETTINGS)
    assert report.summary.threshold == 0.2 and report.summary.n == 5
    assert set(report.categories) == {"CircE", "EntE", "OutE"}
    entity = report.categories["EntE"]
    # ok-1 0.9, ok-2 0.6 against ent 0.1, ent-out 0.7: AUC = (2 + 1) / 4; at 0.2 recalls 1 and 1/2
    assert (entity.n, entity.n_consistent, entity.n_inconsistent) == (4, 2, 2)
    assert entity.roc_auc.mean == pytest.approx(0.75)
    assert entity.balanced_accuracy.mean == pytest.approx(0.75)
    circumstance = report.categories["CircE"]
    # 0.9 and 0.6 both beat 0.4; at 0.2 the 0.4 counts as consistent: recalls 1 and 0
    assert circumstance.roc_auc.mean == pytest.approx(1.0)
    assert circumstance.balanced_accuracy.mean == pytest.approx(0.5)


def finding(start: int, end: int, verdict: str = "unsupported") -> Finding:
    return Finding(type="number", text="x" * (end - start), start=start, end=end, verdict=verdict)


def test_span_counts_by_overlap() -> None:
    marked = (ErrorSpan(0, 2, "14", "number"), ErrorSpan(10, 15, "Kabul", "entity"), ErrorSpan(20, 22, "40"))
    # [1, 3) overlaps [0, 2); [15, 18) only touches [10, 15) (end-exclusive), [30, 31) hits nothing
    counts = span_counts([(1, 3), (15, 18), (30, 31)], marked)
    assert counts == SpanCounts(correct=1, flagged=3, found=1, marked=3)


def test_span_precision_and_recall_are_micro_averaged() -> None:
    counts = [SpanCounts(1, 3, 1, 3), SpanCounts(2, 2, 1, 1), SpanCounts(0, 1, 0, 0)]
    result = span_stats(counts, SETTINGS)
    # precision (1 + 2 + 0) / (3 + 2 + 1) = 0.5; recall (1 + 1 + 0) / (3 + 1 + 0) = 0.5; F1 0.5
    assert result.precision.mean == pytest.approx(0.5)
    assert result.recall.mean == pytest.approx(0.5)
    assert result.f1.mean == pytest.approx(0.5)
    assert (result.n, result.flagged, result.marked) == (3, 6, 4)
    assert result.precision.low <= 0.5 <= result.precision.high


def test_span_table_splits_by_span_type_and_ignores_unflagged_findings() -> None:
    spans = (ErrorSpan(0, 2, "14", "number"), ErrorSpan(5, 10, "Kabul", "entity"))
    item = LabelledItem("x", "doc", "14 in Kabul.", 0, spans=spans)
    entry = ScoredItem(item, 0.0, (finding(0, 2), finding(5, 10, "supported")), {})
    unmarked = ScoredItem(LabelledItem("y", "doc", "fine", 1), 1.0, (finding(0, 1),), {})
    report = evaluate_scorer("toy", "findings", [entry, unmarked], SETTINGS)
    # the second item marks no spans at all (spans=None), so it does not count
    assert report.spans["all"].n == 1
    assert (report.spans["all"].precision.mean, report.spans["all"].recall.mean) == (1.0, 0.5)
    assert report.spans["number"].recall.mean == 1.0
    assert report.spans["entity"].recall.mean == 0.0
    assert report.spans["entity"].precision.mean == 0.0
