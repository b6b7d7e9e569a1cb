"""The experiment pipeline: config -> samples -> model outputs (cached) -> scorers -> results files and table.

Every output and every sample is appended to its results file as soon as it is made, so an interrupted run
keeps what it did and the next run takes the finished model calls from the cache. A model or scorer that
fails on one sample is recorded on that sample and the run goes on; the run then ends with exit status 1.
With `num_proc` > 1 the samples are scored in worker processes (`harness.run.parallel`); the results files
are the same, line for line.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from omegaconf import DictConfig
from tqdm import tqdm

from harness.core.paths import default_cache_dir
from harness.errors import ConfigError, ScorerUnavailableError
from harness.results.records import Failure, Fingerprint, OutputRecord, RunSummary, SampleRecord, Task
from harness.run import table
from harness.run.cache import MISSING, OutputCache, cache_key, model_state
from harness.run.fingerprint import make_fingerprint
from harness.run.parallel import check_num_proc, score_in_pool
from harness.run.plugins import ModelSpec, build, build_scorers, model_specs, scorer_settings
from harness.run.preflight import preflight
from harness.run.samples import DataSource, Sample, check_unit, model_input
from harness.run.shards import parse_shard
from harness.run.summary import summarize_model
from harness.run.tasks import (
    Scored,
    answer_json,
    batch_call,
    call_model,
    call_model_many,
    describe,
    metric_info,
    score_output,
    scoring_pair,
)
from harness.run.writer import RunWriter

log = logging.getLogger(__name__)

TASKS: dict[str, tuple[str, str, str]] = {
    "summarize": ("summarizer", "summarizers", "metrics"),
    "extract": ("extractor", "extractors", "extraction_metrics"),
}
"""Per task: the config key of one chosen model, of the default set of models, and of the scorers."""

DEFAULT_BATCH = 8
"""Samples per batch call for a model with a batch method but no `batch_size` attribute."""


def batch_size(model: Any, task: Task) -> int:
    """How many uncached samples go to the model per call: 1 without a batch method."""
    if batch_call(model, task) is None:
        return 1
    size = getattr(model, "batch_size", DEFAULT_BATCH)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise ConfigError(f"{type(model).__name__}.batch_size: expected a whole number, 1 or more, got {size!r}")
    return size


@dataclass
class RunResult:
    """What a run produced: its summary, the Markdown table, and every sample that failed (by model)."""

    run_dir: Path
    summary: RunSummary
    table_markdown: str
    columns: dict[str, str] = field(default_factory=dict)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    model_calls: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if any(self.failures.values()) else 0

    def failure_report(self) -> str:
        lines = [
            f"  {model} / {failure.id} ({failure.stage}): {failure.error}"
            for model, failures in self.failures.items()
            for failure in failures
        ]
        return f"{len(lines)} sample(s) failed; results are in {self.run_dir}:\n" + "\n".join(lines)


def _task(cfg: DictConfig) -> Task:
    name = str(cfg.task.name)
    if name == "summarize":
        return "summarize"
    if name == "extract":
        return "extract"
    raise ConfigError(f"task.name: unknown task {name!r}; use task=summarize or task=extract")


def _cache(cfg: DictConfig) -> OutputCache:
    root = Path(str(cfg.cache_dir)) if cfg.get("cache_dir") else default_cache_dir()
    return OutputCache(root, enabled=bool(cfg.get("cache", True)))


class _ModelRun:
    """One model over every sample: outputs first (from the cache where possible), then scores."""

    def __init__(
        self, spec: ModelSpec, task: Task, fingerprint: Fingerprint, cache: OutputCache, writer: RunWriter
    ) -> None:
        self.spec = spec
        self.task = task
        self.fingerprint = fingerprint
        self.cache = cache
        self.writer = writer
        self.failures: list[Failure] = []
        self.scored_pairs: list[tuple[Any, Any]] = []
        self.calls = 0

    def outputs(self, model: Any, samples: list[Sample]) -> dict[str, Any]:
        """Every sample's output: from the cache, else from the model in batches, each cached as it arrives.

        A model with a batch method (`summarize_many`, `extract_many`) gets up to `batch_size` uncached samples
        per call (its attribute, else `DEFAULT_BATCH`); records are written in sample order all the same.
        """
        produced: dict[str, Any] = {}
        size = batch_size(model, self.task)
        state = model_state(model)
        cacheable = getattr(model, "cacheable", True)
        held: list[tuple[Sample, str, Any]] = []
        misses = 0
        progress = tqdm(total=len(samples), desc=f"{self.spec.name}: model", unit="sample", disable=None, leave=False)
        with closing(progress):
            for sample in samples:
                key = cache_key(self.spec.config, self.task, model_input(sample.cluster), state)
                output = self.cache.get(key) if cacheable else MISSING
                held.append((sample, key, output))
                misses += output is MISSING
                if misses >= size:
                    self._flush(model, held, produced, progress, cacheable)
                    held, misses = [], 0
            self._flush(model, held, produced, progress, cacheable)
        log.info("%s: %d output(s), %d from the cache", self.spec.name, len(samples), len(samples) - self.calls)
        return produced

    def _answers(self, model: Any, missing: list[Sample]) -> list[tuple[Any, str | None]]:
        """(output, error) per sample of `missing`: one batch call, or one call each when batching fails."""
        answers: list[Any] | None = None
        if len(missing) > 1 and batch_call(model, self.task) is not None:
            try:
                answers = call_model_many(model, self.task, missing)
            except Exception as failure:
                log.warning("%s: a batch of %d failed (%s); calling one by one", self.spec.name, len(missing), failure)
        results: list[tuple[Any, str | None]] = []
        for index, sample in enumerate(missing):
            try:
                if answers is None:
                    results.append((call_model(model, self.task, sample), None))
                else:
                    results.append((answer_json(self.task, answers[index]), None))
            except Exception as failure:
                results.append((None, describe(failure)))
        return results

    def _flush(
        self, model: Any, held: list[tuple[Sample, str, Any]], produced: dict[str, Any], progress: Any, cacheable: bool
    ) -> None:
        """Call the model on the held samples without an output, cache each answer, write every held record."""
        missing = [sample for sample, _, output in held if output is MISSING]
        answers = iter(self._answers(model, missing))
        self.calls += len(missing)
        for sample, key, cached in held:
            from_cache = cached is not MISSING
            output, error = (cached, None) if from_cache else next(answers)
            if error is not None:
                self.failures.append(Failure(id=sample.id, stage="model", error=error))
                log.warning("%s failed on %s: %s", self.spec.name, sample.id, error)
            else:
                if not from_cache and cacheable:
                    self.cache.put(key, output, model=self.spec.name)
                produced[sample.id] = output
            self.writer.output(
                OutputRecord(
                    id=sample.id,
                    model=self.spec.name,
                    task=self.task,
                    output=output,
                    error=error,
                    cached=from_cache,
                    fingerprint=self.fingerprint,
                )
            )
            progress.update(1)

    def covered(self, model: Any, samples: list[Sample]) -> list[Sample]:
        """The samples this model has an output for: all, unless it says otherwise (`covers(sample_id)`)."""
        covers = getattr(model, "covers", None)
        return samples if covers is None else [sample for sample in samples if covers(sample.id)]

    def scores(self, scorers: Mapping[str, Any], samples: list[Sample], outputs: dict[str, Any]) -> list[SampleRecord]:
        records: list[SampleRecord] = []
        for sample in tqdm(samples, desc=f"{self.spec.name}: scoring", unit="sample", disable=None, leave=False):
            scored = None
            if sample.id in outputs:
                scored = score_output(scorers, self.task, scoring_pair(self.task, outputs[sample.id], sample))
            records.append(self.record(sample, outputs, scored))
        return records

    def record(self, sample: Sample, outputs: dict[str, Any], scored: Scored | None) -> SampleRecord:
        """Write one sample's record: its scores, or why it has none (`scored` is None when the model failed)."""
        if scored is None:
            record = SampleRecord(
                id=sample.id,
                model=self.spec.name,
                task=self.task,
                error="model failed; see outputs.jsonl",
                fingerprint=self.fingerprint,
            )
        else:
            error = "; ".join(scored.errors) or None
            if error is not None:
                self.failures.append(Failure(id=sample.id, stage="scoring", error=error))
                log.warning("scoring %s on %s failed: %s", self.spec.name, sample.id, error)
            record = SampleRecord(
                id=sample.id,
                model=self.spec.name,
                task=self.task,
                metrics=scored.metrics,
                findings=scored.findings,
                error=error,
                fingerprint=self.fingerprint,
            )
        self.writer.sample(record)
        if record.error is None:
            self.scored_pairs.append(scoring_pair(self.task, outputs[sample.id], sample))
        return record

    def aggregates(self, scorers: Mapping[str, Any]) -> dict[str, float]:
        """Corpus-level metrics of the scorers that offer `aggregate(pairs)`, over the samples that scored."""
        metrics: dict[str, float] = {}
        for key, scorer in scorers.items():
            aggregate = getattr(scorer, "aggregate", None)
            if not callable(aggregate) or not self.scored_pairs:
                continue
            try:
                metrics.update({str(name): float(value) for name, value in aggregate(self.scored_pairs).items()})
            except ScorerUnavailableError:
                raise
            except Exception as error:
                message = f"scorer '{key}' aggregate: {describe(error)}"
                self.failures.append(Failure(id="*", stage="scoring", error=message))
                log.warning("%s: %s", self.spec.name, message)
        return metrics


