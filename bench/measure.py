"""Timing and memory measurements: ROUGE alone vs the full suite, parallel scoring, streaming, cold starts."""

from __future__ import annotations

import multiprocessing
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pairs import Pair

from harness.run.plugins import build_scorers, scorer_settings
from harness.run.tasks import score_output

ROOT = Path(__file__).resolve().parents[1]
METRICS_CONFIG = ROOT / "configs" / "metrics" / "default.yaml"
ROUGE_TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def suite_scorers() -> dict[str, Any]:
    """The scorers of configs/metrics/default.yaml, built exactly as `harness run` builds them."""
    from omegaconf import DictConfig, OmegaConf

    config = OmegaConf.load(METRICS_CONFIG)
    assert isinstance(config, DictConfig)
    return build_scorers(scorer_settings(config), "metrics")


def rouge_alone() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(ROUGE_TYPES, use_stemmer=True)


def _lines(text: str) -> str:
    from harness.core.text import sentences

    return "\n".join(sentence.text for sentence in sentences(text))


class Clocks:
    """Wall-clock and process CPU seconds of one timed pass: on a shared machine the CPU seconds, which other
    processes barely move, read truer than the wall clock."""

    def __init__(self) -> None:
        self.wall = -time.perf_counter()
        self.cpu = -time.process_time()

    def stop(self) -> Clocks:
        self.wall += time.perf_counter()
        self.cpu += time.process_time()
        return self


def time_rouge(pairs: Sequence[Pair], *, split: bool = False) -> Clocks:
    """Seconds for rouge-score alone over `pairs` (each summary against its cluster's references).

    `split`: one sentence per line first, the input rougeLsum is defined on (and that the harness gives it).
    """
    scorer = rouge_alone()
    clocks = Clocks()
    for pair in pairs:
        references = list(pair.sources.references)
        if split:
            scorer.score_multi([_lines(reference) for reference in references], _lines(pair.summary))
        else:
            scorer.score_multi(references, pair.summary)
    return clocks.stop()


_TEXT_CACHES = (
    ("harness.claims.system_text", "_casing"),
    ("harness.claims.numbers.counted", "content_lemmas"),
    ("harness.core.text", "document_sentences"),
    ("harness.claims.events", "_sentences_of"),
    ("harness.verdicts.events", "_folded_text"),
)
"""Functions cached by text content (`functools.lru_cache`), where a checkout has them."""


def fresh_caches() -> None:
    """Forget every analysis held by content (per text and per sources), as a new process starts: each timed
    pass then analyses each source once for the summaries of its cluster, and each summary once, as a run does.
    Works on older checkouts too (what one lacks is skipped), so that before/after figures are measured alike."""
    import importlib

    from harness.metrics import source_cache

    for table in getattr(source_cache, "_TABLES", {}).values():
        table.clear()
    try:
        from harness.core.memo import clear_memos
    except ImportError:
        pass
    else:
        clear_memos()
    for module, name in _TEXT_CACHES:
        cached = getattr(importlib.import_module(module), name, None)
        getattr(cached, "cache_clear", lambda: None)()


def time_suite(pairs: Sequence[Pair], per_scorer: dict[str, float] | None = None) -> Clocks:
    """Seconds for the full suite over `pairs` (fresh scorers and caches, as in a new run); adds each scorer's
    CPU seconds to `per_scorer`."""
    fresh_caches()
    scorers = suite_scorers()
    clocks = Clocks()
    if per_scorer is None:
        for pair in pairs:
            score_output(scorers, "summarize", (pair.summary, pair.sources))
        return clocks.stop()
    for pair in pairs:
        for key, scorer in scorers.items():
            began = time.process_time()
            score_output({key: scorer}, "summarize", (pair.summary, pair.sources))
            per_scorer[key] = per_scorer.get(key, 0.0) + time.process_time() - began
    return clocks.stop()


def warm_up(pairs: Sequence[Pair]) -> None:
    """One untimed pass over a pair, and pint's unit registry loaded: fixed costs of each process (imports,
    compiled patterns), measured apart under "Cold start"."""
    from harness.claims.numbers.units import resolve_unit

    resolve_unit("km")
    time_suite(pairs[:1])


def compare(pairs: Sequence[Pair], repeats: int) -> dict[str, Any]:
    """Interleaved runs of (a) ROUGE alone and (b) the suite, alternating which goes first; medians of the
    rates by the wall clock and by CPU time; then one pass scorer by scorer: CPU milliseconds per summary."""
    runs: dict[str, list[Clocks]] = {"a": [], "split": [], "b": []}
    warm_up(pairs)
    for repeat in range(repeats):
        order = ("a", "split", "b") if repeat % 2 == 0 else ("b", "split", "a")
        for which in order:
            if which == "b":
                runs["b"].append(time_suite(pairs))
            else:
                runs[which].append(time_rouge(pairs, split=which == "split"))
    per_scorer: dict[str, float] = {}
    time_suite(pairs, per_scorer)

    def rate(which: str, clock: str) -> float:
        return statistics.median(len(pairs) / getattr(clocks, clock) for clocks in runs[which])

    return {
        "pairs": len(pairs),
        "repeats": repeats,
        "rouge_per_s": rate("a", "wall"),
        "rouge_sentence_lines_per_s": rate("split", "wall"),
        "suite_per_s": rate("b", "wall"),
        "ratio_b_over_a": rate("b", "wall") / rate("a", "wall"),
        "ratio_b_over_rouge_sentence_lines": rate("b", "wall") / rate("split", "wall"),
        "cpu_rouge_per_s": rate("a", "cpu"),
        "cpu_suite_per_s": rate("b", "cpu"),
        "cpu_ratio_b_over_a": rate("b", "cpu") / rate("a", "cpu"),
        "rouge_score_ms_per_summary": 1000 / rate("a", "cpu"),
        "ms_per_summary_by_scorer": {key: 1000 * value / len(pairs) for key, value in per_scorer.items()},
    }


