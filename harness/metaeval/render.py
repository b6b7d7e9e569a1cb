"""The meta-evaluation tables for the terminal (rich) and for Markdown, from the same rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from harness.core import textgrid
from harness.metaeval.evaluate import ScorerReport
from harness.metaeval.references import ReferenceFigure
from harness.metaeval.stats import AgreementStats
from harness.results.stats import Estimate

MISSING = "–"


@dataclass(frozen=True)
class TextTable:
    """A titled table of strings; the first column is left-aligned, the rest right-aligned."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


def cell(value: Estimate) -> str:
    if math.isnan(value.mean):
        return MISSING
    if math.isnan(value.low):
        return f"{value.mean:.3f}"
    return f"{value.mean:.3f} [{value.low:.3f}, {value.high:.3f}]"


def threshold_cell(stats: AgreementStats) -> str:
    value = "–" if math.isnan(stats.threshold) else f"{stats.threshold:.3f}"
    return f"{value} ({stats.threshold_basis})"


def _agreement_cells(stats: AgreementStats) -> tuple[str, ...]:
    return (
        f"{stats.n} ({stats.n_consistent}/{stats.n_inconsistent})",
        cell(stats.balanced_accuracy),
        cell(stats.roc_auc),
        cell(stats.pearson),
        cell(stats.spearman),
    )


def _summary_row(report: ScorerReport) -> tuple[str, ...]:
    size, *figures = _agreement_cells(report.summary)
    return (report.scorer, report.rule, size, threshold_cell(report.summary), *figures)


def summary_table(reports: Sequence[ScorerReport], dataset: str, protocol: str, confidence: float = 0.95) -> TextTable:
    headers = (
        "scorer",
        "score rule",
        "n (cons./incons.)",
        "threshold",
        "balanced acc.",
        "ROC AUC",
        "Pearson",
        "Spearman",
    )
    note = (
        f"{protocol}. Intervals: {confidence:.0%} stratified bootstrap. "
        "Label 1 = consistent; a score above the threshold predicts consistent."
    )
    return TextTable(f"Summary level: {dataset}", headers, tuple(_summary_row(report) for report in reports), note)


def category_table(reports: Sequence[ScorerReport], dataset: str) -> TextTable:
    headers = ("scorer", "category", "n (cons./with category)", "balanced acc.", "ROC AUC", "Pearson", "Spearman")
    rows = tuple(
        (report.scorer, category, *_agreement_cells(stats))
        for report in reports
        for category, stats in report.categories.items()
    )
    note = "Each row: the summaries with that error category plus every consistent one, at the summary-level threshold."
    if not rows:
        note = "This set has no error categories."
    return TextTable(f"Per error category: {dataset}", headers, rows, note)


def span_table(reports: Sequence[ScorerReport], dataset: str) -> TextTable:
    headers = ("scorer", "span type", "summaries", "flagged", "marked", "precision", "recall", "F1")
    rows = tuple(
        (
            report.scorer,
            kind,
            str(stats.n),
            str(stats.flagged),
            str(stats.marked),
            cell(stats.precision),
            cell(stats.recall),
            cell(stats.f1),
        )
        for report in reports
        for kind, stats in report.spans.items()
    )
    note = (
        "A flagged finding is correct when it overlaps a marked span by at least one character; a marked span is "
        "found when a flagged finding overlaps it. Micro-averaged over summaries."
    )
    if not rows:
        note = "This set marks no error spans."
    return TextTable(f"Span level: {dataset}", headers, rows, note)


def reference_table(figures: Sequence[ReferenceFigure]) -> TextTable:
    headers = ("system", "data", "statistic", "value", "source")
    rows = tuple(
        (figure.system, figure.data, figure.statistic, f"{figure.value:.3f}", f"{figure.source}; {figure.table}")
        for figure in figures
    )
    note = "Published figures for comparison; they were computed by their authors, not by this run."
    if not rows:
        note = "No published figures are recorded for this set."
    return TextTable("Published reference figures", headers, rows, note)


def rich_table(table: TextTable) -> Text:
    """The table as plain text that stays readable at 80 columns and in a CI log (see `harness.core.textgrid`)."""
    if not table.rows:
        return Text(f"{table.title}: {table.note}")
    return Text(textgrid.render(table.headers, table.rows, title=table.title, note=table.note))


def markdown(tables: Sequence[TextTable]) -> str:
    """GitHub-flavoured Markdown: each table under its own heading, with its note below it."""
    lines = ["# Meta-evaluation", ""]
    for table in tables:
        lines += [f"## {table.title}", ""]
        if table.rows:
            align = ["---" if index < 2 else "---:" for index in range(len(table.headers))]
            lines += ["| " + " | ".join(table.headers) + " |", "| " + " | ".join(align) + " |"]
            lines += ["| " + " | ".join(row) + " |" for row in table.rows]
            lines.append("")
        if table.note:
            lines += [table.note, ""]
    return "\n".join(lines)
