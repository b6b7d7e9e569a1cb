"""`harness meta-eval` with the model-based judges: the LLM judge at a local fake endpoint, and NLI on a tiny model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.cli import main
from tests.metrics.judge_server import JudgeServer, judge_server

DOCUMENT = "Russia invited 12 countries to the talks. The Taliban accepted the invitation. Kabul declined."
RECORDS = [
    ("a", "Russia invited 12 countries to the talks.", 1, "dev"),
    ("b", "Russia invited 30 countries to the talks.", 0, "dev"),
    ("c", "The Taliban accepted the invitation. Kabul declined.", 1, "test"),
    ("d", "The Taliban declined the invitation of 40 countries.", 0, "test"),
    ("e", "Kabul declined. Pigs can fly.", 0, "test"),
]


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    lines = [
        json.dumps({"id": id_, "document": DOCUMENT, "summary": summary, "label": label, "split": split})
        for id_, summary, label, split in RECORDS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def server() -> Iterator[JudgeServer]:
    with judge_server() as state:
        yield state


def meta_eval(labelled: Path, run_dir: Path, scorer: str) -> dict[str, object]:
    code = main(
        [
            "meta-eval",
            f"metaeval_data.path={labelled}",
            f"scorers=[{scorer}]",
            "bootstrap.resamples=50",
            f"hydra.run.dir={run_dir}",
        ]
    )
    assert code == 0
    summary: dict[str, object] = json.loads((run_dir / "metaeval.json").read_text(encoding="utf-8"))
    return summary


def test_meta_eval_runs_the_judge_with_two_rules_from_one_pass(
    server: JudgeServer, labelled: Path, tmp_path: Path
) -> None:
    scorer = (
        "{_target_: harness.metrics.judge.scorer.LlmJudgeScorer, "
        f"base_url: '{server.url}', model: fake-judge, api_key_env: null, window: 1, stride: null, "
        f"progress: false, cache_dir: '{tmp_path / 'cache'}', score: [findings, 'metric:judge_score']}}"
    )
    summary = meta_eval(labelled, tmp_path / "run", scorer)
    reports = {report["name"]: report for report in summary["scorers"]}  # type: ignore[attr-defined]
    assert set(reports) == {"judge findings", "judge metric:judge_score"}
    # one split call per summary, one verdict per sentence: scored once for both rules
    assert len(server.requests) == len(RECORDS) + sum(summary.count(".") for _, summary, _, _ in RECORDS)
    score = reports["judge metric:judge_score"]["summary"]
    assert score["threshold_basis"] == "dev"
    # dev a 1.0, b 0.0 -> threshold 0.0; test c 1.0 right, d 0.0 right, e 0.5 (one claim of two) taken as consistent
    assert score["threshold"] == 0.0
    assert score["balanced_accuracy"]["mean"] == pytest.approx(0.75)
    lines = [json.loads(line) for line in (tmp_path / "run" / "scores.jsonl").read_text().splitlines()]
    judged = {line["id"]: line["score"] for line in lines if line["scorer"] == "judge metric:judge_score"}
    assert judged == {"a": 1.0, "b": 0.0, "c": 1.0, "d": 0.0, "e": 0.5}

    sent = len(server.requests)
    meta_eval(labelled, tmp_path / "again", scorer)
    assert len(server.requests) == sent


@pytest.mark.slow
def test_meta_eval_runs_nli_on_a_local_model(labelled: Path, tmp_path: Path) -> None:
    pytest.importorskip("transformers")
    from tests.metrics.tiny_nli import build_tiny_nli

    model = build_tiny_nli(tmp_path / "tiny-nli", [DOCUMENT, *(summary for _, summary, _, _ in RECORDS)])
    scorer = (
        "{_target_: harness.metrics.nli.NliScorer, "
        f"model: '{model}', local_files_only: true, window: 2, score: 'metric:nli_score'}}"
    )
    summary = meta_eval(labelled, tmp_path / "run", scorer)
    (report,) = summary["scorers"]  # type: ignore[misc]
    assert report["name"] == "nli" and report["rule"] == "metric:nli_score"
    lines = [json.loads(line) for line in (tmp_path / "run" / "scores.jsonl").read_text().splitlines()]
    assert len(lines) == len(RECORDS)
    assert all(0.0 <= line["score"] <= 1.0 and line["score"] == line["metrics"]["nli_score"] for line in lines)


def test_an_unreachable_judge_or_a_missing_model_stops_meta_eval_before_scoring(
    labelled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with judge_server() as gone:
        url = gone.url
    judge = f"{{_target_: harness.metrics.judge.scorer.LlmJudgeScorer, base_url: '{url}', model: m}}"
    nli = f"{{_target_: harness.metrics.nli.NliScorer, model: '{tmp_path / 'no-model'}'}}"
    for scorer, message in ((judge, "cannot reach"), (nli, "does not exist")):
        arguments = [f"metaeval_data.path={labelled}", f"scorers=[{scorer}]", f"hydra.run.dir={tmp_path / 'run'}"]
        assert main(["meta-eval", *arguments]) == 2
        assert message in capsys.readouterr().err
    assert not (tmp_path / "run" / "scores.jsonl").exists()
