"""Inline SVG charts for the HTML report: no plotting library and nothing fetched when the page opens."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

from harness.results.stats import Estimate

VERDICT_COLOURS = {
    "supported": "#2e7d32",
    "verbatim": "#2e7d32",
    "entailed": "#2e7d32",
    "unverified": "#9e9e9e",
    "neutral": "#9e9e9e",
    "unsupported": "#ef6c00",
    "unit_mismatch": "#f9a825",
    "wrong_role": "#f9a825",
    "altered": "#f9a825",
    "contradicted": "#c62828",
    "fabricated": "#c62828",
    "misattributed": "#ad1457",
}
PALETTE = ("#1565c0", "#6a1b9a", "#00838f", "#558b2f", "#ef6c00", "#4e342e", "#37474f", "#c62828")


def metric_bars(metric: str, estimates: Mapping[str, Estimate], width: int = 360) -> str:
    """Horizontal bars of one metric per model, with the 95% interval as a whisker."""
    rows = [(model, e) for model, e in estimates.items() if e.n > 0 and not math.isnan(e.mean)]
    if not rows:
        return ""
    top = max(max(e.high, e.mean) for _, e in rows)
    scale_max = top if top > 0 else 1.0
    label_w, bar_h, gap = 130, 16, 6
    plot_w = width - label_w - 50
    height = len(rows) * (bar_h + gap) + 24

    def x(value: float) -> float:
        return label_w + plot_w * max(value, 0.0) / scale_max

    parts = [
        f'<svg class="chart" role="img" aria-label="{html.escape(metric)} by model" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{html.escape(metric)}</title>',
        f'<text x="0" y="12" class="chart-title">{html.escape(metric)}</text>',
    ]
    for index, (model, estimate) in enumerate(rows):
        y = 20 + index * (bar_h + gap)
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<text x="0" y="{y + 12}" class="chart-label">{html.escape(model[:20])}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{x(estimate.mean) - label_w:.1f}" height="{bar_h}" '
            f'fill="{colour}" opacity="0.8">'
            f"<title>{html.escape(model)}: {html.escape(estimate.format())}</title></rect>"
        )
        if estimate.high > estimate.low:
            mid = y + bar_h / 2
            parts.append(
                f'<line x1="{x(estimate.low):.1f}" x2="{x(estimate.high):.1f}" y1="{mid}" y2="{mid}" '
                'stroke="#212121" stroke-width="1.5"/>'
            )
        parts.append(
            f'<text x="{x(estimate.high) + 4:.1f}" y="{y + 12}" class="chart-value">{estimate.mean:.3f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def verdict_bars(counts: Mapping[str, Mapping[str, int]], title: str, width: int = 360) -> str:
    """One stacked bar per finding type, segments coloured by verdict."""
    rows = [(kind, verdicts) for kind, verdicts in counts.items() if sum(verdicts.values()) > 0]
    if not rows:
        return ""
    label_w, bar_h, gap = 70, 16, 6
    plot_w = width - label_w - 40
    height = len(rows) * (bar_h + gap) + 24
    biggest = max(sum(verdicts.values()) for _, verdicts in rows)
    parts = [
        f'<svg class="chart" role="img" aria-label="{html.escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{html.escape(title)}</title>',
        f'<text x="0" y="12" class="chart-title">{html.escape(title)}</text>',
    ]
    for index, (kind, verdicts) in enumerate(rows):
        y = 20 + index * (bar_h + gap)
        parts.append(f'<text x="0" y="{y + 12}" class="chart-label">{html.escape(kind)}</text>')
        offset = float(label_w)
        for verdict, count in sorted(verdicts.items()):
            w = plot_w * count / biggest
            colour = VERDICT_COLOURS.get(verdict, "#607d8b")
            parts.append(
                f'<rect x="{offset:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{html.escape(kind)} {html.escape(verdict)}: {count}</title></rect>"
            )
            offset += w
        parts.append(f'<text x="{offset + 4:.1f}" y="{y + 12}" class="chart-value">{sum(verdicts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)
