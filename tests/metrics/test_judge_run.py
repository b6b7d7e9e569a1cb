"""`harness run metrics=with_judge` on the built-in goldset against a local fake endpoint, then a cached rerun."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.cli import main
from harness.goldset.load import load_goldset
from harness.results.records import OutputRecord, SampleRecord, read_jsonl, read_summary
from tests.metrics.judge_server import JudgeServer, judge_server

pytestmark = pytest.mark.slow

SECRET = "sk-judge-secret-0123456789"


@pytest.fixture
def server() -> Iterator[JudgeServer]:
    with judge_server() as state:
        yield state


def run(server: JudgeServer, run_dir: Path, *extra: str) -> int:
    return main(
        [
            "run",
            "metrics=with_judge",
            f"metrics.judge.base_url={server.url}",
            "metrics.judge.model=fake-judge",
            "metrics.judge.api_key_env=HARNESS_JUDGE_KEY",
            "metrics.judge.backoff_s=0",
            "metrics.judge.progress=false",
            "+metrics.judge.usd_per_million_prompt_tokens=1.0",
            "+metrics.judge.usd_per_million_completion_tokens=4.0",
            "~summarizer@summarizers.textrank",
            "~summarizer@summarizers.oracle",
            f"hydra.run.dir={run_dir}",
            *extra,
        ]
    )


def test_with_judge_scores_the_built_in_goldset_and_a_rerun_sends_nothing(
    server: JudgeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HARNESS_JUDGE_KEY", SECRET)
    server.echo_key = True
    assert run(server, tmp_path / "first") == 0
    sent = len(server.requests)
    assert sent > 0
    assert all(request["model"] == "fake-judge" for request in server.requests)

    documents = {document.id: document.text for document in load_goldset().documents}
    samples = read_jsonl(tmp_path / "first" / "samples.jsonl", SampleRecord)
    judged = [finding for sample in samples for finding in sample.findings if finding.type == "judge"]
    assert {finding.verdict for finding in judged} >= {"supported", "unsupported"}
    for finding in judged:
        for evidence in finding.evidence:
            assert documents[evidence.document][evidence.start : evidence.end] == evidence.text
    assert any(finding.evidence for finding in judged if finding.verdict == "supported")
    assert sum(sample.metrics["judge_requests"] for sample in samples) == sent
    for sample in samples:
        assert 0.0 <= sample.metrics["judge_score"] <= 1.0 and sample.metrics["judge_prompt_tokens"] > 0

    for model, summary in read_summary(tmp_path / "first" / "metrics.json").models.items():
        mine = [sample.metrics for sample in samples if sample.model == model]
        assert summary.metrics["judge_prompt_tokens_total"] == sum(m["judge_prompt_tokens"] for m in mine)
        assert summary.metrics["judge_cost_usd_total"] == pytest.approx(sum(m["judge_cost_usd"] for m in mine))

    assert run(server, tmp_path / "second") == 0
    assert len(server.requests) == sent
    again = read_jsonl(tmp_path / "second" / "samples.jsonl", SampleRecord)
    assert [sample.findings for sample in again] == [sample.findings for sample in samples]
    assert all(sample.metrics["judge_requests"] == 0 for sample in again)

    assert any("***" in (finding.detail or "") for finding in judged), "the fake endpoint echoed the key"
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.parent.parent.name == "judge" for path in written)
    for path in written:
        assert SECRET not in path.read_bytes().decode("utf-8", "replace"), f"{path} holds the API key"


def test_sensitivity_experiment_runs_with_the_judge(
    server: JudgeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    code = main(
        [
            "run",
            "--config-name",
            "sensitivity",
            "metrics=with_judge",
            f"metrics.judge.base_url={server.url}",
            "metrics.judge.model=fake-judge",
            "metrics.judge.api_key_env=null",
            "metrics.judge.progress=false",
            f"hydra.run.dir={tmp_path / 'run'}",
        ]
    )
    assert code == 0
    samples = read_jsonl(tmp_path / "run" / "samples.jsonl", SampleRecord)
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert len({sample.model for sample in samples}) == len({output.model for output in outputs}) > 1
    assert all("judge_score" in sample.metrics for sample in samples)
    assert "planted error" in (tmp_path / "run" / "sensitivity.md").read_text()
