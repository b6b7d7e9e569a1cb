"""Every option of every config group composes with Hydra and its `_target_`s build, so a broken config fails CI.

Each `_target_` is first resolved and its constructor bound to the configured keys (a typo'd class or key
fails here, with no side effect); then it is built. A scorer that raises `ScorerUnavailableError` while
being built (an optional extra or a local model that this machine lacks) passes: it names what is missing.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hydra import compose, initialize_config_dir
from hydra.utils import get_object
from omegaconf import DictConfig, OmegaConf

from harness.core.paths import config_dir
from harness.errors import ConfigError, ScorerUnavailableError
from harness.run.pipeline import TASKS
from harness.run.plugins import NAME_KEY, build, build_scorers, model_specs, scorer_settings
from harness.run.samples import check_unit

CONFIGS = config_dir()
MODEL_GROUPS = ("summarizer", "extractor")
SCORER_GROUPS = ("metrics", "extraction_metrics")
GROUPS = ("goldset", "task", *SCORER_GROUPS, *MODEL_GROUPS)


def options(group: str) -> list[str]:
    return sorted(path.stem for path in (CONFIGS / group).glob("*.yaml"))


OPTION_OVERRIDES = {
    ("summarizer", "hf_seq2seq"): ["summarizer.local_files_only=true"],
    ("extractor", "spacy"): ["extractor.blank=true"],
    ("metrics", "with_judge"): ["metrics.judge.model=test-model"],
}
"""Options that would download a model when built: pointed at what this machine has instead."""
WEIGHTS_NOT_HERE = {("summarizer", "hf_seq2seq"): "cannot load model"}
"""Options whose build may fail only because the weights are not on this machine (never downloaded in tests)."""


def required_values(group: str, option: str, tmp_path: Path) -> list[str]:
    """Values a user must give for some options (`???` in the file), filled with small local stand-ins."""
    node = OmegaConf.load(CONFIGS / group / f"{option}.yaml")
    missing = [key for key in node if isinstance(key, str) and OmegaConf.is_missing(node, key)]
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps({"id": "x", "summary": "Twelve countries."}) + "\n")
    stand_ins = {"path": str(predictions), "model": "test-model"}
    if group == "goldset":
        data = tmp_path / "data.jsonl"
        data.write_text(json.dumps({"document": "Twelve countries.", "summary": "Twelve."}) + "\n")
        stand_ins = {"path": str(data) if option == "pairs" else "json", "data_files": str(data)}
    unknown = [key for key in missing if key not in stand_ins]
    assert not unknown, f"configs/{group}/{option}.yaml: add a stand-in for required keys {unknown} to this test"
    return [f"{group}.{key}={stand_ins[key]}" for key in missing] + OPTION_OVERRIDES.get((group, option), [])


def compose_with(overrides: list[str]) -> DictConfig:
    with initialize_config_dir(config_dir=str(CONFIGS), version_base="1.3"):
        return compose(config_name="config", overrides=overrides)


def targets(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every `_target_` config inside a plain config tree, with its location."""
    if isinstance(node, dict):
        if "_target_" in node:
            yield where, node
        for key, value in node.items():
            yield from targets(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from targets(value, f"{where}[{index}]")


def check_signatures(node: Any, where: str, *, model: bool) -> None:
    """Import every `_target_` and bind its constructor to the configured keys (a model's `name` is the runner's)."""
    for location, config in targets(node, where):
        target = get_object(config["_target_"])
        params = {key: value for key, value in config.items() if not key.startswith("_")}
        if model and location == where:
            params.pop(NAME_KEY, None)
        try:
            inspect.signature(target).bind(**params)
        except TypeError as error:
            pytest.fail(f"{location}: {config['_target_']} does not take {sorted(params)}: {error}")


CASES = [(group, option) for group in GROUPS for option in options(group)]


@pytest.mark.parametrize(("group", "option"), CASES, ids=[f"{group}={option}" for group, option in CASES])
def test_option_composes_and_builds(group: str, option: str, tmp_path: Path) -> None:
    cfg = compose_with([f"{group}={option}", *required_values(group, option, tmp_path)])
    if group == "task":
        assert cfg.task.name in TASKS
        check_unit(cfg.task.unit)
        return
    plain = OmegaConf.to_container(cfg[group], resolve=True)
    check_signatures(plain, group, model=group in MODEL_GROUPS)
    if group in MODEL_GROUPS:
        assert isinstance(plain, dict) and plain.get(NAME_KEY), f"configs/{group}/{option}.yaml needs a `name:`"
        single, several = group, TASKS["summarize" if group == "summarizer" else "extract"][1]
        (spec,) = model_specs(cfg, single, several)
        try:
            model = build(spec.config, spec.where)
        except ConfigError as error:
            if (group, option) in WEIGHTS_NOT_HERE and WEIGHTS_NOT_HERE[group, option] in str(error):
                pytest.skip(f"weights not on this machine: {error}")
            raise
        assert callable(getattr(model, "summarize" if group == "summarizer" else "extract"))
    elif group in SCORER_GROUPS:
        try:
            build_scorers(scorer_settings(cfg[group]), group)
        except ScorerUnavailableError as error:
            assert str(error), "an unavailable scorer must say what is missing"
    else:
        build(cfg[group], group)


def test_default_experiment_composes_and_every_model_and_scorer_builds() -> None:
    cfg = compose_with([])
    assert cfg.task.name == "summarize" and cfg.get("summarizer") is None
    specs = model_specs(cfg, "summarizer", "summarizers")
    assert len(specs) >= 5
    for spec in specs:
        build(spec.config, spec.where)
    assert build_scorers(scorer_settings(cfg.metrics), "metrics")
    assert build(cfg.goldset, "goldset").name == "moscow-talks-2018"