def _summarize(
    summary: RunSummary, model_run: _ModelRun, records: list[SampleRecord], scorers: Mapping[str, Any]
) -> None:
    model_summary = summarize_model(model_run.spec.name, records, model_run.failures)
    model_summary.metrics.update(model_run.aggregates(scorers))
    summary.models[model_run.spec.name] = model_summary


def _run_in_pool(
    model_runs: list[_ModelRun],
    models: Mapping[str, Any],
    samples: list[Sample],
    scorer_config: tuple[dict[str, Any], str],
    num_proc: int,
    summary: RunSummary,
    scorers: Mapping[str, Any],
) -> None:
    """Every model's outputs in turn (model calls stay in this process), then every sample scored in a pool.

    One pool task per sample carries all models' outputs on it. Records are written in the order of a
    one-process run (model by model, sample by sample): the first model's as they arrive, the others after.
    """
    covered = [model_run.covered(models[model_run.spec.name], samples) for model_run in model_runs]
    produced = [run.outputs(models[run.spec.name], mine) for run, mine in zip(model_runs, covered, strict=True)]
    jobs = [(sample, [outputs[sample.id] for outputs in produced if sample.id in outputs]) for sample in samples]
    covering = [{sample.id for sample in mine} for mine in covered]
    settings, group = scorer_config
    task = model_runs[0].task
    held: list[list[Scored | None]] = [[] for _ in model_runs]
    records: list[list[SampleRecord]] = [[] for _ in model_runs]
    pending = [job for job in jobs if job[1]]
    with closing(score_in_pool(settings, group, task, pending, num_proc)) as results:
        for sample, outputs in tqdm(jobs, desc="scoring", unit="sample", disable=None, leave=False):
            scored = iter(next(results) if outputs else [])
            for index, produced_by in enumerate(produced):
                if sample.id in covering[index]:
                    held[index].append(next(scored) if sample.id in produced_by else None)
            if sample.id in covering[0]:
                records[0].append(model_runs[0].record(sample, produced[0], held[0][-1]))
    for index, model_run in enumerate(model_runs):
        if index > 0:
            pairs = zip(covered[index], held[index], strict=True)
            records[index] = [model_run.record(sample, produced[index], scored) for sample, scored in pairs]
        _summarize(summary, model_run, records[index], scorers)


