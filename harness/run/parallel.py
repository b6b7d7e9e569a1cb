"""Score samples in a pool of worker processes (`num_proc` > 1), or in this process, results handed back in
sample order.

Each worker builds its own scorers once from their configs (scorer objects are never sent), and gets one task
per sample: the sample's sources and every model's output on it, so the scorers' per-`Sources` caches index
those sources once for all models. Workers are started with "spawn": a fresh interpreter, safe whatever the
parent has loaded (torch, tokenizers and their threads are not fork-safe).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Generator, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from harness.errors import ConfigError
from harness.results.records import Task
from harness.run.collector import pace_for_scoring
from harness.run.plugins import build_scorers
from harness.run.samples import Sample
from harness.run.tasks import Scored, score_output, scoring_pair

START_METHOD = "spawn"
IN_FLIGHT = 4
"""Jobs submitted ahead per worker: enough to keep every worker busy, few enough to hold little in memory."""

T = TypeVar("T")

_worker_scorers: dict[str, Any] = {}


def check_num_proc(value: Any) -> int:
    """The `num_proc` setting as a positive int; anything else is a `ConfigError` that says what to set."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"num_proc: expected a whole number of processes, 1 or more, got {value!r}")
    return value


def _start_worker(settings: Mapping[str, Any], group: str) -> None:
    global _worker_scorers
    pace_for_scoring()
    _worker_scorers = build_scorers(settings, group)


def _score_sample(task: Task, sample: Sample, outputs: Sequence[Any]) -> list[Scored]:
    return [score_output(_worker_scorers, task, scoring_pair(task, output, sample)) for output in outputs]


def _ready() -> None:
    """A task that only makes its worker start (and build its scorers) ahead of the first real job."""


class ScoringPool:
    """`num_proc` worker processes, started at once: they import the scorers and build them while the parent
    process is still getting the models' outputs, so that start-up is not added to the scoring time."""

    def __init__(self, settings: Mapping[str, Any], group: str, num_proc: int) -> None:
        context = multiprocessing.get_context(START_METHOD)
        self.num_proc = num_proc
        self._executor = ProcessPoolExecutor(
            num_proc, mp_context=context, initializer=_start_worker, initargs=(settings, group)
        )
        for _ in range(num_proc):
            self._executor.submit(_ready)

    def score(
        self, task: Task, jobs: Iterable[tuple[Sample, Sequence[Any], T]]
    ) -> Generator[tuple[T, list[Scored]], None, None]:
        """Per job (a sample, the outputs to score on it, and a tag handed back), the `Scored` of each output,
        in job order. Jobs are read as the pool frees up: at most `IN_FLIGHT` per worker wait, so memory stays
        flat.

        A job without outputs is handed back at its turn without going to a worker. A scorer's exception is
        recorded in its `Scored` as in one process; `ScorerUnavailableError` and `ConfigError` raised in a
        worker are raised here, and the jobs not yet started are cancelled (`close`).
        """
        waiting: deque[tuple[T, Future[list[Scored]] | None]] = deque()
        for sample, outputs, tag in jobs:
            waiting.append((tag, self._executor.submit(_score_sample, task, sample, outputs) if outputs else None))
            while len(waiting) > IN_FLIGHT * self.num_proc:
                yield _result(waiting.popleft())
        while waiting:
            yield _result(waiting.popleft())

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class LocalScoring:
    """`ScoringPool`'s interface in this process (`num_proc` = 1): the outputs of every model on a sample
    scored together, so that a cluster's sources are analysed once for all models, however many clusters
    come between two models' turns."""

    def __init__(self, scorers: Mapping[str, Any]) -> None:
        self._scorers = scorers

    def score(
        self, task: Task, jobs: Iterable[tuple[Sample, Sequence[Any], T]]
    ) -> Generator[tuple[T, list[Scored]], None, None]:
        """Per job (a sample, the outputs to score on it, and a tag handed back), the `Scored` of each output."""
        for sample, outputs, tag in jobs:
            yield tag, [score_output(self._scorers, task, scoring_pair(task, output, sample)) for output in outputs]

    def close(self) -> None:
        """Nothing to release: the interface of `ScoringPool`."""


def _result(job: tuple[T, Future[list[Scored]] | None]) -> tuple[T, list[Scored]]:
    tag, future = job
    return tag, [] if future is None else future.result()
