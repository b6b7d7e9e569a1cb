"""`harness meta-eval`: how well the consistency scorers agree with human judgements, as a Hydra app.

The config is `configs/metaeval.yaml` with the data format chosen from `configs/metaeval_data/` (jsonl,
frank, summac, xsumfaith, hf). It prints the summary-level, per-category and span-level tables and the
published reference figures, and writes metaeval.json, metaeval.md and scores.jsonl to the run directory.
"""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from harness.errors import ConfigError, HarnessError
from harness.hydra_app import run_hydra_app

CONFIG_NAME = "metaeval"

_failures: list[HarnessError] = []
"""The error a job met, raised again by `main` once Hydra has returned (so Hydra does not log it first)."""


def _job(cfg: DictConfig) -> None:
    """One Hydra job: meta-evaluate in the job's output directory and print the tables."""
    from hydra.core.hydra_config import HydraConfig
    from omegaconf.errors import OmegaConfBaseException
    from rich.console import Console

    from harness.metaeval.pipeline import run_metaeval
    from harness.metaeval.render import rich_table

    try:
        try:
            result = run_metaeval(cfg, Path(HydraConfig.get().runtime.output_dir))
        except OmegaConfBaseException as error:
            raise ConfigError(f"config: {error}") from None
    except HarnessError as error:
        _failures.append(error)
        return
    console = Console()
    for table in result.tables:
        console.print(rich_table(table))
    print(f"Results: {result.run_dir}")


def main(argv: list[str]) -> int:
    """Run `harness meta-eval ARGS`: Hydra parses `argv` as its command line."""
    _failures.clear()
    code = run_hydra_app(_job, CONFIG_NAME, "harness meta-eval", argv)
    if _failures:
        raise _failures[0]
    return code
