"""The gate on the real default experiment: it holds against the committed baseline, and a worsened model
(lead-3 with one invented number) fails it with the sample and the claim named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main

BASELINE = Path(__file__).resolve().parents[2] / "results" / "baselines" / "default"


def test_default_experiment_holds_against_the_committed_baseline(tmp_path: Path) -> None:
    run = tmp_path / "run"
    assert main(["run", f"hydra.run.dir={run}", f"cache_dir={tmp_path / 'cache'}"]) == 0
    assert main(["gate", str(run), "--baseline", str(BASELINE)]) == 0


def test_a_worsened_model_fails_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = [json.loads(line) for line in (BASELINE / "outputs.jsonl").read_text().splitlines()]
    lead = next(record for record in outputs if record["model"] == "lead-3")
    text = lead["output"]["text"]
    assert "several countries" in text
    predictions = tmp_path / "worse.jsonl"
    worse = text.replace("several countries", "14 countries")
    predictions.write_text(json.dumps({"id": lead["id"], "summary": worse}) + "\n")
    run = tmp_path / "run"
    overrides = ["summarizer=predictions", f"summarizer.path={predictions}", "summarizer.name=lead-3"]
    assert main(["run", *overrides, f"hydra.run.dir={run}", f"cache_dir={tmp_path / 'cache'}"]) == 0
    capsys.readouterr()
    junit = tmp_path / "gate.xml"
    code = main(["gate", str(run), "--baseline", str(BASELINE), "--set", "models=[lead-3]", "--junit", str(junit)])
    assert code == 1
    out = capsys.readouterr().out
    assert f"sample {lead['id']} passed in the baseline and now fails: number '14 countries' contradicted" in out
    assert "number_precision fell from 1.0000" in out
