"""Every model config names a real class whose constructor takes exactly the config's keys, and builds offline."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest
from hydra.utils import instantiate
from omegaconf import DictConfig, OmegaConf

from harness.models.protocols import Extractor, SourceCluster, SourceDocument, Summarizer

CONFIGS = Path(__file__).resolve().parents[2] / "configs"
FILES = sorted([*CONFIGS.glob("summarizer/*.yaml"), *CONFIGS.glob("extractor/*.yaml")])
OFFLINE_OVERRIDES: dict[str, dict[str, Any]] = {
    "summarizer/predictions.yaml": {"path": "PREDICTIONS"},
    "extractor/predictions.yaml": {"path": "PREDICTIONS"},
    "summarizer/openai_chat.yaml": {"model": "tiny"},
    "extractor/llm.yaml": {"model": "tiny"},
    "extractor/spacy.yaml": {"blank": True},
}
NEEDS_DOWNLOAD = {"summarizer/hf_seq2seq.yaml"}


def _target(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _check_keys(node: dict[str, Any]) -> None:
    parameters = inspect.signature(_target(node["_target_"])).parameters
    unknown = set(node) - {"_target_"} - set(parameters)
    assert not unknown, f"{node['_target_']} takes no {sorted(unknown)}"
    for value in node.values():
        if isinstance(value, dict) and "_target_" in value:
            _check_keys(value)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_config_matches_its_class(path: Path) -> None:
    node = OmegaConf.to_container(OmegaConf.load(path))
    assert isinstance(node, dict) and all(isinstance(key, str) for key in node)
    assert isinstance(node.pop("name"), str)
    _check_keys(node)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_config_builds_offline(path: Path, tmp_path: Path) -> None:
    key = f"{path.parent.name}/{path.name}"
    if key in NEEDS_DOWNLOAD:
        pytest.skip("names a hub model; built from a local tiny model in test_summarizer_hf_seq2seq.py")
    config = OmegaConf.load(path)
    assert isinstance(config, DictConfig)
    config.pop("name")
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text('{"id": "c", "summary": "A summary."}\n')
    for field, value in OFFLINE_OVERRIDES.get(key, {}).items():
        config[field] = str(predictions) if value == "PREDICTIONS" else value
    model = instantiate(config)
    assert isinstance(model, Summarizer if path.parent.name == "summarizer" else Extractor)


def test_corrupt_config_wraps_the_references() -> None:
    config = OmegaConf.load(CONFIGS / "summarizer" / "corrupt.yaml")
    assert isinstance(config, DictConfig)
    config.pop("name")
    model = instantiate(config)
    cluster = SourceCluster("c", (SourceDocument("d", "x"),), ("Russia accepted the invitation.",))
    summary = model.summarize(cluster)
    assert summary.text != "Russia accepted the invitation."
    assert len(summary.metadata["planted"]) == 1
