"""Cost of pathological inputs: one very long summary, or one very long source document, scored by each scorer.

Each case runs in a fresh process so its peak RSS is its own: `python bench/pathological.py --summary-chars
2000000 --source-chars 1000000`. `--runner` also scores each case through `harness run goldset=pairs` (a
one-row table), so the runner's own cost (cache keys, records, results files) is in the figure. The long
texts are synthetic news text (`synthetic.py`) repeated with fresh facts until long enough; the other side is
an ordinary synthetic cluster with its reference. The scorers first score one short summary, so one-off
loads (lexicons, the unit registry) are not counted against the long text. Reports seconds per scorer, the
peak RSS, and the findings written (capped, `harness.run.tasks.MAX_FINDINGS`).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from measure import suite_scorers
from pairs import cluster_sources
from synthetic import make_cluster, summaries

from harness.run.collector import pace_for_scoring
from harness.run.tasks import score_output
from harness.verdicts.sources import Sources


def long_text(chars: int, seed: int) -> str:
    """Synthetic news text of at least `chars` characters (documents of successive clusters, joined)."""
    parts: list[str] = []
    size, index = 0, 0
    while size < chars:
        for text in make_cluster(index, seed).documents.values():
            parts.append(text)
            size += len(text) + 2
        index += 1
    return "\n\n".join(parts)[:chars]


def case(kind: str, chars: int) -> dict[str, Any]:
    """Score one long summary (`kind` "summary") or one summary of one long source ("source"), scorer by scorer."""
    cluster = make_cluster(0, 1)
    if kind == "summary":
        summary, sources = long_text(chars, 2), cluster_sources(cluster)
    else:
        text = long_text(chars, 3)
        summary = next(iter(summaries(cluster, 1, 1)))
        sources = Sources.from_texts("long", {"long/0": text}, references=(cluster.reference,))
    seconds: dict[str, float] = {}
    findings = 0
    scorers = suite_scorers()
    short = next(iter(summaries(cluster, 1, 1)))
    score_output(scorers, "summarize", (short, cluster_sources(cluster)))  # one-off loads (lexicons, units) first
    for key, scorer in scorers.items():
        began = time.perf_counter()
        scored = score_output({key: scorer}, "summarize", (summary, sources))
        seconds[key] = time.perf_counter() - began
        findings += len(scored.findings)
        if scored.errors:
            seconds[key + " (failed)"] = 0.0
    return {
        "kind": kind,
        "chars": chars,
        "seconds": seconds,
        "total_s": sum(seconds.values()),
        "findings": findings,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def through_runner(kind: str, chars: int, folder: Path) -> dict[str, Any]:
    """Wall seconds and the child's own peak RSS of `harness run` on a one-row pairs table holding the case."""
    cluster = make_cluster(0, 1)
    if kind == "summary":
        document, summary = next(iter(cluster.documents.values())), long_text(chars, 2)
    else:
        document, summary = long_text(chars, 3), next(iter(summaries(cluster, 1, 1)))
    table = folder / f"{kind}.jsonl"
    row = {"document": document, "summary": summary, "reference": cluster.reference}
    table.write_text(json.dumps(row) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "harness.cli", "run", "goldset=pairs", f"goldset.path={table}"]
    began = time.perf_counter()
    child = subprocess.Popen([*command, f"hydra.run.dir={folder / kind}"], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    written = (folder / kind / "samples.jsonl").stat().st_size if status == 0 else 0
    return {
        "kind": kind,
        "chars": chars,
        "runner_s": seconds,
        "exit_status": os.waitstatus_to_exitcode(status),
        "peak_rss_mib": usage.ru_maxrss / 1024,
        "samples_jsonl_bytes": written,
    }


def in_subprocess(kind: str, chars: int) -> dict[str, Any]:
    script = Path(__file__).resolve()
    done = subprocess.run(
        [sys.executable, str(script), "--case", kind, str(chars)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--summary-chars", type=int, default=2_000_000)
    parser.add_argument("--source-chars", type=int, default=1_000_000)
    parser.add_argument("--runner", action="store_true", help="also run each case through `harness run`")
    parser.add_argument("--case", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    pace_for_scoring()  # as every `harness` command does, for rouge-score and the suite alike
    if args.case:
        print(json.dumps(case(args.case[0], int(args.case[1]))))
        return 0
    for kind, chars in (("summary", args.summary_chars), ("source", args.source_chars)):
        print(json.dumps(in_subprocess(kind, chars)), flush=True)
        if args.runner:
            with tempfile.TemporaryDirectory() as folder:
                print(json.dumps(through_runner(kind, chars, Path(folder))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
