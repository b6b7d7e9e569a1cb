"""Gate thresholds, read from the `configs/gate/` config group or any YAML file, with dotlist overrides."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from harness.errors import ConfigError

GATE_CONFIG_DIR = Path(__file__).resolve().parents[2] / "configs" / "gate"


class MetricRule(BaseModel):
    """Limits on one metric: an absolute bound and the largest change for the worse from the baseline.

    Which way is worse is what the metric's scorer declares (`metric_info` in the run's metrics.json).
    """

    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None
    max_drop: float | None = None


class GateConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    metrics: dict[str, MetricRule] = {}
    item_regressions: bool = True
    max_item_regressions: int = 0
    models: list[str] | None = None
    allow_failures: bool = False
    require_same_fingerprint: bool = True


def load_gate_config(name_or_path: str = "default", overrides: list[str] | None = None) -> GateConfig:
    """Load `configs/gate/<name>.yaml` (or a YAML path) and apply `key=value` overrides (OmegaConf dotlist);
    a rule set to null (`--set metrics.rouge1=null`) is dropped."""
    from omegaconf import OmegaConf
    from omegaconf.errors import OmegaConfBaseException

    path = Path(name_or_path)
    if not path.suffix:
        path = GATE_CONFIG_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        available = ", ".join(sorted(p.stem for p in GATE_CONFIG_DIR.glob("*.yaml")))
        raise ConfigError(f"{path}: gate config not found (config group gate/ has: {available})")
    try:
        config = OmegaConf.merge(OmegaConf.load(path), OmegaConf.from_dotlist(overrides or []))
        data = OmegaConf.to_container(config, resolve=True)
    except (OmegaConfBaseException, ValueError) as error:
        raise ConfigError(f"{path}: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("metrics"), dict):
        data["metrics"] = {name: rule for name, rule in data["metrics"].items() if rule is not None}
    try:
        return GateConfig.model_validate(data)
    except ValidationError as error:
        issue = error.errors()[0]
        field = ".".join(str(part) for part in issue["loc"])
        raise ConfigError(f"{path}: field '{field}': {issue['msg']}") from None
