"""The `batch_size` setting of models with a batch method: how many inputs the runner hands them per call."""

from __future__ import annotations

from harness.errors import ConfigError


def batch_size_setting(where: str, value: int | None, default: int) -> int:
    """`value` checked (a whole number, 1 or more), or `default` when it is None."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: batch_size must be a whole number, 1 or more (or null), got {value!r}")
    return value
