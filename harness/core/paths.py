"""Where the runner finds its configs and keeps its cache, in a checkout or an editable install alike."""

from __future__ import annotations

import os
from pathlib import Path

from harness.errors import ConfigError

CONFIG_DIR_ENV = "HARNESS_CONFIG_DIR"
CACHE_DIR_ENV = "HARNESS_CACHE_DIR"
PRIMARY_CONFIG = "config.yaml"


def repo_root() -> Path | None:
    """The checkout the package was loaded from (it holds `pyproject.toml`), or None for a plain install."""
    candidate = Path(__file__).resolve().parents[2]
    return candidate if (candidate / "pyproject.toml").is_file() else None


def config_dir() -> Path:
    """The `configs/` folder: `$HARNESS_CONFIG_DIR`, else the one beside the package, else `./configs`."""
    candidates: list[Path] = []
    if os.environ.get(CONFIG_DIR_ENV):
        candidates.append(Path(os.environ[CONFIG_DIR_ENV]))
    root = repo_root()
    if root is not None:
        candidates.append(root / "configs")
    candidates.append(Path.cwd() / "configs")
    for candidate in candidates:
        if (candidate / PRIMARY_CONFIG).is_file():
            return candidate.resolve()
    tried = ", ".join(str(candidate) for candidate in candidates)
    raise ConfigError(
        f"no {PRIMARY_CONFIG} found (looked in {tried}); run from a checkout of fact-harness "
        f"or set ${CONFIG_DIR_ENV} to its configs/ folder"
    )


def default_cache_dir() -> Path:
    """`$HARNESS_CACHE_DIR`, else the platform's user cache folder (`~/.cache/fact-harness` on Linux).

    Outside the checkout, so an editable install never carries cached outputs and `git clean` keeps them.
    """
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("fact-harness"))
