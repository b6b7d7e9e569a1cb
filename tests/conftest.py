"""Fixtures shared across test packages."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.runfiles import MakeRun, SampleSpec, write_run

# Tests never reach a model or dataset hub: anything not built locally must fail fast, not download.
for _variable in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ[_variable] = "1"


def _unbind_absl_from_captured_stderr() -> None:
    """absl (imported by rouge-score) binds its log handler to whatever `sys.stderr` is at import time: under
    pytest that is a capture stream, which absl then closes when a Hydra app in a later test reconfigures
    logging. Point it at the real stderr so test order cannot break output capture."""
    import absl.logging

    absl.logging.get_absl_handler().python_handler.stream = sys.__stderr__


_unbind_absl_from_captured_stderr()


@pytest.fixture
def make_run(tmp_path: Path) -> MakeRun:
    def make(name: str, models: dict[str, list[SampleSpec]], **kwargs: Any) -> Path:
        return write_run(tmp_path / name, models, **kwargs)

    return make
