"""`harness gate RUN_DIR --baseline BASELINE_DIR`: exit 0 when the run holds, 1 when it falls short, 2 on bad input."""

from __future__ import annotations

import argparse
from pathlib import Path

from harness.gate.check import check_gate
from harness.gate.config import load_gate_config
from harness.gate.outputs import github_annotations, in_github_actions, to_markdown, write_junit
from harness.results.runs import load_run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="harness gate",
        description="Fail CI when a run is worse than its baseline: metric floors and tolerated drops (config "
        "group configs/gate/), item-level regressions (samples that passed in the baseline and now fail), and "
        "crashed samples. Exit 0: holds; 1: falls short; 2: usage or input error.",
    )
    parser.add_argument("run", type=Path, help="the run directory to check")
    parser.add_argument("--baseline", type=Path, required=True, help="the baseline run directory")
    parser.add_argument("--config", default="default", help="gate config name in configs/gate/, or a YAML path")
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a threshold, e.g. --set metrics.rouge1.max_drop=0.05 (repeatable)",
    )
    parser.add_argument("--junit", type=Path, help="write JUnit XML here")
    parser.add_argument("--markdown", type=Path, help="write a Markdown summary (for a pull-request comment) here")
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    config = load_gate_config(args.config, args.overrides)
    run, baseline = load_run(args.run), load_run(args.baseline)
    result = check_gate(run, baseline, config)
    if args.junit:
        write_junit(result, args.junit)
    markdown = to_markdown(result, str(args.run), str(args.baseline))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown, encoding="utf-8")
    if in_github_actions():
        for line in github_annotations(result):
            print(line)
    for failure in result.failures:
        print(f"FAIL {failure.model}: {failure.name}: {failure.message}")
    passed = sum(check.passed for check in result.checks)
    print(f"harness gate: {'passed' if result.passed else 'FAILED'} ({passed}/{len(result.checks)} checks hold)")
    return 0 if result.passed else 1
