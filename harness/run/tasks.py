"""What each task does with one sample: call the model, turn its answer into JSON, score it.

`summarize`: a `Summarizer` gets the sample's cluster; its summary (`{"text", "metadata"}`) is scored by
every `Scorer` against the sample's sources. `extract`: an `Extractor` gets the sample's one document; its
`ClaimSet` is scored by every `ExtractionScorer` (`harness.metrics.protocols`) against that document's gold
annotations. A scorer may also offer `aggregate(pairs)`: corpus-level metrics (micro averages) over every
sample that scored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from harness.core.claim_types import ClaimSet
from harness.errors import ConfigError, ModelError, ScorerUnavailableError
from harness.models.protocols import Summary
from harness.results.metric_info import LOWER, MetricInfo, declared_by
from harness.results.records import Task
from harness.run.samples import Sample
from harness.verdicts.types import Finding

FLAGGED_METRIC = "flagged"
"""Per summary: 1.0 when any scorer flagged a claim, else 0.0; its mean is the share of flagged summaries."""

MAX_FINDINGS = 1000
"""Findings written per sample at most, flagged ones first; a pathological output would otherwise write
megabytes of findings per sample. Metrics are computed from all findings."""
LEFT_OUT_METRIC = "findings_left_out"
"""Per sample, only when findings were capped: how many were not written."""


class FindingsCap:
    """The findings a sample writes, gathered scorer by scorer: at most `limit` flagged and `limit` others are
    held at any time, so a pathological output's tens of thousands of findings never pile up in one list."""

    def __init__(self, limit: int = MAX_FINDINGS) -> None:
        self.limit = limit
        self.total = 0
        self._flagged: list[tuple[int, Finding]] = []
        self._others: list[tuple[int, Finding]] = []

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            held = self._flagged if finding.flagged else self._others
            if len(held) < self.limit:
                held.append((self.total, finding))
            self.total += 1

    @property
    def any_flagged(self) -> bool:
        return bool(self._flagged)

    def result(self) -> tuple[list[Finding], int]:
        """At most `limit` findings, flagged ones first, in their original order; and how many were left out."""
        others = self._others[: max(self.limit - len(self._flagged), 0)]
        kept = [finding for _, finding in sorted([*self._flagged, *others], key=lambda item: item[0])]
        return kept, self.total - len(kept)


def cap_findings(findings: list[Finding], limit: int = MAX_FINDINGS) -> tuple[list[Finding], int]:
    """At most `limit` findings, flagged ones first, in their original order; and how many were left out."""
    cap = FindingsCap(limit)
    cap.extend(findings)
    return cap.result()


def metric_info(task: Task, scorers: Mapping[str, Any]) -> dict[str, MetricInfo]:
    """What the scorers declare about their metrics, and the runner's own `flagged` (lower is better)."""
    declared = declared_by(scorers.values())
    return {**declared, FLAGGED_METRIC: LOWER} if task == "summarize" else declared


def scoring_pair(task: Task, output: Any, sample: Sample) -> tuple[Any, Any]:
    """What a scorer gets for one output: (summary text, sources) or (claim set, gold document)."""
    if task == "summarize":
        return output["text"], sample.sources
    (document,) = sample.sources.documents
    return ClaimSet.model_validate(output), document


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def answer_json(task: Task, answer: Any) -> Any:
    """A model's answer as plain JSON; raises `ModelError` when the answer has the wrong type or is an empty
    summary (recorded as that sample's failure, never scored)."""
    if isinstance(answer, Exception):
        raise answer
    if task == "summarize":
        if isinstance(answer, str):
            answer = Summary(answer)
        if not isinstance(answer, Summary):
            raise ModelError(f"summarize() returned {type(answer).__name__}; a summarizer returns str or Summary")
        if not answer.text.strip():
            raise ModelError("the summary is empty (an empty model answer, or a model that failed to load)")
        return {"text": answer.text, "metadata": _json_safe(answer.metadata)}
    if not isinstance(answer, ClaimSet):
        raise ModelError(f"extract() returned {type(answer).__name__}; an extractor returns a ClaimSet")
    return answer.model_dump(mode="json")


def call_model(model: Any, task: Task, sample: Sample) -> Any:
    """The model's answer on one sample as plain JSON; raises `ModelError` when the answer has the wrong type."""
    if task == "summarize":
        return answer_json(task, model.summarize(sample.cluster))
    (document,) = sample.cluster.documents
    return answer_json(task, model.extract(document))


def batch_call(model: Any, task: Task) -> Any:
    """The model's batch method (`summarize_many` or `extract_many`), or None when it has none."""
    method = getattr(model, "summarize_many" if task == "summarize" else "extract_many", None)
    return method if callable(method) else None


def call_model_many(model: Any, task: Task, samples: list[Sample]) -> list[Any]:
    """The model's raw answers on several samples in one batch call (an answer may be an exception)."""
    method = batch_call(model, task)
    if method is None:
        raise ModelError(f"{type(model).__name__} has no batch method")
    inputs = [sample.cluster if task == "summarize" else sample.cluster.documents[0] for sample in samples]
    answers = list(method(inputs))
    if len(answers) != len(inputs):
        raise ModelError(f"the batch call returned {len(answers)} answer(s) for {len(inputs)} input(s)")
    return answers


@dataclass
class Scored:
    """Everything the scorers said about one output; `errors` names each scorer that failed and why."""

    metrics: dict[str, float] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def score_output(scorers: Mapping[str, Any], task: Task, pair: tuple[Any, Any]) -> Scored:
    """Run every scorer on one output; a scorer that raises is recorded and the others still run.

    A NaN metric means "does not apply here" (a precision over no claims) and is left out of the sample.
    A scorer with `combine(metrics)` (`metrics.combined`) runs last, on the metrics the others reported.
    """
    scored = Scored()
    kept = FindingsCap()
    scored_by: dict[str, str] = {}
    combiners = {key: scorer for key, scorer in scorers.items() if callable(getattr(scorer, "combine", None))}
    for key, scorer in scorers.items():
        if key in combiners and task == "summarize":
            continue
        try:
            result = scorer.score(*pair)
            metrics = {str(name): float(value) for name, value in result.metrics.items()}
            metrics = {name: value for name, value in metrics.items() if not math.isnan(value)}
            findings = tuple(result.findings)
        except ScorerUnavailableError:
            raise
        except Exception as error:
            scored.errors.append(f"scorer '{key}': {describe(error)}")
            continue
        for name in metrics:
            if name in scored_by:
                raise ConfigError(
                    f"metrics.{key} and metrics.{scored_by[name]} both report a metric named '{name}'; "
                    "remove one of them from the metrics config"
                )
            scored_by[name] = key
        scored.metrics.update(metrics)
        kept.extend(findings)
    if task == "summarize":
        for combiner in combiners.values():
            scored.metrics.update({str(name): float(v) for name, v in combiner.combine(dict(scored.metrics)).items()})
        scored.metrics[FLAGGED_METRIC] = float(kept.any_flagged)
    scored.findings, left_out = kept.result()
    if left_out:
        scored.metrics[LEFT_OUT_METRIC] = float(left_out)
    return scored
