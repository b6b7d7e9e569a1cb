"""The experiment pipeline: config -> samples -> model outputs (cached) -> scorers -> results files and table.

Every output and every sample is appended to its results file as soon as it is made, so an interrupted run
keeps what it did and the next run takes the finished model calls from the cache. A model or scorer that
fails on one sample is recorded on that sample and the run goes on; the run then ends with exit status 1.
With several models, each sample is scored once for all their outputs, after the models have run, so that its
sources are analysed once; with `num_proc` > 1 in worker processes (`harness.run.parallel`). The results files
are the same, line for line, whichever way.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, closing
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
from harness.run.parallel import LocalScoring, ScoringPool, check_num_proc
from harness.run.plugins import ModelSpec, build, build_scorers, model_specs, scorer_settings
from harness.run.preflight import preflight
from harness.run.samples import DataSource, Sample, check_unit, iter_samples, model_input, sample_ids
from harness.run.shards import parse_shard
from harness.run.summary import ModelTally
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
from harness.run.writer import RunWriter, SampleSpill

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
    """One model over every sample: each output (from the cache where possible) scored and written as it comes.

    Nothing grows with the number of samples: records are written and folded into running sums
    (`ModelTally`); the (output, sources) pairs are kept only for scorers with `aggregate(pairs)`.
    """

    def __init__(
        self,
        spec: ModelSpec,
        task: Task,
        fingerprint: Fingerprint,
        cache: OutputCache,
        writer: RunWriter,
        *,
        keep_pairs: bool = False,
    ) -> None:
        self.spec = spec
        self.task = task
        self.fingerprint = fingerprint
        self.cache = cache
        self.writer = writer
        self.model_failures: list[Failure] = []
        self.scoring_failures: list[Failure] = []
        self.tally = ModelTally()
        self.keep_pairs = keep_pairs
        self.scored_pairs: list[tuple[Any, Any]] = []
        self.calls = 0
        self.write_sample: Callable[[SampleRecord], None] = writer.sample

    @property
    def failures(self) -> list[Failure]:
        """Model calls' failures, then scoring's, each in sample order (the order `harness merge` restores)."""
        return [*self.model_failures, *self.scoring_failures]

    def produce(self, model: Any, samples: Iterable[Sample], total: int | None = None) -> Iterator[tuple[Sample, Any]]:
        """(sample, output) in sample order, `MISSING` as the output when the model failed on it; each output
        comes from the cache, else from the model in batches, each cached and written as it arrives.

        A model with a batch method (`summarize_many`, `extract_many`) gets up to `batch_size` uncached samples
        per call (its attribute, else `DEFAULT_BATCH`); records are written in sample order all the same.
        """
        size = batch_size(model, self.task)
        state = model_state(model)
        cacheable = getattr(model, "cacheable", True)
        held: list[tuple[Sample, str, Any]] = []
        misses = seen = 0
        progress = tqdm(total=total, desc=self.spec.name, unit="sample", disable=None, leave=False)
        with closing(progress):
            for sample in samples:
                seen += 1
                key = cache_key(self.spec.config, self.task, model_input(sample.cluster), state)
                output = self.cache.get(key) if cacheable else MISSING
                held.append((sample, key, output))
                misses += output is MISSING
                if misses >= size:
                    yield from self._flush(model, held, progress, cacheable)
                    held, misses = [], 0
            yield from self._flush(model, held, progress, cacheable)
        log.info("%s: %d output(s), %d from the cache", self.spec.name, seen, seen - self.calls)

    def outputs(self, model: Any, samples: Iterable[Sample]) -> dict[str, Any]:
        """Every sample's output by sample id (those the model failed on left out)."""
        return {sample.id: output for sample, output in self.produce(model, samples) if output is not MISSING}

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
        self, model: Any, held: list[tuple[Sample, str, Any]], progress: Any, cacheable: bool
    ) -> Iterator[tuple[Sample, Any]]:
        """Call the model on the held samples without an output, cache each answer, write every held record."""
        missing = [sample for sample, _, output in held if output is MISSING]
        answers = iter(self._answers(model, missing))
        self.calls += len(missing)
        done: list[tuple[Sample, Any]] = []
        for sample, key, cached in held:
            from_cache = cached is not MISSING
            output, error = (cached, None) if from_cache else next(answers)
            if error is not None:
                self.model_failures.append(Failure(id=sample.id, stage="model", error=error))
                log.warning("%s failed on %s: %s", self.spec.name, sample.id, error)
            elif not from_cache and cacheable:
                self.cache.put(key, output, model=self.spec.name)
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
            done.append((sample, MISSING if error is not None else output))
        for sample, output in done:
            yield sample, output
            progress.update(1)

    def covered(self, model: Any, samples: Iterable[Sample]) -> Iterator[Sample]:
        """The samples this model has an output for: all, unless it says otherwise (`covers(sample_id)`)."""
        covers = getattr(model, "covers", None)
        return iter(samples) if covers is None else (sample for sample in samples if covers(sample.id))

    def score_all(
        self, model: Any, scorers: Mapping[str, Any], samples: Iterable[Sample], total: int | None = None
    ) -> None:
        """Every covered sample's output scored and its record written as the output comes."""
        for sample, output in self.produce(model, self.covered(model, samples), total):
            scored = None
            if output is not MISSING:
                scored = score_output(scorers, self.task, scoring_pair(self.task, output, sample))
            self.record(sample, output, scored)

    def record(self, sample: Sample, output: Any, scored: Scored | None) -> SampleRecord:
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
                self.scoring_failures.append(Failure(id=sample.id, stage="scoring", error=error))
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
        self.write_sample(record)
        self.tally.add(record)
        if record.error is None and self.keep_pairs:
            self.scored_pairs.append(scoring_pair(self.task, output, sample))
        return record

    def aggregates(self, scorers: Mapping[str, Any]) -> tuple[dict[str, float], list[Failure]]:
        """Corpus-level metrics of the scorers that offer `aggregate(pairs)`, over the samples that scored."""
        metrics: dict[str, float] = {}
        failures: list[Failure] = []
        for key, scorer in aggregating(scorers).items():
            if not self.scored_pairs:
                continue
            try:
                metrics.update({str(name): float(value) for name, value in scorer.aggregate(self.scored_pairs).items()})
            except ScorerUnavailableError:
                raise
            except Exception as error:
                message = f"scorer '{key}' aggregate: {describe(error)}"
                failures.append(Failure(id="*", stage="scoring", error=message))
                log.warning("%s: %s", self.spec.name, message)
        return metrics, failures

    def summarize(self, summary: RunSummary, scorers: Mapping[str, Any]) -> None:
        """This model's `ModelSummary` in `summary`: means, verdict counts, failures and corpus-level metrics.

        A failed aggregate counts among the run's failures (its exit status), not among the summary's.
        """
        metrics, failures = self.aggregates(scorers)
        model_summary = self.tally.summary(self.spec.name, self.failures)
        model_summary.metrics.update(metrics)
        summary.models[self.spec.name] = model_summary
        self.scoring_failures += failures


