"""`harness score RUN [--output DIR] [OVERRIDES...]`: score a run's stored outputs again, with other scorers or
settings, without calling any model, into a new run folder.

The new run takes the old run's goldset, task and models from its `config.yaml`; each model is replaced by
`StoredOutputs`, which answers from the old `outputs.jsonl` (an output that failed there fails again). The
scorers are the old run's, unless an override names the scorer group (`metrics=with_nli`,
`metrics.numbers.salient_min_support=1`): then they are composed from `configs/` with the overrides.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from harness.core.claim_types import ClaimSet
from harness.errors import ConfigError, InputFileError, ModelError
from harness.models.protocols import SourceCluster, SourceDocument, Summary
from harness.results.records import CONFIG_FILE, OUTPUTS_FILE, OutputRecord, iter_jsonl_at, read_jsonl_at

SCORER_GROUPS = ("metrics", "extraction_metrics")
MODEL_KEYS = ("summarizer", "summarizers", "extractor", "extractors")


class StoredOutputs:
    """A model that answers with the outputs `model` stored in a run's `outputs.jsonl`: the file is checked whole
    once, and only where each output stands is held, each read again when asked for, so memory does not grow
    with the run."""

    def __init__(self, path: str, model: str) -> None:
        self.path = Path(path)
        self.model = model
        self._at = {
            record.id: (number, offset)
            for number, offset, record in iter_jsonl_at(self.path, OutputRecord)
            if record.model == model
        }
        if not self._at:
            raise InputFileError(self.path, f"no outputs of model '{model}'")

    def reads(self) -> list[Path]:
        return [self.path]

    def _record(self, key: str) -> OutputRecord:
        where = self._at.get(key)
        if where is None:
            raise ModelError(f"{self.path}: no stored output of '{self.model}' for '{key}'")
        record = read_jsonl_at(self.path, *where, OutputRecord)
        if record.error is not None:
            raise ModelError(f"stored output failed: {record.error}")
        return record

    def summarize(self, cluster: SourceCluster) -> Summary:
        output = self._record(cluster.id).output
        return Summary(str(output["text"]), metadata=dict(output.get("metadata") or {}))

    def extract(self, document: SourceDocument) -> ClaimSet:
        return ClaimSet.model_validate(self._record(document.id).output)


def _stored_config(run: Path) -> dict[str, Any]:
    path = run / CONFIG_FILE
    if not path.is_file():
        raise InputFileError(path, "not found; `harness score` needs a finished run folder")
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(config, dict):
        raise InputFileError(path, "expected a mapping")
    return config


def _replayed_models(config: dict[str, Any], outputs: Path) -> dict[str, Any]:
    """Every model of the stored config, as `StoredOutputs` under the same display name."""
    task = config.get("task", {}).get("name", "summarize")
    single, several = ("summarizer", "summarizers") if task == "summarize" else ("extractor", "extractors")
    chosen = config.get(single)
    entries = {single: chosen} if chosen else dict(config.get(several) or {})
    models: dict[str, Any] = {}
    for key, node in entries.items():
        if not isinstance(node, dict):
            continue
        name = str(node.get("name") or key)
        models[key] = {"_target_": f"{__name__}.StoredOutputs", "path": str(outputs), "model": name, "name": name}
    return {single: None, several: models}


def _scorers(config: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """The scorer groups: the stored ones, or those composed from `configs/` when an override names a group."""
    if not any(item.lstrip("+~").startswith(SCORER_GROUPS) for item in overrides):
        return {group: config.get(group) for group in SCORER_GROUPS}
    from hydra import compose, initialize_config_dir
    from hydra.errors import HydraException
    from omegaconf import OmegaConf
    from omegaconf.errors import OmegaConfBaseException

    from harness.core.paths import config_dir

    try:
        with initialize_config_dir(config_dir=str(config_dir()), version_base="1.3"):
            fresh = compose(config_name="config", overrides=overrides)
    except (HydraException, OmegaConfBaseException) as error:
        raise ConfigError(f"overrides: {error}") from None
    plain = OmegaConf.to_container(fresh, resolve=True)
    assert isinstance(plain, dict)
    return {group: plain.get(group) for group in SCORER_GROUPS}


def rescore_config(run: Path, overrides: list[str]) -> dict[str, Any]:
    """The config of the new run: the stored one, its models replayed, its scorers replaced when asked."""
    unknown = [item for item in overrides if not item.lstrip("+~").startswith(SCORER_GROUPS)]
    if unknown:
        raise ConfigError(f"`harness score` changes only the scorers (metrics..., extraction_metrics...): {unknown}")
    config = _stored_config(run)
    config = {key: value for key, value in config.items() if key not in MODEL_KEYS and key != "hydra"}
    config.update(_replayed_models(_stored_config(run), run / OUTPUTS_FILE))
    config.update(_scorers(config, overrides))
    config["cache"] = False
    return config


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="harness score",
        description="Score a run's stored outputs again with other scorers or settings, calling no model, into "
        "a new run folder. Overrides name the scorers, e.g. metrics=with_nli or metrics.events=null.",
    )
    parser.add_argument("run", type=Path, help="the finished run folder whose outputs.jsonl is scored")
    parser.add_argument("overrides", nargs="*", help="scorer overrides (metrics=..., extraction_metrics=...)")
    parser.add_argument("--output", "-o", type=Path, help="the new run folder (default: RUN-scored-<time>)")
    parser.add_argument("--overwrite", action="store_true", help="replace the results in --output if it has some")
    return parser


def main(argv: list[str]) -> int:
    from omegaconf import OmegaConf

    from harness.run.pipeline import run_experiment

    args = build_parser().parse_args(argv)
    config = rescore_config(args.run, args.overrides)
    config["overwrite"] = args.overwrite
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H-%M-%S")
    output = args.output or args.run.parent / f"{args.run.name}-scored-{stamp}"
    result = run_experiment(OmegaConf.create(config), output)
    print(result.table_markdown, end="")
    print(f"Results: {output}")
    if result.exit_code:
        print(result.failure_report())
    return result.exit_code
