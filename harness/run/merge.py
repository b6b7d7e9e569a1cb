"""`harness merge RUN... --out DIR`: join the shard runs of one experiment into the run folder one run makes.

Every shard run (`shard=i/n`) records its place and the unsharded order of all sample ids (`shard.json`).
The merge checks that the runs are the n shards of one experiment (same fingerprint, task, data and order,
each index once), puts every output and sample record back in the unsharded order (model by model, sample by
sample), and recomputes metrics.json and table.md from them with the runner's own code, so they equal those
of a single unsharded run; corpus-level aggregates are recomputed from the outputs with the run's scorers.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.errors import ConfigError, InputFileError
from harness.results.records import (
    Failure,
    ModelSummary,
    OutputRecord,
    RunSummary,
    SampleRecord,
    read_jsonl,
    read_summary,
)
from harness.run.shards import SHARD_FILE


@dataclass(frozen=True)
class ShardRun:
    """One shard run folder, read."""

    folder: Path
    index: int
    count: int
    order: list[str]
    summary: RunSummary
    outputs: list[OutputRecord]
    samples: list[SampleRecord]


def read_shard(folder: Path) -> ShardRun:
    """A shard run's shard.json, metrics.json and records; `InputFileError` when it is not a finished shard run."""
    place = folder / SHARD_FILE
    if not place.is_file():
        raise InputFileError(place, "not found: merge joins runs made with shard=i/n")
    try:
        record: dict[str, Any] = json.loads(place.read_text(encoding="utf-8"))
        index, count, order = int(record["index"]), int(record["count"]), [str(item) for item in record["order"]]
    except (ValueError, KeyError, TypeError) as error:
        raise InputFileError(place, f"not a shard record: {error}") from None
    if not (folder / "metrics.json").is_file():
        raise InputFileError(folder / "metrics.json", "not found: the shard run did not finish; run it again")
    return ShardRun(
        folder=folder,
        index=index,
        count=count,
        order=order,
        summary=read_summary(folder / "metrics.json"),
        outputs=read_jsonl(folder / "outputs.jsonl", OutputRecord),
        samples=read_jsonl(folder / "samples.jsonl", SampleRecord),
    )


def _check(shards: list[ShardRun]) -> None:
    first = shards[0]
    indices = sorted(shard.index for shard in shards)
    if indices != list(range(1, first.count + 1)) or any(shard.count != first.count for shard in shards):
        found = ", ".join(f"{shard.index}/{shard.count} ({shard.folder})" for shard in shards)
        raise ConfigError(
            f"merge: expected shards 1/{first.count} to {first.count}/{first.count} once each, got {found}"
        )
    for shard in shards[1:]:
        same = (shard.summary.task, shard.summary.dataset, shard.summary.fingerprint, shard.order) == (
            first.summary.task,
            first.summary.dataset,
            first.summary.fingerprint,
            first.order,
        )
        if not same or list(shard.summary.models) != list(first.summary.models):
            raise ConfigError(
                f"merge: {shard.folder} and {first.folder} are not shards of one experiment "
                "(task, data, fingerprint, models or samples differ)"
            )


def _failures(model: str, shards: list[ShardRun], position: dict[str, int]) -> list[Failure]:
    """A model's failures in the order one run records them: model calls, then scoring, then aggregates."""
    failures = [failure for shard in shards for failure in shard.summary.models[model].failures]
    stages = {"model": 0, "scoring": 1}
    return sorted(failures, key=lambda f: (f.id == "*", stages[f.stage], position.get(f.id, len(position)), f.error))


def _aggregates(config: Any, task: str, records: list[OutputRecord], samples: list[SampleRecord]) -> dict[str, float]:
    """Corpus-level metrics of the run's scorers that offer `aggregate`, recomputed over the merged outputs."""
    from harness.run.pipeline import TASKS
    from harness.run.plugins import build, build_scorers, scorer_settings
    from harness.run.samples import check_unit
    from harness.run.tasks import scoring_pair

    scorers = build_scorers(scorer_settings(config.get(TASKS[task][2])), TASKS[task][2])
    aggregating = {key: scorer for key, scorer in scorers.items() if callable(getattr(scorer, "aggregate", None))}
    scored = {record.id for record in samples if record.error is None}
    outputs = [record for record in records if record.id in scored and record.error is None]
    if not aggregating or not outputs:
        return {}
    data = {sample.id: sample for sample in build(config.goldset, "goldset").samples(check_unit(str(config.task.unit)))}
    pairs = [scoring_pair(task, record.output, data[record.id]) for record in outputs]  # type: ignore[arg-type]
    metrics: dict[str, float] = {}
    for scorer in aggregating.values():
        metrics.update({str(name): float(value) for name, value in scorer.aggregate(pairs).items()})
    return metrics


def merge(folders: Sequence[Path], out: Path) -> RunSummary:
    """Merge the shard runs in `folders` into the run folder `out`; returns its summary."""
    from omegaconf import DictConfig, OmegaConf

    from harness.run import table
    from harness.run.summary import summarize_model
    from harness.run.writer import RunWriter

    shards = [read_shard(folder) for folder in folders]
    if not shards:
        raise ConfigError("merge: name the shard run folders to merge")
    _check(shards)
    if out.exists() and any(out.iterdir()):
        raise ConfigError(f"merge: --out {out} is not empty; choose a new folder")
    position = {sample_id: index for index, sample_id in enumerate(shards[0].order)}
    config = OmegaConf.load(shards[0].folder / "config.yaml")
    assert isinstance(config, DictConfig)
    config.shard = None
    first = shards[0].summary
    summary = RunSummary(
        task=first.task,
        dataset=first.dataset,
        fingerprint=first.fingerprint,
        metric_info=first.metric_info,
        columns=first.columns,
    )
    writer = RunWriter(out)
    writer.config(config)
    for model in first.models:
        outputs = sorted(
            (record for shard in shards for record in shard.outputs if record.model == model),
            key=lambda record: position[record.id],
        )
        samples = sorted(
            (record for shard in shards for record in shard.samples if record.model == model),
            key=lambda record: position[record.id],
        )
        for output in outputs:
            writer.output(output)
        for sample in samples:
            writer.sample(sample)
        model_summary: ModelSummary = summarize_model(model, samples, _failures(model, shards, position))
        model_summary.metrics.update(_aggregates(config, first.task, outputs, samples))
        summary.models[model] = model_summary
    writer.summary(summary)
    writer.table(table.markdown(summary, summary.columns))
    writer.commit()
    return summary


def main(argv: list[str]) -> int:
    """`harness merge RUN... --out DIR`."""
    parser = argparse.ArgumentParser(prog="harness merge", description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path, help="the shard run folders (shard=i/n), in any order")
    parser.add_argument("--out", type=Path, required=True, help="the merged run folder to write (new or empty)")
    args = parser.parse_args(argv)
    summary = merge(args.runs, args.out)
    print(f"merged {len(args.runs)} shard run(s), {len(summary.models)} model(s): {args.out}")
    return 0
