"""`goldset=pairs` at scale: peak RSS of a run on N pairs, and sharded runs merged against one run.

    python bench/pairs_table.py memory --sizes 100 1000 2000 10000  # peak RSS of each run (own process)
    python bench/pairs_table.py shards --pairs 1000 --shards 4     # submitit_local shards, merged == one run

Rows are synthetic FRANK-like pairs (`synthetic.py`): each article (one document of a synthetic cluster,
about 400 words) is summarized by two systems, so N pairs make N/2 samples of two models.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import make_cluster, summaries

SEED = 20180823


def write_pairs(path: Path, pairs: int) -> Path:
    """`pairs` rows of (document, summary, system, reference), two systems per article."""
    with path.open("w", encoding="utf-8") as out:
        for index in range(pairs // 2):
            cluster = make_cluster(index, SEED)
            document = next(iter(cluster.documents.values()))
            for system, summary in zip(("sys-a", "sys-b"), summaries(cluster, 2, SEED), strict=True):
                row = {"document": document, "summary": summary, "system": system, "reference": cluster.reference}
                out.write(json.dumps(row) + "\n")
    return path


def harness(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of `harness ARGS` in a child process (that child's own peak)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "harness.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode:
        raise RuntimeError(f"harness {' '.join(args)} failed ({child.returncode}): {errors.decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def memory(sizes: list[int], folder: Path) -> dict[str, float]:
    """Wall seconds and peak RSS of a run on each number of pairs, each in its own process."""
    figures: dict[str, float] = {}
    for pairs in sizes:
        data = write_pairs(folder / f"pairs-{pairs}.jsonl", pairs)
        seconds, peak = harness(
            ["run", "goldset=pairs", f"goldset.path={data}", f"hydra.run.dir={folder / str(pairs)}"]
        )
        figures[f"seconds_{pairs}"], figures[f"peak_rss_mib_{pairs}"] = seconds, peak
        print(json.dumps({"pairs": pairs, "seconds": seconds, "peak_rss_mib": peak}), flush=True)
        (folder / f"pairs-{pairs}.jsonl").unlink()
    peaks = [figures[f"peak_rss_mib_{pairs}"] for pairs in sizes]
    figures["peak_rss_spread_mib"] = max(peaks) - min(peaks)
    return figures


def shards(pairs: int, count: int, folder: Path) -> dict[str, float | bool]:
    """One run and `count` shards through submitit_local, merged; whether the merged files equal the run's."""
    data = write_pairs(folder / "pairs.jsonl", pairs)
    common = ["goldset=pairs", f"goldset.path={data}"]
    one, _ = harness(["run", *common, f"hydra.run.dir={folder / 'one'}"])
    sweep = folder / "sweep"
    values = ",".join(f"{index}/{count}" for index in range(1, count + 1))
    launcher = ["hydra/launcher=submitit_local", "hydra.launcher.timeout_min=60", f"hydra.sweep.dir={sweep}"]
    sharded, _ = harness(["run", "-m", *common, f"shard={values}", *launcher])
    runs = sorted(str(path) for path in sweep.iterdir() if (path / "shard.json").is_file())
    harness(["merge", *runs, "--out", str(folder / "merged")])
    same = all(
        (folder / "one" / name).read_bytes() == (folder / "merged" / name).read_bytes()
        for name in ("samples.jsonl", "metrics.json", "table.md")
    )
    samples = sum(1 for _ in (folder / "one" / "samples.jsonl").open(encoding="utf-8"))
    return {"samples": samples, "one_run_s": one, "sharded_s": sharded, "merged_equals_one_run": same}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("memory", "shards"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000], help="pairs per memory run")
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--shards", type=int, default=4)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        result = memory(args.sizes, folder) if args.what == "memory" else shards(args.pairs, args.shards, folder)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
