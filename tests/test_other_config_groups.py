"""The config groups outside `harness run`'s: every meta-eval data format composes and its reader's
`_target_` takes the configured keys; every gate config loads into the gate's typed settings."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.utils import get_object
from omegaconf import OmegaConf

from harness.core.paths import config_dir
from harness.gate.config import GATE_CONFIG_DIR, GateConfig, load_gate_config
from harness.metaeval.pipeline import scorer_entries

CONFIGS = config_dir()


def _options(group: str) -> list[str]:
    return sorted(path.stem for path in (CONFIGS / group).glob("*.yaml"))


@pytest.mark.parametrize("option", _options("metaeval_data"))
def test_metaeval_data_option_composes_and_binds(option: str) -> None:
    with initialize_config_dir(config_dir=str(CONFIGS), version_base="1.3"):
        cfg = compose(config_name="metaeval", overrides=[f"metaeval_data={option}"])
    data = OmegaConf.to_container(cfg.metaeval_data, resolve=False)
    assert isinstance(data, dict)
    reader = get_object(str(data["_target_"]))
    params = {key: value for key, value in data.items() if not key.startswith("_")}
    inspect.signature(reader).bind(**params)


def test_metaeval_default_scorers_build() -> None:
    with initialize_config_dir(config_dir=str(CONFIGS), version_base="1.3"):
        cfg = compose(config_name="metaeval")
    entries, targets = scorer_entries(cfg.scorers, str(cfg.score))
    assert len(entries) == len(targets) == 4


@pytest.mark.parametrize("name", sorted(path.stem for path in Path(GATE_CONFIG_DIR).glob("*.yaml")))
def test_gate_config_loads(name: str) -> None:
    config = load_gate_config(name)
    assert isinstance(config, GateConfig)
    assert config.metrics, f"configs/gate/{name}.yaml gates no metric"
