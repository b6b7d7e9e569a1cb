"""Read run directories back from their results files, so runs made anywhere compare the same way."""

from __future__ import annotations

import glob
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from harness.errors import InputFileError
from harness.results.records import METRICS_FILE, SAMPLES_FILE, RunSummary, SampleRecord, read_jsonl, read_summary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Run:
    """One run directory: its summary and every sample record, grouped by model."""

    path: Path
    summary: RunSummary
    samples: dict[str, list[SampleRecord]]


def load_run(path: str | Path) -> Run:
    """Load `metrics.json` and `samples.jsonl` of one run directory; errors name the file that is missing or bad."""
    root = Path(path)
    if not root.is_dir():
        raise InputFileError(root, "not a run directory (expected a folder with metrics.json and samples.jsonl)")
    summary = read_summary(root / METRICS_FILE)
    by_model: dict[str, list[SampleRecord]] = defaultdict(list)
    for record in read_jsonl(root / SAMPLES_FILE, SampleRecord):
        by_model[record.model].append(record)
    for record_model in by_model:
        if record_model not in summary.models:
            raise InputFileError(
                root / SAMPLES_FILE, f"model '{record_model}' has samples but no entry in {METRICS_FILE}", field="model"
            )
    return Run(path=root, summary=summary, samples=dict(by_model))


def _is_glob(pattern: str) -> bool:
    return any(char in pattern for char in "*?[")


def expand_run_paths(patterns: list[str]) -> list[Path]:
    """Expand globs; a folder that holds run folders (a multirun) stands for each run inside it.

    A folder a glob matched that holds no results (a failed or unfinished run: `.hydra/` and `run.log` only)
    is skipped with a note; a folder named explicitly is kept, so loading it says what is missing.
    """
    paths: list[Path] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern)) or [pattern]
        for match in matches:
            folder = Path(match)
            if folder.is_dir() and not (folder / METRICS_FILE).exists():
                inner = sorted(
                    child.parent for child in folder.glob(f"*/{METRICS_FILE}") if not child.parent.name.startswith(".")
                )
                if inner:
                    paths.extend(inner)
                elif _is_glob(pattern):
                    log.warning("skipped %s: it holds no results (a failed or unfinished run)", folder)
                else:
                    paths.append(folder)
            else:
                paths.append(folder)
    return paths


def load_runs(patterns: list[str]) -> list[Run]:
    paths = expand_run_paths(patterns)
    if not paths:
        raise InputFileError(" ".join(patterns), "no run directories with results match")
    return [load_run(path) for path in paths]
