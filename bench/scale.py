"""The speed-and-scale figures, each with the baseline it is read against, measured in the same run.

- ROUGE inside the harness against rouge-score on the same pairs and the same sentence-line inputs;
- the fixed cost of `harness run summarizer=lead task.unit=document` and of importing the scorers, against
  Python's own start and rouge-score's import;
- model calls through the runner against a local endpoint that answers after `latency` seconds;
- pathological inputs (one long summary, one long source) and the peak RSS of a pairs table (own processes).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from measure import ROOT, _lines, _wall, rouge_alone
from pairs import Pair

from harness.metrics.rouge import RougeScorer


def rouge_ratio(pairs: Sequence[Pair], repeats: int) -> dict[str, float]:
    """Seconds of the harness's ROUGE over `pairs` divided by rouge-score's (both on sentence lines), medians."""
    ours, theirs = [], []
    for _ in range(repeats):
        scorer = rouge_alone()
        start = time.perf_counter()
        for pair in pairs:
            scorer.score_multi([_lines(reference) for reference in pair.sources.references], _lines(pair.summary))
        theirs.append(time.perf_counter() - start)
        harness = RougeScorer(near_copy=None)
        start = time.perf_counter()
        for pair in pairs:
            harness.score(pair.summary, pair.sources)
        ours.append(time.perf_counter() - start)
    return {"pairs": len(pairs), "harness_over_rouge_score": statistics.median(ours) / statistics.median(theirs)}


def fixed_cost(repeats: int) -> dict[str, float]:
    """Wall time of a one-summarizer document run on the built-in goldset and of imports, with their baselines."""
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        run = [python, "-m", "harness.cli", "run", "summarizer=lead", "task.unit=document", "cache=false"]
        run_s = _wall([*run, f"hydra.run.dir={folder}", "overwrite=true"], repeats)
    imports = "import harness.metrics.rouge, harness.run.pipeline, harness.run.plugins"
    figures = {
        "run_s": run_s,
        "python_startup_s": _wall([python, "-c", "pass"], repeats),
        "harness_imports_s": _wall([python, "-c", imports], repeats),
        "rouge_score_import_s": _wall([python, "-c", "import rouge_score.rouge_scorer"], repeats),
    }
    figures["harness_imports_over_rouge_score_import"] = figures["harness_imports_s"] / figures["rouge_score_import_s"]
    return figures


def endpoint(requests: int = 10, concurrency: int = 8, latency: float = 1.0) -> dict[str, float]:
    """Seconds for the runner to get `requests` summaries from a local endpoint, in units of its latency."""
    sys.path.insert(0, str(ROOT))
    from harness.models.protocols import SourceCluster, SourceDocument
    from harness.results.records import Fingerprint
    from harness.run.cache import OutputCache
    from harness.run.pipeline import _ModelRun
    from harness.run.plugins import ModelSpec, build
    from harness.run.samples import Sample
    from harness.run.writer import RunWriter
    from harness.verdicts.sources import Sources
    from tests.models.chat_server import serving

    samples = [
        Sample(
            id=f"s{number}",
            cluster=SourceCluster(id=f"s{number}", documents=(SourceDocument(id="d", text=f"Text {number}."),)),
            sources=Sources.from_texts(f"s{number}", {"d": f"Text {number}."}),
        )
        for number in range(requests)
    ]
    with serving() as server, tempfile.TemporaryDirectory() as folder:
        server.default = (200, "A summary.", latency)
        config = {
            "_target_": "harness.models.summarizers.openai_chat.OpenAIChatSummarizer",
            "base_url": server.url,
            "model": "bench",
            "api_key_env": None,
            "concurrency": concurrency,
        }
        model = build(config, "bench")
        fingerprint = Fingerprint(harness_version="bench", goldset="-", scorers="-")
        run = _ModelRun(
            ModelSpec("chat", config, "bench"),
            "summarize",
            fingerprint,
            OutputCache(Path(folder) / "cache", enabled=False),
            RunWriter(Path(folder) / "run"),
        )
        start = time.perf_counter()
        run.outputs(model, samples)
        seconds = time.perf_counter() - start
    return {"requests": requests, "concurrency": concurrency, "seconds": seconds, "over_latency": seconds / latency}


def in_bench(script: str, *args: str) -> str:
    """The last line a bench script prints, run in its own process."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent / script), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


def document_scaling(long_chars: int) -> dict[str, Any]:
    """Seconds to score one summary against a source of `long_chars` characters, against a 1,000-character one."""
    import json

    from pathological import in_subprocess

    short, long = in_subprocess("source", 1_000), in_subprocess("source", long_chars)
    return {
        "chars": long_chars,
        "seconds": long["total_s"],
        "peak_rss_mib": long["peak_rss_mib"],
        "over_1k_document": long["total_s"] / short["total_s"],
        "detail": json.dumps(long["seconds"]),
    }
