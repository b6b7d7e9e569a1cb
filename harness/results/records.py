"""The results files a run writes, as typed records: the contract between the runner and every reader.

Contract v1: every record carries `schema_version`; a reader refuses a version it does not know. A run
directory holds `config.yaml` (resolved), `outputs.jsonl` (one `OutputRecord` per model call),
`samples.jsonl` (one `SampleRecord` per model and sample) and `metrics.json` (one `RunSummary` with every
model's aggregates). A run may hold one model or several; each record names its model. Reports, comparisons
and the gate read only these files, so runs made on other machines are read the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import InputFileError
from harness.results.metric_info import MetricInfo, lookup
from harness.verdicts.types import Finding

SCHEMA_VERSION: Final = 1
"""The version of the results contract these records follow; bumped on any change a reader must know of."""

OUTPUTS_FILE = "outputs.jsonl"
SAMPLES_FILE = "samples.jsonl"
METRICS_FILE = "metrics.json"
CONFIG_FILE = "config.yaml"
TABLE_FILE = "table.md"

M = TypeVar("M", bound=BaseModel)

Task = Literal["summarize", "extract"]


class Fingerprint(BaseModel):
    """Identifies what results were computed with, so results from different settings are never mixed silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    harness_version: str
    resources: str = Field(
        default="", description="sha256 over the harness package's data files (word lists, gazetteers)."
    )
    goldset: str = Field(description="sha256 over the goldset's manifest, texts, inventories and annotations.")
    scorers: str = Field(description="sha256 over the resolved scorer settings.")

    def compatible_with(self, other: Fingerprint) -> bool:
        """Same harness version, data files, goldset and scorer settings: scores computed the same way."""
        return (
            self.harness_version == other.harness_version
            and self.resources == other.resources
            and self.goldset == other.goldset
            and self.scorers == other.scorers
        )

    def differences(self, other: Fingerprint) -> list[str]:
        """The names of the fields that differ, for an error message."""
        names = ("harness_version", "resources", "goldset", "scorers")
        return [name for name in names if getattr(self, name) != getattr(other, name)]


class OutputRecord(BaseModel):
    """What the model produced for one sample (a summary, or an extraction as JSON), or its error."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    id: str
    model: str
    task: Task
    output: Any = None
    error: str | None = None
    cached: bool = False
    fingerprint: Fingerprint


class SampleRecord(BaseModel):
    """One sample's scores and findings; `error` is set when the model or a scorer failed on it."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    id: str
    model: str
    task: Task
    metrics: dict[str, float] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = None
    fingerprint: Fingerprint

    @property
    def flagged(self) -> bool:
        return any(finding.flagged for finding in self.findings)


class Failure(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    stage: Literal["model", "scoring"]
    error: str


class ModelSummary(BaseModel):
    """The aggregates of one model in a run."""

    model_config = ConfigDict(extra="forbid")

    model: str
    n_samples: int
    n_failed: int = 0
    failures: list[Failure] = Field(default_factory=list)
    metrics: dict[str, float] = Field(default_factory=dict, description="Means over the samples that scored.")
    verdict_counts: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Finding type -> verdict -> count."
    )


class RunSummary(BaseModel):
    """`metrics.json`: what was run on which data, and each model's aggregates."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCHEMA_VERSION
    task: Task
    dataset: str = Field(description="Goldset name, or the Hugging Face dataset and split scored gold-free.")
    fingerprint: Fingerprint
    models: dict[str, ModelSummary] = Field(default_factory=dict)
    metric_info: dict[str, MetricInfo] = Field(
        default_factory=dict, description="What the scorers declared per metric (name or pattern): direction."
    )
    columns: dict[str, str] = Field(default_factory=dict, description="The headline columns: label -> metric.")

    def info(self, metric: str) -> MetricInfo:
        """The declared direction and aggregation of `metric`; higher-is-better means when none was declared."""
        return lookup(self.metric_info, metric) or MetricInfo()


def append_jsonl(path: Path, record: BaseModel) -> None:
    """Append one record and flush, so an interrupted run keeps every line already written."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(record.model_dump_json() + "\n")
        handle.flush()


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Read a JSON Lines results file; a bad line raises `InputFileError` naming the file, line and field."""
    return [record for _, _, record in iter_jsonl_at(path, model)]


def iter_jsonl_at(path: Path, model: type[M]) -> Iterator[tuple[int, int, M]]:
    """Each record of a JSON Lines results file with its line number and byte offset, read a line at a time (a
    large file is never held whole); `read_jsonl_at` reads one again. A bad line raises `InputFileError`."""
    if not path.exists():
        raise InputFileError(path, "results file not found")
    with path.open("rb") as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield number, offset, _validated(path, number, raw, model)
            offset += len(raw)


def read_jsonl_at(path: Path, number: int, offset: int, model: type[M]) -> M:
    """The record on line `number`, which starts at byte `offset` (as `iter_jsonl_at` gave them)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        return _validated(path, number, handle.readline(), model)


def _validated(path: Path, number: int, raw: bytes, model: type[M]) -> M:
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        issue = error.errors()[0]
        field = ".".join(str(part) for part in issue["loc"]) or None
        raise InputFileError(path, issue["msg"], line=number, field=field) from None


def read_summary(path: Path) -> RunSummary:
    if not path.exists():
        raise InputFileError(path, "results file not found")
    try:
        return RunSummary.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as error:
        raise InputFileError(path, f"invalid JSON: {error.msg}", line=error.lineno) from None
    except ValidationError as error:
        issue = error.errors()[0]
        field = ".".join(str(part) for part in issue["loc"]) or None
        raise InputFileError(path, issue["msg"], field=field) from None
