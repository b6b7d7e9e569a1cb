"""The results table of a run: models as rows, the task's key metrics as columns, for the terminal and Markdown."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table

from harness.results.records import RunSummary

MISSING = "–"
FIXED_HEADERS = ("model", "n", "failed")


def format_value(value: float | None) -> str:
    return MISSING if value is None else f"{value:.3f}"


def escape_cell(text: str) -> str:
    """A Markdown table cell: a `|` in a model name would otherwise start a new column."""
    return text.replace("\\", "\\\\").replace("|", "\\|")


def title(summary: RunSummary) -> str:
    return f"{summary.task} on {summary.dataset}"


def rows(summary: RunSummary, columns: Mapping[str, str]) -> list[list[str]]:
    """One row per model: name, samples, failed samples, then each column's metric mean (`–` when absent)."""
    return [
        [
            model.model,
            str(model.n_samples),
            str(model.n_failed),
            *(format_value(model.metrics.get(metric)) for metric in columns.values()),
        ]
        for model in summary.models.values()
    ]


def markdown(summary: RunSummary, columns: Mapping[str, str]) -> str:
    """A GitHub-flavoured Markdown table with a heading and, below it, what each column measures."""
    headers = [*FIXED_HEADERS, *columns]
    align = ["---", "---:", "---:", *("---:" for _ in columns)]
    lines = [f"## {title(summary)}", "", "| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in rows(summary, columns)]
    if columns:
        lines += ["", "Columns: " + "; ".join(f"{label} = `{metric}`" for label, metric in columns.items()) + "."]
    lines += [
        "",
        f"Missing values show as {MISSING}. Fingerprint: goldset `{summary.fingerprint.goldset[:12]}`, "
        f"scorers `{summary.fingerprint.scorers[:12]}`, harness {summary.fingerprint.harness_version}.",
    ]
    return "\n".join(lines) + "\n"


def rich_table(summary: RunSummary, columns: Mapping[str, str]) -> Table:
    table = Table(title=title(summary))
    table.add_column("model", no_wrap=True)
    for header in (*FIXED_HEADERS[1:], *columns):
        table.add_column(header, justify="right")
    for row in rows(summary, columns):
        table.add_row(*row)
    return table
