"""`harness report RUN_DIR...`: write the self-contained HTML report of one or more runs."""

from __future__ import annotations

import argparse
from pathlib import Path

from harness.report.compare import compare
from harness.report.html import build_report
from harness.results.runs import load_runs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="harness report",
        description="Write one HTML file (opens offline, no CDN) with the model comparison, charts, and every "
        "summary with its claims highlighted by verdict and their evidence from the sources.",
    )
    parser.add_argument("runs", nargs="+", help="run directories or globs")
    parser.add_argument("--output", "-o", type=Path, help="the HTML file (default: report.html in the first run)")
    parser.add_argument("--baseline", help="model the others are tested against")
    parser.add_argument("--title", default="fact-harness report")
    parser.add_argument("--allow-mixed", action="store_true", help="allow runs with different fingerprints")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    runs = load_runs(args.runs)
    comparison = compare(runs, baseline=args.baseline, allow_mixed=args.allow_mixed)
    output = args.output or runs[0].path / "report.html"
    output.write_text(build_report(runs, comparison, args.title), encoding="utf-8")
    print(f"harness report: wrote {output}")
    return 0
