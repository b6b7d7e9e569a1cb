"""Running a Hydra app (`harness run`, `harness meta-eval`) from the dispatcher with an explicit argv.

Hydra reads `sys.argv`; this sets it for the call and restores it, keeps Hydra from swallowing our own
errors (HYDRA_FULL_ERROR), and turns Hydra's exits and config errors into an exit code or a ConfigError.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from omegaconf import DictConfig

from harness.errors import ConfigError

FULL_ERROR_ENV = "HYDRA_FULL_ERROR"
OWN_CONFIG_OPTIONS = ("--config-dir", "-cd", "--config-path", "-cp", "--config-name", "-cn")
"""Options that point Hydra at other configs, which may set `hydra.mode` themselves."""


def mode_is_plain(argv: list[str]) -> bool:
    """Whether Hydra can be told the run mode without composing the config once more to look it up.

    Hydra composes the whole config a first time only to read `hydra.mode`, which this project's configs
    never set: unless the command line sets it or points at other configs, the mode is the one `-m` asks for.
    """
    return not any("hydra.mode" in arg or arg.split("=")[0] in OWN_CONFIG_OPTIONS for arg in argv)


def run_hydra_app(job: Callable[[DictConfig], None], config_name: str, prog: str, argv: list[str]) -> int:
    """Run `job` as a Hydra app over `configs/<config_name>.yaml`; the exit code Hydra asked for, else 0."""
    import hydra
    from hydra._internal.hydra import Hydra
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    from harness.core.paths import config_dir

    app = hydra.main(config_path=str(config_dir()), config_name=config_name, version_base="1.3")(job)
    saved_argv, saved_full_error = sys.argv, os.environ.get(FULL_ERROR_ENV)
    saved_get_mode = Hydra.__dict__.get("get_mode")
    sys.argv = [prog, *argv]
    os.environ[FULL_ERROR_ENV] = "1"
    if saved_get_mode is not None and mode_is_plain(argv):
        Hydra.get_mode = lambda self, config_name, overrides: None  # type: ignore[method-assign]
    try:
        app()
    except SystemExit as exit_request:
        return exit_request.code if isinstance(exit_request.code, int) else 1
    except (HydraException, OmegaConfBaseException) as error:
        raise ConfigError(str(error)) from None
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        raise ConfigError(f"{where}{error.strerror or error}; check the output folder (hydra.run.dir=DIR)") from None
    finally:
        if saved_get_mode is not None:
            Hydra.get_mode = saved_get_mode  # type: ignore[method-assign]
        sys.argv = saved_argv
        if saved_full_error is None:
            os.environ.pop(FULL_ERROR_ENV, None)
        else:
            os.environ[FULL_ERROR_ENV] = saved_full_error
    return 0
