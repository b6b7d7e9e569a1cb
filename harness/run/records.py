"""The results files a run writes, as typed records: the contract between the runner and every reader.

A run directory holds `config.yaml` (resolved), `outputs.jsonl` (one `OutputRecord` per model call),
`samples.jsonl` (one `SampleRecord` per model and sample) and `metrics.json` (one `RunSummary` with every
model's aggregates). A run may hold one model or several; each record names its model. Reports, comparisons
and the gate read only these files, so runs made on other machines are read the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import InputFileError
from harness.verdicts.types import Finding

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
    goldset: str = Field(description="sha256 over the goldset's manifest, texts, inventories and annotations.")
    scorers: str = Field(description="sha256 over the resolved scorer settings.")

    def compatible_with(self, other: Fingerprint) -> bool:
        return self.goldset == other.goldset and self.scorers == other.scorers


class OutputRecord(BaseModel):
    """What the model produced for one sample (a summary, or an extraction as JSON), or its error."""

    model_config = ConfigDict(extra="forbid")

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

    task: Task
    dataset: str = Field(description="Goldset name, or the Hugging Face dataset and split scored gold-free.")
    fingerprint: Fingerprint
    models: dict[str, ModelSummary] = Field(default_factory=dict)


def append_jsonl(path: Path, record: BaseModel) -> None:
    """Append one record and flush, so an interrupted run keeps every line already written."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(record.model_dump_json() + "\n")
        handle.flush()


def read_jsonl(path: Path, model: type[M]) -> list[M]:
    """Read a JSON Lines results file; a bad line raises `InputFileError` naming the file, line and field."""
    if not path.exists():
        raise InputFileError(path, "results file not found")
    records: list[M] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(model.model_validate_json(line))
            except ValidationError as error:
                issue = error.errors()[0]
                field = ".".join(str(part) for part in issue["loc"]) or None
                raise InputFileError(path, issue["msg"], line=number, field=field) from None
    return records


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
