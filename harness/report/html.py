"""The self-contained HTML report: comparison table, charts, and every summary with its claims highlighted.

Model outputs are untrusted text: everything is escaped by Jinja's autoescape, the page loads nothing from
the network, and it carries a Content-Security-Policy that forbids scripts other than its own inline one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.report.compare import Comparison, collect_models
from harness.report.formats import flagged_grid, metric_grid
from harness.report.plots import metric_bars, verdict_bars
from harness.results.records import OUTPUTS_FILE, OutputRecord, read_jsonl
from harness.results.runs import Run
from harness.verdicts.types import Finding

TEMPLATE_DIR = Path(__file__).parent / "templates"
CHART_METRICS = ("rouge1", "rougeL", "number_precision", "number_survival", "entity_precision", "quote_fidelity")


@dataclass(frozen=True)
class Segment:
    """A piece of a summary: plain text, or a claim with its finding."""

    text: str
    finding: Finding | None = None
    index: int | None = None


@dataclass(frozen=True)
class SampleView:
    model: str
    id: str
    segments: list[Segment]
    findings: list[Finding]
    metrics: dict[str, float]
    error: str | None


def segment(text: str, findings: list[Finding]) -> list[Segment]:
    """Cut `text` at the findings' spans (the earliest-starting finding wins where two overlap)."""
    segments: list[Segment] = []
    cursor = 0
    ordered = sorted(enumerate(findings), key=lambda pair: (pair[1].start, -pair[1].end))
    for index, found in ordered:
        if found.start < cursor or found.end > len(text) or found.start >= found.end:
            continue
        if found.start > cursor:
            segments.append(Segment(text[cursor : found.start]))
        segments.append(Segment(text[found.start : found.end], found, index))
        cursor = found.end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def _summary_text(output: Any) -> str:
    if isinstance(output, str):
        return output
    if isinstance(output, dict) and isinstance(output.get("text"), str):
        return str(output["text"])
    return ""


def sample_views(run: Run, labels: dict[str, str] | None = None) -> list[SampleView]:
    """Every sample of `run`, its model shown under `labels[model]` (the comparison's label) when given."""
    outputs_path = run.path / OUTPUTS_FILE
    outputs = (
        {(o.model, o.id): _summary_text(o.output) for o in read_jsonl(outputs_path, OutputRecord)}
        if outputs_path.exists()
        else {}
    )
    views = []
    for model, samples in run.samples.items():
        label = (labels or {}).get(model, model)
        for sample in samples:
            text = outputs.get((model, sample.id), "")
            views.append(
                SampleView(
                    label, sample.id, segment(text, sample.findings), sample.findings, sample.metrics, sample.error
                )
            )
    return views


def verdict_counts(runs: list[Run]) -> dict[str, dict[str, Counter[str]]]:
    """Model label (one per run and model, as the comparison labels them) -> finding type -> verdict -> count."""
    counts: dict[str, dict[str, Counter[str]]] = {}
    for model in collect_models(runs):
        per_type = counts.setdefault(model.label, {})
        for sample in model.samples:
            for found in sample.findings:
                per_type.setdefault(found.type, Counter())[found.verdict] += 1
    return counts


def _labels(runs: list[Run]) -> dict[Path, dict[str, str]]:
    labels: dict[Path, dict[str, str]] = {}
    for model in collect_models(runs):
        labels.setdefault(model.run.path, {})[model.model] = model.label
    return labels


def build_report(runs: list[Run], comparison: Comparison, title: str = "fact-harness report") -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "j2"]), trim_blocks=True
    )
    metric_charts = [
        metric_bars(metric, {model: comparison.estimates[model][metric] for model in comparison.models})
        for metric in comparison.metrics
        if metric in CHART_METRICS
    ]
    verdict_charts = [verdict_bars(types, f"verdicts · {model}") for model, types in verdict_counts(runs).items()]
    labels = _labels(runs)
    return environment.get_template("report.html.j2").render(
        title=title,
        runs=runs,
        metric_table=metric_grid(comparison),
        flagged_table=flagged_grid(comparison),
        baseline=comparison.baseline,
        charts=[chart for chart in metric_charts + verdict_charts if chart],
        samples=[view for run in runs for view in sample_views(run, labels.get(run.path))],
    )
