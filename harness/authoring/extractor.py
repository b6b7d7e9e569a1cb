"""Build an extractor of `configs/extractor/` by name with Hydra overrides, as `harness run task=extract` does."""

from __future__ import annotations

from typing import cast

from harness.errors import ConfigError
from harness.models.protocols import Extractor


def build_extractor(overrides: list[str]) -> Extractor:
    """`extractor=rules` (the default) plus overrides such as `extractor.layers=[numbers,entities]`."""
    from hydra import compose, initialize_config_dir
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    from harness.core.paths import config_dir
    from harness.run.plugins import build, model_specs

    if not any(override.startswith("extractor=") for override in overrides):
        overrides = ["extractor=rules", *overrides]
    try:
        with initialize_config_dir(config_dir=str(config_dir()), version_base="1.3"):
            config = compose(config_name="config", overrides=overrides)
    except (HydraException, OmegaConfBaseException) as error:
        raise ConfigError(f"extractor: {error}") from None
    spec = model_specs(config, "extractor", "extractors")[0]
    extractor = build(spec.config, spec.where)
    if not isinstance(extractor, Extractor):
        raise ConfigError(f"{spec.where}: {type(extractor).__name__} has no extract(document) method")
    return cast(Extractor, extractor)
