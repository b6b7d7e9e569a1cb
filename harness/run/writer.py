"""Write a run's results files as they are made: one line per output and per sample, then the summaries."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import yaml
from omegaconf import DictConfig, OmegaConf

from harness.errors import ConfigError
from harness.run.records import (
    CONFIG_FILE,
    METRICS_FILE,
    OUTPUTS_FILE,
    SAMPLES_FILE,
    TABLE_FILE,
    OutputRecord,
    RunSummary,
    SampleRecord,
    append_jsonl,
)
from harness.run.secrets import redact


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`: readers never see half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def resolved_config(cfg: DictConfig) -> dict[str, Any]:
    """The config with every interpolation resolved and secret values replaced by `***`."""
    try:
        plain = OmegaConf.to_container(cfg, resolve=True)
    except Exception as error:
        raise ConfigError(f"cannot resolve the config: {error}") from None
    assert isinstance(plain, dict)
    redacted: dict[str, Any] = redact(plain)
    return redacted


def scrub_hydra_files(folder: Path) -> None:
    """Rewrite Hydra's saved configs and overrides (`.hydra/*.yaml`) with secret values replaced by `***`."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        original = yaml.safe_load(path.read_text(encoding="utf-8"))
        cleaned = redact(original)
        if cleaned != original:
            write_atomic(path, yaml.safe_dump(cleaned, sort_keys=False, allow_unicode=True))


class RunWriter:
    """The results files of one run directory; starting a run there replaces the results of an earlier one."""

    def __init__(self, run_dir: Path) -> None:
        self.run_dir = run_dir
        run_dir.mkdir(parents=True, exist_ok=True)
        for name in (OUTPUTS_FILE, SAMPLES_FILE, METRICS_FILE, TABLE_FILE):
            (run_dir / name).unlink(missing_ok=True)

    def config(self, cfg: DictConfig) -> None:
        text = yaml.safe_dump(resolved_config(cfg), sort_keys=False, allow_unicode=True)
        write_atomic(self.run_dir / CONFIG_FILE, text)

    def output(self, record: OutputRecord) -> None:
        append_jsonl(self.run_dir / OUTPUTS_FILE, record)

    def sample(self, record: SampleRecord) -> None:
        append_jsonl(self.run_dir / SAMPLES_FILE, record)

    def summary(self, summary: RunSummary) -> None:
        write_atomic(self.run_dir / METRICS_FILE, summary.model_dump_json(indent=2) + "\n")

    def table(self, markdown: str) -> None:
        write_atomic(self.run_dir / TABLE_FILE, markdown)
