"""Every `harness` command scores with the collector's young generation paced for many acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from harness.cli import main
from harness.run.collector import YOUNG_GENERATION, pace_for_scoring


@pytest.fixture
def default_threshold() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_pace_raises_only_the_young_generation(default_threshold: None) -> None:
    pace_for_scoring()
    assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)


def test_a_collector_switched_off_by_threshold_stays_off(default_threshold: None) -> None:
    gc.set_threshold(0, 10, 10)
    pace_for_scoring()
    assert gc.get_threshold()[0] == 0


def test_a_larger_pace_set_by_the_user_is_kept(default_threshold: None) -> None:
    gc.set_threshold(YOUNG_GENERATION * 4, 5, 5)
    pace_for_scoring()
    assert gc.get_threshold() == (YOUNG_GENERATION * 4, 5, 5)


def test_a_command_paces_the_collector_before_it_runs(default_threshold: None) -> None:
    assert main(["gate", "--help"]) == 0
    assert gc.get_threshold()[0] == YOUNG_GENERATION


def test_help_alone_leaves_the_collector_as_it_was(default_threshold: None) -> None:
    assert main(["--help"]) == 0
    assert gc.get_threshold() == (700, 10, 10)
