"""The sensitivity experiment on project-written articles outside the goldset, gold-free: every error kind is
planted, including relation swaps that no finder looks for, and the table reports each kind's recall."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.cli import main
from harness.report.sensitivity import sensitivity
from harness.results.runs import load_run

ROOT = Path(__file__).resolve().parents[2]


def test_errors_planted_in_other_articles_are_counted_per_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run = tmp_path / "run"
    assert main(["run", "--config-name", "sensitivity_general", f"hydra.run.dir={run}", "cache=false"]) == 0
    result = sensitivity([load_run(run)])
    kinds = {kind.split("/")[0] for kind, planted in result.planted.items() if planted}
    assert kinds == {"number", "entity", "quote", "negation", "relation"}
    assert result.clean_summaries == 4
    numbers = [kind for kind in result.planted if kind.startswith("number/")]
    assert sum(result.flagged[kind] for kind in numbers) >= 0.9 * sum(result.planted[kind] for kind in numbers)
    assert "relation/swap_participants" in (run / "sensitivity.md").read_text(encoding="utf-8")
