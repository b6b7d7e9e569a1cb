"""Render a `Comparison` as terminal, Markdown, CSV, LaTeX or HTML tables.

Every format shows the same cells: mean [95% CI]; against the baseline, a dagger marks a difference whose
paired permutation test has p < alpha, with an arrow for its direction.
"""

from __future__ import annotations

import csv
import html
import io
import math
from typing import get_args

from harness.core import textgrid
from harness.report.compare import Comparison
from harness.verdicts.types import FindingType

FLAGGED_METRIC = "flagged"

FORMATS = ("terminal", "text", "markdown", "csv", "latex", "html")
FINDING_TYPES: tuple[str, ...] = get_args(FindingType)


def _cell(comparison: Comparison, model: str, metric: str) -> str:
    text = comparison.estimates[model][metric].format()
    test = comparison.tests.get(model, {}).get(metric)
    if test is not None and test.significant(comparison.alpha):
        text += (" ↑" if test.difference > 0 else " ↓") + "†"
    return text


def metric_grid(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the main table (models by metrics); the share of flagged summaries is added unless
    the `flagged` metric, which is that share, is already shown."""
    share = FLAGGED_METRIC not in comparison.metrics
    header = ["model", *comparison.metrics, *(["flagged share"] if share else [])]
    rows = []
    for model in comparison.models:
        name = f"{model} (baseline)" if model == comparison.baseline else model
        cells = [_cell(comparison, model, metric) for metric in comparison.metrics]
        rows.append([name, *cells, *([comparison.flagged_share[model].format()] if share else [])])
    return header, rows


def flagged_grid(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the breakdown of flagged claims by type: flagged / claims found."""
    types = [t for t in FINDING_TYPES if any(comparison.claims[m][t] for m in comparison.models)]
    header = ["model", *types]
    rows = [
        [model, *(f"{comparison.flagged[model][t]} / {comparison.claims[model][t]}" for t in types)]
        for model in comparison.models
    ]
    return header, rows


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _footnote(comparison: Comparison) -> str:
    if comparison.baseline is None:
        return "Cells: mean [95% bootstrap CI]."
    return (
        f"Cells: mean [95% bootstrap CI]. † p < {comparison.alpha} in a paired permutation test against "
        f"{comparison.baseline}; ↑/↓ direction of the difference."
    )


def to_markdown(comparison: Comparison) -> str:
    main = _markdown_table(*metric_grid(comparison))
    flagged = _markdown_table(*flagged_grid(comparison))
    return f"{main}\n\n{_footnote(comparison)}\n\nFlagged claims by type (flagged / claims):\n\n{flagged}\n"


def to_csv(comparison: Comparison) -> str:
    """Long format, one row per model and metric, with the numbers unrounded (for pandas)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["model", "metric", "mean", "ci_low", "ci_high", "n", "diff_vs_baseline", "p_value"])
    for model in comparison.models:
        for metric in comparison.metrics:
            estimate = comparison.estimates[model][metric]
            test = comparison.tests.get(model, {}).get(metric)
            writer.writerow(
                [
                    model,
                    metric,
                    estimate.mean,
                    estimate.low,
                    estimate.high,
                    estimate.n,
                    "" if test is None or math.isnan(test.difference) else test.difference,
                    "" if test is None or math.isnan(test.p_value) else test.p_value,
                ]
            )
    return buffer.getvalue()


def _latex_escape(text: str) -> str:
    for char, escaped in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("_", r"\_"), ("#", r"\#")):
        text = text.replace(char, escaped)
    return text.replace("†", r"$^\dagger$").replace("↑", r"$\uparrow$").replace("↓", r"$\downarrow$")


def to_latex(comparison: Comparison) -> str:
    header, rows = metric_grid(comparison)
    lines = [
        r"\begin{tabular}{l" + "r" * (len(header) - 1) + "}",
        r"\toprule",
        " & ".join(_latex_escape(cell) for cell in header) + r" \\",
        r"\midrule",
        *(" & ".join(_latex_escape(cell) for cell in row) + r" \\" for row in rows),
        r"\bottomrule",
        r"\end{tabular}",
        "% " + _footnote(comparison),
    ]
    return "\n".join(lines) + "\n"


def html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(comparison: Comparison) -> str:
    return (
        html_table(*metric_grid(comparison))
        + f"<p>{html.escape(_footnote(comparison))}</p>"
        + "<h3>Flagged claims by type</h3>"
        + html_table(*flagged_grid(comparison))
    )


def to_text(comparison: Comparison, width: int | None = None) -> str:
    """Plain text for a terminal or a CI log: aligned columns when they fit `width`, else one block per model."""
    main = textgrid.render(*metric_grid(comparison), title="Models", width=width)
    flagged = textgrid.render(*flagged_grid(comparison), title="Flagged claims by type (flagged / claims)", width=width)
    return f"{main}\n{flagged}\n{_footnote(comparison)}\n"


def print_terminal(comparison: Comparison) -> None:
    print(to_text(comparison), end="")


def render(comparison: Comparison, fmt: str) -> str:
    renderers = {"text": to_text, "markdown": to_markdown, "csv": to_csv, "latex": to_latex, "html": to_html}
    return renderers[fmt](comparison)
