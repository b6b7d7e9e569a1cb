"""`harness run` as a user runs it: Hydra overrides, run directories, predictions files, datasets, multirun."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.results.records import OutputRecord, SampleRecord, read_jsonl, read_summary
from tests.run.run_toys import FirstWordsSummarizer, KeyedSummarizer, WordScorer, target

CLUSTER = "moscow-talks-2018"


@pytest.fixture
def extra_configs(tmp_path: Path) -> list[str]:
    """A user's own config folder (`--config-dir`) with a toy summarizer, a keyed model and a toy scorer."""
    root = tmp_path / "my-configs"
    files = {
        "summarizer/toy.yaml": f"_target_: {target(FirstWordsSummarizer)}\nname: toy\nwords: 3\nfail_on: []\n",
        "summarizer/keyed.yaml": (
            f"_target_: {target(KeyedSummarizer)}\nname: hosted\napi_key: ${{oc.env:TOY_API_KEY}}\n"
        ),
        "metrics/toy.yaml": f"words:\n  _target_: {target(WordScorer)}\n  unavailable: false\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return ["--config-dir", str(root), "metrics=toy"]


def harness_run(*args: str) -> int:
    return main(["run", *args])


def test_a_predictions_file_is_scored_into_the_run_dir(
    tmp_path: Path, extra_configs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps({"id": CLUSTER, "summary": "Taliban Moscow talks zzqx 77."}) + "\n")
    run_dir = tmp_path / "run"

    assert (
        harness_run(
            *extra_configs, "summarizer=predictions", f"summarizer.path={predictions}", f"hydra.run.dir={run_dir}"
        )
        == 0
    )

    (sample,) = read_jsonl(run_dir / "samples.jsonl", SampleRecord)
    # taliban, moscow, talks are in the sources; zzqx and 77 are not, and "77" is an unsupported number.
    assert (sample.id, sample.model, sample.metrics) == (
        CLUSTER,
        "predictions",
        {"word_precision": 0.6, "flagged": 1.0},
    )
    assert read_summary(run_dir / "metrics.json").models["predictions"].verdict_counts == {"number": {"unsupported": 1}}
    assert (run_dir / ".hydra" / "overrides.yaml").exists()
    assert (run_dir / "config.yaml").exists()
    printed = capsys.readouterr().out
    assert "predictions" in printed and f"Results: {run_dir}" in printed


def test_a_malformed_predictions_file_is_an_error_naming_its_line(
    tmp_path: Path, extra_configs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps({"id": CLUSTER, "summary": "fine"}) + "\n{not json\n")

    code = harness_run(
        *extra_configs, "summarizer=predictions", f"summarizer.path={predictions}", f"hydra.run.dir={tmp_path / 'run'}"
    )

    assert code == 2
    error = capsys.readouterr().err
    assert f"harness run: error: {predictions}, line 2: not valid JSON" in error
    assert "Traceback" not in error


def test_a_model_failure_ends_the_run_with_status_1_and_lists_it(
    tmp_path: Path, extra_configs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = tmp_path / "run"
    code = harness_run(*extra_configs, "summarizer=toy", f"summarizer.fail_on=[{CLUSTER}]", f"hydra.run.dir={run_dir}")

    assert code == 1
    assert f"toy / {CLUSTER} (model): ModelError: cannot summarize {CLUSTER}" in capsys.readouterr().err
    (output,) = read_jsonl(run_dir / "outputs.jsonl", OutputRecord)
    assert output.error == f"ModelError: cannot summarize {CLUSTER}"
    assert read_summary(run_dir / "metrics.json").models["toy"].n_failed == 1


def test_an_unavailable_scorer_stops_the_run_with_its_message(
    tmp_path: Path, extra_configs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = harness_run(*extra_configs, "summarizer=toy", "metrics.words.unavailable=true", f"hydra.run.dir={tmp_path}")
    assert code == 2
    assert "the toy model is not installed; pip install toy" in capsys.readouterr().err


def test_an_unknown_option_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert harness_run("summarizer=no-such-model", f"hydra.run.dir={tmp_path}") == 2
    assert "Could not find 'summarizer/no-such-model'" in capsys.readouterr().err


def test_the_document_unit_and_the_cache_override(tmp_path: Path, extra_configs: list[str]) -> None:
    args = [*extra_configs, "summarizer=toy", "task.unit=document"]
    assert harness_run(*args, f"hydra.run.dir={tmp_path / 'a'}") == 0
    assert harness_run(*args, f"hydra.run.dir={tmp_path / 'b'}") == 0
    assert harness_run(*args, "cache=false", f"hydra.run.dir={tmp_path / 'c'}") == 0

    cached = {run: [o.cached for o in read_jsonl(tmp_path / run / "outputs.jsonl", OutputRecord)] for run in "abc"}
    assert cached == {"a": [False] * 5, "b": [True] * 5, "c": [False] * 5}


def test_secret_values_given_on_the_command_line_are_never_written(
    tmp_path: Path, extra_configs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOY_API_KEY", "sk-from-env-1234")
    run_dir = tmp_path / "run"
    assert (
        harness_run(*extra_configs, "summarizer=keyed", "summarizer.api_key=sk-typed-5678", f"hydra.run.dir={run_dir}")
        == 0
    )

    written = [path for path in tmp_path.rglob("*") if path.is_file() and "my-configs" not in path.parts]
    assert any(path.name == "hydra.yaml" for path in written)
    leaks = [path for path in written if "sk-typed-5678" in path.read_text() or "sk-from-env-1234" in path.read_text()]
    assert leaks == []
    assert "summarizer.api_key=***" in (run_dir / ".hydra" / "overrides.yaml").read_text()


def test_a_local_jsonl_dataset_is_scored_gold_free(tmp_path: Path, extra_configs: list[str]) -> None:
    data = tmp_path / "data.jsonl"
    rows = [
        {"doc": "Twelve countries were invited to Moscow.", "ref": "Twelve countries invited."},
        {"doc": "Kabul declined the invitation.", "ref": "Kabul declined."},
    ]
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    run_dir = tmp_path / "run"
    overrides = [
        "goldset=hf_dataset",
        "goldset.path=json",
        f"goldset.data_files={data}",
        "goldset.split=train",
        "goldset.document_column=doc",
        "goldset.summary_column=ref",
        f"goldset.cache_dir={tmp_path / 'hf'}",
    ]

    assert harness_run(*extra_configs, "summarizer=toy", *overrides, f"hydra.run.dir={run_dir}") == 0

    outputs = read_jsonl(run_dir / "outputs.jsonl", OutputRecord)
    assert [(o.id, o.output["text"]) for o in outputs] == [
        ("train-0", "Twelve countries were"),
        ("train-1", "Kabul declined the"),
    ]
    summary = read_summary(run_dir / "metrics.json")
    assert summary.dataset == f"json:{data}[train]"
    assert summary.models["toy"].metrics == {"flagged": 0.0, "word_precision": 1.0}


@pytest.mark.slow
def test_a_joblib_multirun_makes_one_run_dir_per_job(tmp_path: Path, extra_configs: list[str]) -> None:
    sweep = tmp_path / "sweep"
    code = harness_run(
        "-m",
        *extra_configs,
        "hydra/launcher=joblib",
        "hydra.launcher.n_jobs=2",
        f"hydra.sweep.dir={sweep}",
        "summarizer=toy",
        "summarizer.words=2,4",
    )

    assert code == 0
    texts = {
        job: read_jsonl(sweep / job / "outputs.jsonl", OutputRecord)[0].output["text"].split() for job in ("0", "1")
    }
    assert {job: len(words) for job, words in texts.items()} == {"0": 2, "1": 4}
    assert all((sweep / job / "metrics.json").exists() for job in ("0", "1"))


def test_help_lists_the_config_groups(capsys: pytest.CaptureFixture[str]) -> None:
    assert harness_run("--help") == 0
    printed = capsys.readouterr().out
    assert printed.startswith("harness run: score summarizers")
    assert "goldset: hf_dataset, moscow-talks-2018, pairs\n" in printed
    assert "task: extract, summarize\n" in printed


@pytest.mark.slow
def test_the_default_experiment_scores_every_built_in_summarizer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert harness_run(f"hydra.run.dir={tmp_path}") == 0

    summary = read_summary(tmp_path / "metrics.json")
    assert list(summary.models) == ["lead-3", "textrank", "oracle", "reference", "corrupt-references"]
    assert 0.0 < summary.models["reference"].metrics["rouge1"] < 1.0  # scored against the other references
    assert summary.models["reference"].metrics["flagged"] == 0.0
    assert summary.models["corrupt-references"].metrics["flagged"] == 1.0
    (planted,) = [o for o in read_jsonl(tmp_path / "outputs.jsonl", OutputRecord) if o.model == "corrupt-references"]
    assert len(planted.output["metadata"]["planted"]) == 1
    printed = capsys.readouterr().out
    assert "summarize on moscow-talks-2018" in printed and "corrupt-references" in printed
    table_lines = [line for line in (tmp_path / "table.md").read_text().splitlines() if line.startswith("| ")]
    assert len(table_lines) == 7  # header, alignment row, five models


def test_the_extract_task_records_claim_sets_and_their_scores(tmp_path: Path) -> None:
    assert harness_run("task=extract", f"hydra.run.dir={tmp_path}") == 0

    outputs = read_jsonl(tmp_path / "outputs.jsonl", OutputRecord)
    assert [(o.model, o.task) for o in outputs] == [("rules", "extract")] * 5
    assert set(outputs[0].output) == {"layers", "numbers", "entities", "quotes", "events"}
    model = read_summary(tmp_path / "metrics.json").models["rules"]
    assert model.n_samples == 5 and 0.0 <= model.metrics["micro_entity_strict_f1"] <= 1.0


def test_a_failing_job_of_a_multirun_fails_the_sweep_after_every_job_ran(
    tmp_path: Path, extra_configs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sweep = tmp_path / "sweep"
    code = harness_run(
        "-m", *extra_configs, f"hydra.sweep.dir={sweep}", "summarizer=toy", f"summarizer.fail_on=[{CLUSTER}],[]"
    )

    assert code == 1
    assert f"toy / {CLUSTER} (model)" in capsys.readouterr().err
    assert [read_summary(sweep / job / "metrics.json").models["toy"].n_failed for job in ("0", "1")] == [1, 0]


def test_the_run_mode_is_not_looked_up_by_composing_the_config_twice() -> None:
    import yaml

    from harness.core.paths import config_dir
    from harness.hydra_app import mode_is_plain

    for path in config_dir().rglob("*.yaml"):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert "mode" not in (loaded.get("hydra") or {}), f"{path} sets hydra.mode: the run mode must be looked up"
    assert mode_is_plain(["summarizer=lead", "-m", "shard=1/2,2/2"])
    assert not mode_is_plain(["hydra.mode=MULTIRUN"])
    assert not mode_is_plain(["--config-dir", "elsewhere"])
    assert not mode_is_plain(["--config-name=other"])