def aggregating(scorers: Mapping[str, Any]) -> dict[str, Any]:
    """The scorers with corpus-level metrics (`aggregate(pairs)`): only they need every scored pair kept."""
    return {key: scorer for key, scorer in scorers.items() if callable(getattr(scorer, "aggregate", None))}


class _SpilledOutputs:
    """One model's outputs in sample order in a temporary file (a `[id, output or null]` line per covered
    sample), read back in step with the samples."""

    def __init__(self, model_run: _ModelRun, model: Any, samples: Iterable[Sample], total: int) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        for sample, output in model_run.produce(model, model_run.covered(model, samples), total):
            self._file.write(json.dumps([sample.id, None if output is MISSING else output]) + "\n")
        self._file.seek(0)
        self._next = self._read()

    def _read(self) -> list[Any] | None:
        line = self._file.readline()
        return json.loads(line) if line else None

    def take(self, sample_id: str) -> tuple[bool, Any]:
        """(whether the model covers the sample, its output or `MISSING` when the model failed on it)."""
        held = self._next
        if held is None or held[0] != sample_id:
            return False, MISSING
        self._next = self._read()
        return True, MISSING if held[1] is None else held[1]

    def close(self) -> None:
        self._file.close()


def _run_by_sample(
    model_runs: list[_ModelRun],
    models: Mapping[str, Any],
    samples: Callable[[], Iterable[Sample]],
    total: int,
    scoring: ScoringPool | LocalScoring,
) -> None:
    """Every model's outputs in turn (model calls stay in this process), then every sample scored once for all
    models' outputs on it, in a pool or in this process (`scoring`).

    One scoring job per sample carries all models' outputs on it, so its sources are analysed once for all
    models. Records are written in the order of a model-by-model run (model by model, sample by sample): the
    first model's as they arrive, the others' held in temporary files until then. Outputs wait in temporary
    files too, so memory stays flat.
    """
    task = model_runs[0].task
    with ExitStack() as stack:
        pool = stack.enter_context(closing(scoring))
        spills = [
            stack.enter_context(closing(_SpilledOutputs(run, models[run.spec.name], samples(), total)))
            for run in model_runs
        ]
        later = [stack.enter_context(closing(SampleSpill())) for _ in model_runs[1:]]
        for run, spill in zip(model_runs[1:], later, strict=True):
            run.write_sample = spill.sample

        def jobs() -> Iterator[tuple[Sample, list[Any], tuple[Sample, list[tuple[bool, Any]]]]]:
            for sample in samples():
                found = [spill.take(sample.id) for spill in spills]
                outputs = [output for covered, output in found if covered and output is not MISSING]
                yield sample, outputs, (sample, found)

        progress = tqdm(total=total, desc="scoring", unit="sample", disable=None, leave=False)
        with closing(progress), closing(pool.score(task, jobs())) as results:
            for (sample, found), scored in results:
                given = iter(scored)
                for model_run, (covered, output) in zip(model_runs, found, strict=True):
                    if covered:
                        model_run.record(sample, output, None if output is MISSING else next(given))
                progress.update(1)
        for spill in later:
            model_runs[0].writer.sample_lines(spill.lines())


