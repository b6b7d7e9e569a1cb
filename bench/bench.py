"""Benchmark of the offline scoring suite: throughput against ROUGE alone, parallel scaling, memory, cold start,
model calls against an endpoint's latency, pathological inputs and a pairs table's memory.

Run `python bench/bench.py` (a few minutes), `--quick` (under a minute, for CI smoke use), `--pairs N` to
choose how many synthetic summaries the throughput comparison scores, `--out FILE` to write the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import cold_starts, compare, parallel, stream
from pairs import goldset_pairs, news_pairs, synthetic_pairs, synthetic_stream
from pathological import in_subprocess
from scale import document_scaling, endpoint, fixed_cost, in_bench, rouge_ratio

from harness.run.collector import pace_for_scoring

SEED = 20180823
MODELS_PER_CLUSTER = 4
"""Summaries per synthetic cluster: as if four summarizers were run on every cluster."""


def machine() -> dict[str, Any]:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown",
    )
    return {
        "nproc": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "cpu": model,
        "python": platform.python_version(),
    }


def settings(args: argparse.Namespace) -> dict[str, Any]:
    if args.quick:
        return {
            "pairs": args.pairs or 8,
            "repeats": 1,
            "stream": [3, 6, 12],
            "cold_repeats": 1,
            "summary_chars": 20_000,
            "source_chars": 20_000,
            "table_pairs": (10, 40),
            "news_pairs": 40,
        }
    total = args.stream
    return {
        "pairs": args.pairs or 40,
        "repeats": 3,
        "stream": [total // 10, total // 2, total],
        "cold_repeats": 5,
        "summary_chars": 2_000_000,
        "source_chars": 1_000_000,
        "table_pairs": (100, 2000),
        "news_pairs": args.news_pairs,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    chosen = settings(args)
    figures: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    print(f"machine: {figures['machine']}", flush=True)

    gold = goldset_pairs()
    figures["goldset"] = compare(gold, chosen["repeats"])
    print(f"goldset pairs: {_rates(figures['goldset'])}", flush=True)

    clusters = max(1, chosen["pairs"] // MODELS_PER_CLUSTER)
    synthetic = synthetic_pairs(clusters, MODELS_PER_CLUSTER, SEED)
    figures["synthetic"] = compare(synthetic, chosen["repeats"])
    print(f"synthetic pairs: {_rates(figures['synthetic'])}", flush=True)

    if args.news is not None:
        news = news_pairs(args.news, chosen["news_pairs"])
        figures["news"] = compare(news, chosen["repeats"])
        print(f"news pairs ({args.news.name}): {_rates(figures['news'])}", flush=True)

    num_proc = 2 if len(os.sched_getaffinity(0)) >= 2 else 1
    figures["parallel"] = parallel(synthetic, num_proc, max(1, chosen["repeats"] // 2))
    print(f"parallel: {figures['parallel']}", flush=True)

    figures["cold_start"] = cold_starts(chosen["cold_repeats"])
    print(f"cold start: {figures['cold_start']}", flush=True)

    figures["rouge_vs_rouge_score"] = {
        "goldset": rouge_ratio(gold, chosen["repeats"]),
        "synthetic": rouge_ratio(synthetic, chosen["repeats"]),
    }
    print(f"ROUGE in the harness / rouge-score: {figures['rouge_vs_rouge_score']}", flush=True)
    figures["fixed_cost"] = fixed_cost(chosen["cold_repeats"])
    print(f"fixed cost: {figures['fixed_cost']}", flush=True)
    figures["endpoint"] = endpoint(latency=0.25 if args.quick else 1.0)
    print(f"endpoint: {figures['endpoint']}", flush=True)
    if not args.no_pathological:
        figures["long_summary"] = in_subprocess("summary", chosen["summary_chars"])
        print(f"long summary: {figures['long_summary']}", flush=True)
        figures["long_source"] = document_scaling(chosen["source_chars"])
        print(f"long source: {figures['long_source']}", flush=True)
        small, large = chosen["table_pairs"]
        figures["pairs_table"] = json.loads(in_bench("pairs_table.py", "memory", "--sizes", str(small), str(large)))
        print(f"pairs table: {figures['pairs_table']}", flush=True)

    if not args.no_stream:
        marks = chosen["stream"]
        figures["stream"] = stream(synthetic_stream(marks[-1], 10, SEED + 1), marks)
        for mark in figures["stream"]:
            print(f"stream: {mark}", flush=True)
    return figures


def _rates(result: dict[str, Any]) -> str:
    scorers = ", ".join(f"{key} {value:.1f}" for key, value in result["ms_per_summary_by_scorer"].items())
    return (
        f"{result['pairs']} summaries; ROUGE alone {result['rouge_per_s']:.1f}/s "
        f"({result['rouge_sentence_lines_per_s']:.1f}/s on sentence lines), suite {result['suite_per_s']:.2f}/s, "
        f"ratio b/a {result['ratio_b_over_a']:.3f} (CPU time: {result['cpu_ratio_b_over_a']:.3f}); "
        f"CPU ms per summary: rouge-score {result['rouge_score_ms_per_summary']:.1f}, {scorers}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute (CI smoke)")
    parser.add_argument("--pairs", type=int, default=None, help="synthetic summaries in the throughput comparison")
    parser.add_argument(
        "--news", type=Path, default=None, help="JSONL of news articles and summaries (FRANK's layout) to score too"
    )
    parser.add_argument("--news-pairs", type=int, default=None, help="at most this many rows of --news")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures to this JSON file")
    parser.add_argument("--stream", type=int, default=10_000, help="summaries in the streaming memory measurement")
    parser.add_argument("--no-stream", action="store_true", help="skip the long streaming memory measurement")
    parser.add_argument("--no-pathological", action="store_true", help="skip long inputs and the pairs table")
    args = parser.parse_args(argv)
    pace_for_scoring()  # as every `harness` command does, for rouge-score and the suite alike
    figures = run(args)
    if args.out is not None:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
