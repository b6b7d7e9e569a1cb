"""Write real results files (as the runner lays them out) for the report, compare and gate tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import __version__
from harness.results.metric_info import MetricInfo
from harness.results.records import (
    METRICS_FILE,
    SAMPLES_FILE,
    Fingerprint,
    ModelSummary,
    RunSummary,
    SampleRecord,
)
from harness.verdicts.types import Finding

FINGERPRINT = Fingerprint(harness_version=__version__, goldset="g" * 64, scorers="s" * 64)

SampleSpec = tuple[str, dict[str, float], list[Finding]]
MakeRun = Callable[..., Path]


def write_run(
    folder: Path,
    models: dict[str, list[SampleSpec]],
    *,
    fingerprint: Fingerprint = FINGERPRINT,
    metric_info: dict[str, MetricInfo] | None = None,
    **errors: Any,
) -> Path:
    """Write `samples.jsonl` and `metrics.json` of a run, exactly as the runner lays them out."""
    folder.mkdir(parents=True, exist_ok=True)
    summaries = {}
    with (folder / SAMPLES_FILE).open("w", encoding="utf-8") as handle:
        for model, samples in models.items():
            for sample_id, metrics, findings in samples:
                error = errors.get(f"{model}:{sample_id}")
                record = SampleRecord(
                    id=sample_id,
                    model=model,
                    task="summarize",
                    metrics={} if error else metrics,
                    findings=[] if error else findings,
                    error=error,
                    fingerprint=fingerprint,
                )
                handle.write(record.model_dump_json() + "\n")
            summaries[model] = ModelSummary(model=model, n_samples=len(samples))
    summary = RunSummary(
        task="summarize", dataset="test", fingerprint=fingerprint, models=summaries, metric_info=metric_info or {}
    )
    (folder / METRICS_FILE).write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    return folder


def finding(verdict: str, text: str = "12 countries", kind: str = "number") -> Finding:
    return Finding(type=kind, text=text, start=0, end=len(text), verdict=verdict)  # type: ignore[arg-type]
