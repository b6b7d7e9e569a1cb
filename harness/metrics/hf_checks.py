"""Checks made before a run that a Hugging Face model can load here, without loading it or asking the hub."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from harness.errors import ScorerUnavailableError

_TRUE = {"1", "true", "yes", "on"}


def hub_offline() -> bool:
    """Whether `HF_HUB_OFFLINE` (or `TRANSFORMERS_OFFLINE`) forbids reaching the hub."""
    return any(os.environ.get(name, "").strip().lower() in _TRUE for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _looks_local(model: str) -> bool:
    return model.startswith(("/", "./", "../", "~")) or model.count("/") > 1 or "\\" in model


def check_hf_model(scorer: str, model: str, local_files_only: bool, install_hint: str) -> None:
    """Raise `ScorerUnavailableError` when torch/transformers are missing, a local model folder does not exist,
    or a hub id is not in the local cache while offline (`local_files_only` or `HF_HUB_OFFLINE`)."""
    missing = [name for name in ("torch", "transformers") if importlib.util.find_spec(name) is None]
    if missing:
        raise ScorerUnavailableError(f"{scorer}: needs {' and '.join(missing)}; install: {install_hint}")
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise ScorerUnavailableError(f"{scorer}: model folder '{model}' has no config.json")
        return
    if _looks_local(model):
        raise ScorerUnavailableError(f"{scorer}: model folder '{model}' does not exist")
    if local_files_only or hub_offline():
        from huggingface_hub import try_to_load_from_cache

        if not isinstance(try_to_load_from_cache(model, "config.json"), str):
            raise ScorerUnavailableError(
                f"{scorer}: model '{model}' is not in the local Hugging Face cache and downloads are off "
                "(HF_HUB_OFFLINE or local_files_only); give a local folder with config, weights and tokenizer"
            )
