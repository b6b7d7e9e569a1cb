"""Check a plug-in's settings against its constructor's type hints before building it, so `summarizer.k=five`
is "summarizer.k: expected an integer, got 'five'" rather than a TypeError from deep inside the model."""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from harness.errors import ConfigError

_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false"}


def _target(path: str) -> Any:
    module_name, _, attribute = path.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError):
        return None


def _accepts(hint: Any, value: Any) -> bool | None:
    """Whether `value` fits `hint`; None when the hint is not one this check understands."""
    if hint is Any:
        return True
    if hint in (int, str, bool):
        return isinstance(value, hint) and (hint is bool or not isinstance(value, bool))
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    origin = typing.get_origin(hint)
    if origin is Literal:
        return value in typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        answers = [_accepts(arg, value) if arg is not type(None) else value is None for arg in typing.get_args(hint)]
        if any(answers):
            return True
        return None if None in answers else False
    return None


def _expected(hint: Any) -> str:
    if typing.get_origin(hint) is Literal:
        return "one of " + ", ".join(repr(arg) for arg in typing.get_args(hint))
    args = typing.get_args(hint) or (hint,)
    return " or ".join(
        _NAMES.get(arg, "null" if arg is type(None) else getattr(arg, "__name__", str(arg))) for arg in args
    )


def check_settings(config: Mapping[str, Any], where: str) -> None:
    """Raise `ConfigError` naming `where.key` when a setting's value does not fit the constructor's type hint."""
    target = _target(str(config.get("_target_", "")))
    if not inspect.isclass(target):
        return
    try:
        hints = typing.get_type_hints(target.__init__)
    except Exception:
        return
    for key, value in config.items():
        if key.startswith("_") or key not in hints:
            continue
        if _accepts(hints[key], value) is False:
            raise ConfigError(f"{where}.{key}: expected {_expected(hints[key])}, got {value!r}")