_worker_scorers: dict[str, Any] = {}


def _start_worker() -> None:
    _worker_scorers.update(suite_scorers())


def _score_chunk(chunk: list[Pair]) -> int:
    """Score one cluster's pairs, its analyses made afresh (in one process and in a worker alike: a forked
    worker would otherwise inherit the analyses the one-process passes made)."""
    fresh_caches()
    for pair in chunk:
        score_output(_worker_scorers, "summarize", (pair.summary, pair.sources))
    return len(chunk)


def _by_cluster(pairs: Sequence[Pair]) -> list[list[Pair]]:
    """One task per cluster, so that each worker indexes a cluster's sources once and pickles them once."""
    chunks: dict[int, list[Pair]] = {}
    for pair in pairs:
        chunks.setdefault(id(pair.sources), []).append(pair)
    return list(chunks.values())


def _spin(rounds: int) -> int:
    total = 0
    for number in range(rounds):
        total += number % 7
    return total


def machine_ceiling(num_proc: int, rounds: int = 3_000_000) -> float:
    """Speedup of a pure-Python loop run `num_proc` times in a pool over running it once: what the cores allow."""
    start = time.perf_counter()
    _spin(rounds)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(num_proc) as pool:
        pool.map(_spin, [1] * num_proc)
        start = time.perf_counter()
        pool.map(_spin, [rounds] * num_proc)
        many = time.perf_counter() - start
    return num_proc * one / many


def parallel(pairs: Sequence[Pair], num_proc: int, repeats: int) -> dict[str, Any]:
    """Suite throughput in one process and in a pool of `num_proc` workers (started before timing)."""
    chunks = _by_cluster(pairs)
    _start_worker()
    serial = []
    for _ in range(repeats):
        start = time.perf_counter()
        for chunk in chunks:
            _score_chunk(chunk)
        serial.append(time.perf_counter() - start)
    context = multiprocessing.get_context("fork")
    pooled = []
    with context.Pool(num_proc, initializer=_start_worker) as pool:
        pool.map(_score_chunk, chunks[:num_proc])
        for _ in range(repeats):
            start = time.perf_counter()
            sum(pool.map(_score_chunk, chunks, chunksize=1))
            pooled.append(time.perf_counter() - start)
    one, many = statistics.median(serial), statistics.median(pooled)
    return {
        "num_proc": num_proc,
        "tasks": len(chunks),
        "serial_per_s": len(pairs) / one,
        "pool_per_s": len(pairs) / many,
        "speedup": one / many,
        "machine_ceiling": machine_ceiling(num_proc),
    }


def _rss_kib() -> int:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() // 1024


def stream(pairs: Iterable[Pair], checkpoints: Sequence[int]) -> list[dict[str, float]]:
    """Score a stream of pairs keeping only running sums; at each checkpoint: time, current RSS and peak RSS."""
    scorers = suite_scorers()
    marks: list[dict[str, float]] = []
    sums: dict[str, float] = {}
    start = time.perf_counter()
    for count, pair in enumerate(pairs, start=1):
        scored = score_output(scorers, "summarize", (pair.summary, pair.sources))
        for name, value in scored.metrics.items():
            sums[name] = sums.get(name, 0.0) + value
        if count in checkpoints:
            marks.append(
                {
                    "summaries": count,
                    "seconds": time.perf_counter() - start,
                    "rss_mib": _rss_kib() / 1024,
                    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                }
            )
    return marks


def _wall(command: Sequence[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _tiny_goldset(folder: Path) -> Path:
    """The built-in goldset cut down to its first document, in a folder of its own."""
    import json

    source = ROOT / "goldsets" / "moscow-talks-2018"
    target = folder / "tiny"
    shutil.copytree(source, target)
    manifest = json.loads((target / "goldset.json").read_text(encoding="utf-8"))
    first = manifest["documents"][0]
    manifest["documents"] = [first]
    manifest["clusters"][0]["documents"] = [first["id"]]
    (target / "goldset.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return target


def cold_starts(repeats: int) -> dict[str, float]:
    """Median subprocess wall time of `harness --help` and of a one-document, one-summarizer run."""
    harness = str(Path(sys.executable).with_name("harness"))
    with tempfile.TemporaryDirectory() as tmp:
        goldset = _tiny_goldset(Path(tmp))
        run = [
            harness, "run", f"goldset.path={goldset}", "summarizer=lead", "cache=false",
            f"hydra.run.dir={Path(tmp) / 'run'}", "overwrite=true",
        ]  # fmt: skip
        return {
            "help_s": _wall([harness, "--help"], repeats),
            "one_document_run_s": _wall(run, repeats),
            "python_startup_s": _wall([sys.executable, "-c", "pass"], repeats),
        }
