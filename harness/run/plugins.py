"""Build the models and scorers a config names, through Hydra `instantiate`, with errors a user can act on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from omegaconf import DictConfig, OmegaConf

from harness.errors import ConfigError, HarnessError
from harness.run.settings_check import check_settings

NAME_KEY = "name"


@dataclass(frozen=True)
class ModelSpec:
    """One model of a run: its display name and its resolved config (without `name`)."""

    name: str
    config: dict[str, Any]
    where: str
    """The config key it came from, for error messages (`summarizers.lead`)."""


def _plain(node: Any, where: str) -> dict[str, Any]:
    if not isinstance(node, DictConfig):
        raise ConfigError(f"{where}: expected a config with a `_target_`, got {node!r}")
    plain = OmegaConf.to_container(node, resolve=True)
    assert isinstance(plain, dict)
    if "_target_" not in plain:
        raise ConfigError(f"{where}: no `_target_`; name the class to build (see the files in configs/)")
    return {str(key): value for key, value in plain.items()}


def model_specs(cfg: DictConfig, single: str, several: str) -> list[ModelSpec]:
    """The model chosen with `single=X` alone when set, else every model of the `several` set, in config order.

    An entry set to null (`summarizers.oracle=null`) is left out, so a config can drop a model it inherited.
    """
    chosen = cfg.get(single)
    if chosen is not None:
        entries: list[tuple[str, Any]] = [(single, chosen)]
    else:
        group = cfg.get(several) or {}
        entries = [(f"{several}.{key}", node) for key, node in group.items() if node is not None]
    if not entries:
        raise ConfigError(f"no model to run: choose one with `{single}=NAME` or list some under `{several}`")
    specs: list[ModelSpec] = []
    seen: dict[str, str] = {}
    for where, node in entries:
        config = _plain(node, where)
        name = str(config.pop(NAME_KEY, None) or where.rsplit(".", 1)[-1])
        if name in seen:
            raise ConfigError(
                f"{where} and {seen[name]} are both named '{name}'; give one another `name:` so results stay apart"
            )
        seen[name] = where
        specs.append(ModelSpec(name=name, config=config, where=where))
    return specs


def build(config: Mapping[str, Any] | DictConfig, where: str) -> Any:
    """Instantiate a `_target_` config; a `HarnessError` raised while building is re-raised as itself."""
    from hydra.errors import InstantiationException
    from hydra.utils import instantiate

    plain = _plain(config, where) if isinstance(config, DictConfig) else dict(config)
    check_settings({str(key): value for key, value in plain.items()}, where)
    try:
        return instantiate(plain, _convert_="all")
    except InstantiationException as error:
        cause: BaseException | None = error
        while cause is not None:
            if isinstance(cause, HarnessError):
                raise cause from None
            cause = cause.__cause__ or cause.__context__
        root = error.__cause__ or error
        detail = " ".join(str(root).split())
        raise ConfigError(f"{where}: cannot build {plain.get('_target_')}: {type(root).__name__}: {detail}") from None


def scorer_settings(cfg: DictConfig | None) -> dict[str, Any]:
    """A scorer group (name -> `_target_` config) as plain data; entries set to null are switched off."""
    if cfg is None:
        return {}
    plain = OmegaConf.to_container(cfg, resolve=True)
    assert isinstance(plain, dict)
    return {str(key): value for key, value in plain.items() if value is not None}


def build_scorers(settings: Mapping[str, Any], group: str) -> dict[str, Any]:
    """Instantiate every scorer; a `ScorerUnavailableError` (missing extra or model) stops the run here."""
    scorers: dict[str, Any] = {}
    for key, config in settings.items():
        where = f"{group}.{key}"
        if not isinstance(config, Mapping) or "_target_" not in config:
            raise ConfigError(f"{where}: expected a scorer config with a `_target_`, got {config!r}")
        scorer = build(config, where)
        if not callable(getattr(scorer, "score", None)):
            raise ConfigError(f"{where}: {config['_target_']} has no score() method, so it is not a scorer")
        scorers[key] = scorer
    return scorers