def run_experiment(cfg: DictConfig, run_dir: Path) -> RunResult:
    """Run every model of `cfg` on every sample, writing results under `run_dir` as they are made."""
    task = _task(cfg)
    unit = check_unit(str(cfg.task.unit))
    num_proc = check_num_proc(cfg.get("num_proc", 1))
    if task == "extract" and unit != "document":
        raise ConfigError("task.unit: extraction works on single documents; set task.unit=document")
    single, several, scorer_group = TASKS[task]
    source: DataSource = build(cfg.goldset, "goldset")
    settings = scorer_settings(cfg.get(scorer_group))
    fingerprint = make_fingerprint(source.digest(), settings)
    given_models = getattr(source, "given_models", None)
    if given_models is not None:
        specs, models = given_models()
    else:
        specs = model_specs(cfg, single, several)
    scorers = build_scorers(settings, scorer_group)
    if given_models is None:
        models = {spec.name: build(spec.config, spec.where) for spec in specs}
    shard = parse_shard(cfg.get("shard"))
    samples = source.samples(unit)
    if not samples:
        raise ConfigError(f"goldset: '{source.name}' gives no samples; check its files or goldset.limit")
    every_sample = samples
    if shard is not None:
        samples = [sample for sample in samples if shard.holds(sample.id)]
    preflight(scorers, models, task, samples)
    cache = _cache(cfg)
    writer = RunWriter(run_dir, overwrite=bool(cfg.get("overwrite", False)))
    writer.config(cfg)
    if shard is not None:
        shard.write(run_dir, [sample.id for sample in every_sample])

    columns = {str(label): str(metric) for label, metric in (cfg.task.get("columns") or {}).items()}
    summary = RunSummary(
        task=task, dataset=source.name, fingerprint=fingerprint, metric_info=metric_info(task, scorers), columns=columns
    )
    model_runs = [_ModelRun(spec, task, fingerprint, cache, writer) for spec in specs]
    if num_proc == 1:
        for model_run in model_runs:
            model = models[model_run.spec.name]
            mine = model_run.covered(model, samples)
            outputs = model_run.outputs(model, mine)
            records = model_run.scores(scorers, mine, outputs)
            _summarize(summary, model_run, records, scorers)
    else:
        _run_in_pool(model_runs, models, samples, (settings, scorer_group), num_proc, summary, scorers)
    failures = {model_run.spec.name: model_run.failures for model_run in model_runs}
    calls = sum(model_run.calls for model_run in model_runs)
    writer.summary(summary)
    markdown = table.markdown(summary, columns)
    writer.table(markdown)
    writer.commit()
    return RunResult(
        run_dir=run_dir,
        summary=summary,
        table_markdown=markdown,
        columns=columns,
        failures=failures,
        model_calls=calls,
    )
