"""Compare models across runs: per-metric means with bootstrap CIs, paired tests against a baseline model.

A model's samples are paired with the baseline's by sample id; only ids both scored enter a paired test.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from harness.errors import HarnessError
from harness.results.records import Fingerprint, SampleRecord
from harness.results.runs import Run
from harness.results.stats import Estimate, PairedTest, bootstrap_ci, paired_permutation_test

PREFERRED_ORDER = (
    "rouge1",
    "rouge2",
    "rougeL",
    "rougeLsum",
    "number_precision",
    "number_survival",
    "entity_precision",
    "quote_fidelity",
    "event_contradictions",
    "event_support",
    "fragment_coverage",
    "fragment_density",
    "compression",
)
"""Metrics shown first, in this order; any other metric follows alphabetically."""


@dataclass(frozen=True)
class ModelResults:
    """One model's samples, keyed by (run, model) and labelled for display: the model name, with its run
    folder added when two runs share a model name."""

    label: str
    run: Run
    samples: list[SampleRecord]
    model: str = ""

    def values(self, metric: str) -> dict[str, float]:
        return {s.id: s.metrics[metric] for s in self.samples if s.error is None and metric in s.metrics}


@dataclass
class Comparison:
    """Everything a comparison table shows."""

    models: list[str]
    metrics: list[str]
    baseline: str | None
    estimates: dict[str, dict[str, Estimate]] = field(default_factory=dict)
    tests: dict[str, dict[str, PairedTest]] = field(default_factory=dict)
    flagged: dict[str, Counter[str]] = field(default_factory=dict)
    claims: dict[str, Counter[str]] = field(default_factory=dict)
    flagged_share: dict[str, Estimate] = field(default_factory=dict)
    alpha: float = 0.05


def collect_models(runs: list[Run]) -> list[ModelResults]:
    """Flatten runs into (run, model) pairs; a model name seen in several runs is labelled with its run folder
    (its name, or its whole path when two runs share a folder name)."""
    counts = Counter(model for run in runs for model in run.samples)
    folder_names = Counter(run.path.name for run in runs)
    results = []
    for run in runs:
        folder = run.path.name if folder_names[run.path.name] == 1 else str(run.path)
        for model, samples in run.samples.items():
            label = model if counts[model] == 1 else f"{model} ({folder})"
            results.append(ModelResults(label, run, samples, model))
    return results


def resolve_baseline(models: list[ModelResults], baseline: str) -> str:
    """The label of the baseline: a label, a model name found in one run, or a run folder holding one model."""
    labels = [model.label for model in models]
    if baseline in labels:
        return baseline
    by_name = [model.label for model in models if model.model == baseline]
    target = Path(baseline)
    by_run = [
        model.label
        for model in models
        if model.run.path == target or model.run.path.resolve() == target.resolve() or model.run.path.name == baseline
    ]
    for found in (by_name, by_run):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise HarnessError(f"baseline '{baseline}' is ambiguous; name one of: {', '.join(found)}")
    raise HarnessError(f"baseline '{baseline}' is no model or run folder of these runs; models: {', '.join(labels)}")


def check_fingerprints(runs: list[Run]) -> None:
    """Refuse to mix results computed on different goldsets or scorer settings."""
    first: Fingerprint = runs[0].summary.fingerprint
    for run in runs[1:]:
        if not run.summary.fingerprint.compatible_with(first):
            differing = ", ".join(run.summary.fingerprint.differences(first))
            raise HarnessError(
                f"{run.path} was scored differently from {runs[0].path} (fingerprints differ in: {differing}); "
                "rerun both with the same settings, or pass --allow-mixed to compare anyway"
            )


def metric_names(models: list[ModelResults]) -> list[str]:
    """Every metric the samples report: the preferred ones first, the others alphabetically."""
    seen = {metric for model in models for sample in model.samples for metric in sample.metrics}
    ordered = [metric for metric in PREFERRED_ORDER if metric in seen]
    return ordered + sorted(seen - set(ordered))


def headline_metrics(runs: list[Run], models: list[ModelResults]) -> list[str]:
    """The runs' headline columns (the run table's), in order; the preferred metrics for runs without any."""
    seen = {metric for model in models for sample in model.samples for metric in sample.metrics}
    chosen = [metric for run in runs for metric in run.summary.columns.values()]
    if not chosen:
        chosen = list(PREFERRED_ORDER)
    return [metric for metric in dict.fromkeys(chosen) if metric in seen]


def compare(
    runs: list[Run],
    *,
    baseline: str | None = None,
    metrics: list[str] | None = None,
    alpha: float = 0.05,
    allow_mixed: bool = False,
) -> Comparison:
    """Build the comparison of every model in `runs`; `baseline` names the model the others are tested against
    (a label, a model name, or a run folder); `metrics` defaults to the runs' headline columns, `["all"]`
    shows every metric."""
    if not allow_mixed:
        check_fingerprints(runs)
    models = collect_models(runs)
    labels = [model.label for model in models]
    if baseline is not None:
        baseline = resolve_baseline(models, baseline)
    if metrics == ["all"]:
        metrics = metric_names(models)
    chosen = metrics or headline_metrics(runs, models) or metric_names(models)
    comparison = Comparison(models=labels, metrics=chosen, baseline=baseline, alpha=alpha)
    by_label = {model.label: model for model in models}
    for model in models:
        comparison.estimates[model.label] = {
            metric: bootstrap_ci(list(model.values(metric).values())) for metric in chosen
        }
        comparison.flagged[model.label] = Counter(
            finding.type for sample in model.samples for finding in sample.findings if finding.flagged
        )
        comparison.claims[model.label] = Counter(
            finding.type for sample in model.samples for finding in sample.findings
        )
        scored = [sample for sample in model.samples if sample.error is None]
        comparison.flagged_share[model.label] = bootstrap_ci([float(sample.flagged) for sample in scored])
    if baseline is not None:
        reference = by_label[baseline]
        for model in models:
            if model.label == baseline:
                continue
            comparison.tests[model.label] = {}
            for metric in chosen:
                base_values, values = reference.values(metric), model.values(metric)
                shared = sorted(set(base_values) & set(values))
                comparison.tests[model.label][metric] = (
                    paired_permutation_test([base_values[i] for i in shared], [values[i] for i in shared])
                    if shared
                    else PairedTest(math.nan, math.nan, 0)
                )
    return comparison
