"""`harness run`: the experiment runner as a Hydra app (overrides, `-m` multirun, launchers, `hydra.run.dir=`).

Configs live in the repository's `configs/` (see `harness.core.paths.config_dir`). A single run reports its
outcome in-process; a multirun job raises `JobFailed`, which Hydra's sweeper re-raises once every job of
the sweep has run, whichever launcher ran it (joblib, submitit, Ray).
"""

from __future__ import annotations

import sys
from pathlib import Path

from omegaconf import DictConfig

from harness.errors import ConfigError, HarnessError
from harness.hydra_app import run_hydra_app
from harness.run import table
from harness.run.pipeline import RunResult, run_experiment
from harness.run.writer import check_run_dir, scrub_hydra_files

PIPED_WIDTH = 160
"""Table width when output goes to a file or a CI log, where rich would otherwise assume 80 columns."""


class JobFailed(Exception):
    """A job's exit status and message, in a form that pickles across launcher processes."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


_single_run: list[JobFailed | HarnessError] = []
"""What a single (non-multirun) job wants `main` to report; empty when it succeeded."""


def _show(result: RunResult) -> None:
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console = Console(width=PIPED_WIDTH)
    console.print(table.rich_table(result.summary, result.columns))
    print(f"Results: {result.run_dir}")


def _job(cfg: DictConfig) -> None:
    """One Hydra job: run the experiment in the job's output directory and print its table."""
    from hydra.core.hydra_config import HydraConfig
    from hydra.types import RunMode
    from omegaconf.errors import OmegaConfBaseException

    hydra_cfg = HydraConfig.get()
    single = hydra_cfg.mode == RunMode.RUN
    run_dir = Path(hydra_cfg.runtime.output_dir)
    if hydra_cfg.output_subdir:
        scrub_hydra_files(run_dir / str(hydra_cfg.output_subdir))
    try:
        try:
            check_run_dir(run_dir, overwrite=bool(cfg.get("overwrite", False)))
            result = run_experiment(cfg, run_dir)
        except OmegaConfBaseException as error:
            raise ConfigError(f"config: {error}") from None
        except OSError as error:
            raise ConfigError(f"cannot read or reach what the config names: {' '.join(str(error).split())}") from None
    except HarnessError as error:
        if single:
            _single_run.append(error)
            return
        raise JobFailed(2, f"harness run: error: {error}") from None
    _show(result)
    if result.exit_code:
        failed = JobFailed(result.exit_code, result.failure_report())
        if not single:
            raise failed
        _single_run.append(failed)


def main(argv: list[str]) -> int:
    """Run `harness run ARGS`: Hydra parses `argv` as its command line."""
    _single_run.clear()
    try:
        code = run_hydra_app(_job, "config", "harness run", argv)
    except JobFailed as failed:
        print(failed.message, file=sys.stderr)
        return failed.code
    for outcome in _single_run:
        if isinstance(outcome, HarnessError):
            raise outcome
        print(outcome.message, file=sys.stderr)
        return outcome.code
    return code
