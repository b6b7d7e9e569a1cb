"""Acceptance of the number scorer on the real goldset: planted numeric errors in the gold references are
flagged at least 95% of the time, and the unchanged references raise no flag at all."""

from __future__ import annotations

from pathlib import Path

from harness.cli import main
from harness.report.sensitivity import sensitivity
from harness.results.runs import load_run


def test_planted_number_errors_are_caught_and_references_stay_clean(tmp_path: Path) -> None:
    run = tmp_path / "run"
    assert main(["run", "--config-name", "sensitivity", f"hydra.run.dir={run}", "cache=false"]) == 0
    result = sensitivity([load_run(run)])
    planted = {kind: n for kind, n in result.planted.items() if kind.startswith("number/")}
    flagged = sum(result.flagged[kind] for kind in planted)
    assert {kind.split("/")[1] for kind in planted} >= {"value", "date", "qualifier", "magnitude", "unit"}
    assert sum(planted.values()) >= 50
    assert flagged / sum(planted.values()) >= 0.95
    assert result.clean_summaries == 3
    assert sum(result.clean_flags.values()) == 0
    assert (run / "sensitivity.md").exists()
