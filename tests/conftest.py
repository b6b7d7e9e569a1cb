"""Fixtures shared across test packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.runfiles import MakeRun, SampleSpec, write_run


@pytest.fixture
def make_run(tmp_path: Path) -> MakeRun:
    def make(name: str, models: dict[str, list[SampleSpec]], **kwargs: Any) -> Path:
        return write_run(tmp_path / name, models, **kwargs)

    return make
