"""Write a run's results files as they are made: one line per output and per sample, then the summaries."""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from omegaconf import DictConfig, OmegaConf

from harness.errors import ConfigError
from harness.results.records import (
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


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: the same data, several times faster."""


def scrub_hydra_files(folder: Path) -> None:
    """Rewrite Hydra's saved configs and overrides (`.hydra/*.yaml`) with secret values replaced by `***`."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        original = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        cleaned = redact(original)
        if cleaned != original:
            write_atomic(path, yaml.safe_dump(cleaned, sort_keys=False, allow_unicode=True))


RESULT_FILES = (CONFIG_FILE, OUTPUTS_FILE, SAMPLES_FILE, METRICS_FILE, TABLE_FILE)
"""What a run writes, in the order `commit` moves them into place (`metrics.json` marks a finished run)."""
FINISHED_MARKERS = (METRICS_FILE, SAMPLES_FILE, OUTPUTS_FILE)


def partial_name(name: str) -> str:
    """The hidden name a results file has while its run is in progress."""
    return f".{name}.partial"


def holds_results(run_dir: Path) -> bool:
    return any((run_dir / name).exists() for name in FINISHED_MARKERS)


def check_run_dir(run_dir: Path, *, overwrite: bool) -> None:
    """Refuse a folder that holds a run's results unless `overwrite`; refuse one that cannot be written."""
    if run_dir.exists() and not run_dir.is_dir():
        raise ConfigError(f"{run_dir}: the run folder is a file; choose another with hydra.run.dir=DIR")
    if holds_results(run_dir) and not overwrite:
        raise ConfigError(
            f"{run_dir} already holds the results of a run; choose another folder with hydra.run.dir=DIR, "
            "or pass overwrite=true to replace them"
        )
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        probe = run_dir / f".write-test.{os.getpid()}"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        raise ConfigError(
            f"{run_dir}: cannot write the run folder ({error.strerror or error}); choose another"
        ) from None


class SampleSpill:
    """Sample records held in a temporary file until their turn to be written, in the form `append_jsonl` writes."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())

    def sample(self, record: SampleRecord) -> None:
        self._file.write(record.model_dump_json() + "\n")

    def lines(self) -> Iterator[str]:
        self._file.seek(0)
        yield from self._file

    def close(self) -> None:
        self._file.close()


class RunWriter:
    """The results files of one run directory, written under hidden temporary names while the run goes on
    and moved into place by `commit` once it is complete: no crash leaves a folder half old, half new, and a
    folder that holds results is refused unless `overwrite`."""

    def __init__(self, run_dir: Path, *, overwrite: bool = False) -> None:
        self.run_dir = run_dir
        check_run_dir(run_dir, overwrite=overwrite)
        for name in RESULT_FILES:
            self._path(name).unlink(missing_ok=True)

    def _path(self, name: str) -> Path:
        return self.run_dir / partial_name(name)

    def config(self, cfg: DictConfig) -> None:
        text = yaml.safe_dump(resolved_config(cfg), sort_keys=False, allow_unicode=True)
        write_atomic(self._path(CONFIG_FILE), text)

    def output(self, record: OutputRecord) -> None:
        append_jsonl(self._path(OUTPUTS_FILE), record)

    def sample(self, record: SampleRecord) -> None:
        append_jsonl(self._path(SAMPLES_FILE), record)

    def sample_lines(self, lines: Iterable[str]) -> None:
        """Append sample records already in JSON Lines form (a `SampleSpill`'s), byte for byte."""
        with self._path(SAMPLES_FILE).open("a", encoding="utf-8") as handle:
            handle.writelines(lines)

    def summary(self, summary: RunSummary) -> None:
        write_atomic(self._path(METRICS_FILE), summary.model_dump_json(indent=2) + "\n")

    def table(self, markdown: str) -> None:
        write_atomic(self._path(TABLE_FILE), markdown)

    def commit(self) -> None:
        """Move every results file into place, `metrics.json` last; an earlier run's files not made again go."""
        for name in RESULT_FILES:
            partial = self._path(name)
            if not partial.exists():
                partial.write_text("", encoding="utf-8")
        for name in sorted(RESULT_FILES, key=lambda name: name == METRICS_FILE):
            os.replace(self._path(name), self.run_dir / name)
