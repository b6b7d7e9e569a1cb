"""`harness run num_proc=N` against `num_proc=1` on synthetic Multi-News-like rows in a local JSONL file.

`python bench/runner.py` (200 rows, 3 interleaved pairs of runs, `task.unit=document summarizer=lead`);
`--rows N`, `--repeats N`, `--num-proc N`. Checks that both settings write the same samples.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import make_cluster

SEED = 20180823
SEPARATOR = "|||||"


def write_rows(path: Path, rows: int) -> None:
    """`rows` synthetic clusters as Multi-News rows: documents joined by `|||||`, the reference as `summary`."""
    with path.open("w", encoding="utf-8") as out:
        for index in range(rows):
            cluster = make_cluster(index, SEED)
            document = f" {SEPARATOR} ".join(cluster.documents.values())
            out.write(json.dumps({"id": cluster.id, "document": document, "summary": cluster.reference}) + "\n")


def harness_run(data: Path, run_dir: Path, num_proc: int) -> float:
    """Wall seconds of one `harness run` over `data`, one sample per document, the lead summarizer."""
    args = [
        "goldset=hf_dataset",
        "goldset.path=json",
        f"goldset.data_files={data}",
        "goldset.split=train",
        f"goldset.separator={SEPARATOR}",
        "goldset.id_column=id",
        "task.unit=document",
        "summarizer=lead",
        f"num_proc={num_proc}",
        f"hydra.run.dir={run_dir}",
        "overwrite=true",
    ]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "harness.cli", "run", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--num-proc", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        os.environ["HARNESS_CACHE_DIR"] = str(root / "cache")
        data = root / "rows.jsonl"
        write_rows(data, args.rows)
        harness_run(data, root / "warm", 1)
        times: dict[int, list[float]] = {1: [], args.num_proc: []}
        for _ in range(args.repeats):
            for num_proc in times:
                times[num_proc].append(harness_run(data, root / f"run{num_proc}", num_proc))
        same = (root / "run1" / "samples.jsonl").read_bytes() == (
            root / f"run{args.num_proc}" / "samples.jsonl"
        ).read_bytes()
    one, many = statistics.median(times[1]), statistics.median(times[args.num_proc])
    figures = {
        "rows": args.rows,
        "seconds": {str(num_proc): [round(value, 1) for value in values] for num_proc, values in times.items()},
        "speedup_median": round(one / many, 2),
        "speedup_best": round(min(times[1]) / min(times[args.num_proc]), 2),
        "identical_samples": same,
    }
    print(json.dumps(figures))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