def run_experiment(cfg: DictConfig, run_dir: Path) -> RunResult:
    """Run every model of `cfg` on every sample, writing results under `run_dir` as they are made.

    Samples are built one at a time from the data source. One model's outputs are scored as they come, each
    record written at once; several models' are scored sample by sample once they have all run (outputs wait in
    temporary files). Per model only running sums are kept, so memory does not grow with the number of samples.
    """
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
    every_id = sample_ids(source, unit)
    if not every_id:
        raise ConfigError(f"goldset: '{source.name}' gives no samples; check its files or goldset.limit")
    ids = every_id if shard is None else [sample_id for sample_id in every_id if shard.holds(sample_id)]

    def samples() -> Iterator[Sample]:
        every = iter_samples(source, unit)
        return every if shard is None else (sample for sample in every if shard.holds(sample.id))

    preflight(scorers, models, ids)
    cache = _cache(cfg)
    writer = RunWriter(run_dir, overwrite=bool(cfg.get("overwrite", False)))
    writer.config(cfg)
    if shard is not None:
        shard.write(run_dir, every_id)
    del every_id

    columns = {str(label): str(metric) for label, metric in (cfg.task.get("columns") or {}).items()}
    summary = RunSummary(
        task=task, dataset=source.name, fingerprint=fingerprint, metric_info=metric_info(task, scorers), columns=columns
    )
    keep_pairs = bool(aggregating(scorers))
    model_runs = [_ModelRun(spec, task, fingerprint, cache, writer, keep_pairs=keep_pairs) for spec in specs]
    if num_proc == 1 and len(model_runs) == 1:
        model_runs[0].score_all(models[model_runs[0].spec.name], scorers, samples(), len(ids))
    else:
        scoring = LocalScoring(scorers) if num_proc == 1 else ScoringPool(settings, scorer_group, num_proc)
        _run_by_sample(model_runs, models, samples, len(ids), scoring)
    for model_run in model_runs:
        model_run.summarize(summary, scorers)
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
