"""`harness compare RUN_DIR...`: one table of models by metrics across runs, from their results files."""

from __future__ import annotations

import argparse
from pathlib import Path

from harness.report.compare import compare
from harness.report.formats import FORMATS, print_terminal, render
from harness.results.runs import load_runs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="harness compare",
        description="Compare models across run directories: mean [95% bootstrap CI] per metric, paired "
        "permutation tests against a baseline model, and flagged claims by type. Reads only results files.",
    )
    parser.add_argument("runs", nargs="+", help="run directories or globs (a multirun folder stands for its runs)")
    parser.add_argument(
        "--baseline", help="what the others are tested against: a model name as the table shows it, or a run folder"
    )
    parser.add_argument(
        "--metrics", help="comma-separated metrics to show, or 'all' (default: the runs' headline columns)"
    )
    parser.add_argument("--format", choices=FORMATS, default="terminal")
    parser.add_argument("--output", "-o", type=Path, help="write the table to this file instead of stdout")
    parser.add_argument("--alpha", type=float, default=0.05, help="significance level of the paired tests")
    parser.add_argument(
        "--allow-mixed", action="store_true", help="compare runs scored with different goldsets or scorer settings"
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    runs = load_runs(args.runs)
    metrics = [m.strip() for m in args.metrics.split(",")] if args.metrics else None
    comparison = compare(runs, baseline=args.baseline, metrics=metrics, alpha=args.alpha, allow_mixed=args.allow_mixed)
    if args.format == "terminal" and args.output is None:
        print_terminal(comparison)
        return 0
    text = render(comparison, "text" if args.format == "terminal" else args.format)
    if args.output is None:
        print(text, end="")
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0
