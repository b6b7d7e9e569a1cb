"""`harness meta-eval`: how well the consistency scorers agree with human judgements, as a Hydra app.

The config is `configs/metaeval.yaml` with the data format chosen from `configs/metaeval_data/` (jsonl,
frank, summac, xsumfaith, hf). It prints the summary-level, per-category and span-level tables and the
published reference figures, and writes metaeval.json, metaeval.md and scores.jsonl to the run directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from omegaconf import DictConfig

from harness.errors import ConfigError, HarnessError
from harness.run.paths import config_dir

CONFIG_NAME = "metaeval"
FULL_ERROR_ENV = "HYDRA_FULL_ERROR"

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
    import hydra
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    app = hydra.main(config_path=str(config_dir()), config_name=CONFIG_NAME, version_base="1.3")(_job)
    saved_argv, saved_full_error = sys.argv, os.environ.get(FULL_ERROR_ENV)
    sys.argv = ["harness meta-eval", *argv]
    os.environ[FULL_ERROR_ENV] = "1"
    _failures.clear()
    try:
        app()
    except SystemExit as exit_request:
        return exit_request.code if isinstance(exit_request.code, int) else 1
    except (HydraException, OmegaConfBaseException) as error:
        raise ConfigError(str(error)) from None
    finally:
        sys.argv = saved_argv
        if saved_full_error is None:
            os.environ.pop(FULL_ERROR_ENV, None)
        else:
            os.environ[FULL_ERROR_ENV] = saved_full_error
    if _failures:
        raise _failures[0]
    return 0
