"""Render an agreement report: a table of figures per layer, the list of disagreements, or JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from harness.authoring.agree import Agreement, Disagreement, Side

COLUMNS = (
    ("A", "a_items"),
    ("B", "b_items"),
    ("exact P", "exact_precision"),
    ("exact R", "exact_recall"),
    ("exact F1", "exact_f1"),
    ("overlap P", "overlap_precision"),
    ("overlap R", "overlap_recall"),
    ("overlap F1", "overlap_f1"),
    ("type kappa", "type_kappa"),
    ("link B3 F1", "link_b3_f1"),
    ("value", "value_agreement"),
)


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


def _side(side: Side | None) -> str:
    if side is None:
        return "(none)"
    value = f" {side.value}" if side.value else ""
    return f"{side.id} {side.start}-{side.end} {side.label} {side.text!r}{value}"


def _disagreement(item: Disagreement) -> list[str]:
    return [item.layer, item.document, item.kind, _side(item.a), _side(item.b), item.context]


def render_text(report: Agreement) -> str:
    """The figures table, then every disagreement with both sides and the text around it."""
    header = ["layer", *(title for title, _ in COLUMNS)]
    rows = [[layer.layer, *(_cell(layer.figures()[key]) for _, key in COLUMNS)] for layer in report.layers]
    lines = [f"agreement of B = {report.b} with A = {report.a} ({len(report.documents)} documents)", ""]
    lines += _aligned([header, *rows])
    lines += ["", f"{len(report.disagreements)} disagreements"]
    if report.disagreements:
        lines += _aligned([["layer", "document", "kind", "A", "B", "text"], *map(_disagreement, report.disagreements)])
    return "\n".join(lines)


def report_json(report: Agreement) -> dict[str, Any]:
    """Plain data: documents, figures per layer, disagreements with both sides."""
    return {
        "a": report.a,
        "b": report.b,
        "documents": report.documents,
        "layers": {layer.layer: layer.figures() for layer in report.layers},
        "disagreements": [asdict(item) for item in report.disagreements],
    }
