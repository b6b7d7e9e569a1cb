"""Model names that are local folders: say at once when one does not exist, and honour `HF_HUB_OFFLINE`.

A name that looks like a path (`./m`, `/models/bart`, `~/m`, `C:\\m`) or names an existing folder is a local
model; anything else is a hub name. A missing local folder is an error before any download is tried, so a
typo costs no hub retries.
"""

from __future__ import annotations

import os
from pathlib import Path

from harness.errors import ConfigError

OFFLINE_ENV = "HF_HUB_OFFLINE"


def looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~", "\\")) or (len(name) > 1 and name[1] == ":") or Path(name).exists()


def local_folder(name: str | None, what: str) -> Path | None:
    """The folder `name` names, or None for a hub name; a path that does not exist raises `ConfigError`."""
    if not name or not looks_like_path(name):
        return None
    path = Path(name).expanduser()
    if not path.exists():
        raise ConfigError(
            f"{what}: cannot load model {name!r}: the path does not exist; give an existing folder or a hub name"
        )
    return path


def offline() -> bool:
    """True when `HF_HUB_OFFLINE` is set to a true value: load from local files and the hub cache only."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}
