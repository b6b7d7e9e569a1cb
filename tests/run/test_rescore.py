"""`harness score RUN`: a run's stored outputs scored again with other scorers, calling no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.cli import main
from harness.errors import InputFileError, ModelError
from harness.models.protocols import SourceCluster, SourceDocument
from harness.results.records import Fingerprint, OutputRecord, SampleRecord, read_jsonl, read_summary
from harness.run.rescore import StoredOutputs
from tests.run.run_toys import FirstWordsSummarizer, WordScorer, target


@pytest.fixture
def finished_run(tmp_path: Path) -> tuple[Path, Path]:
    root, calls = tmp_path / "configs", tmp_path / "calls.log"
    (root / "summarizer").mkdir(parents=True)
    (root / "metrics").mkdir()
    (root / "summarizer" / "toy.yaml").write_text(
        f"_target_: {target(FirstWordsSummarizer)}\nname: toy\nwords: 12\ncalls_log: {calls}\n"
    )
    (root / "metrics" / "toy.yaml").write_text(f"words:\n  _target_: {target(WordScorer)}\n")
    run = tmp_path / "run"
    assert main(["run", "--config-dir", str(root), "summarizer=toy", "metrics=toy", f"hydra.run.dir={run}"]) == 0
    assert calls.read_text().splitlines() == ["moscow-talks-2018"]
    return run, calls


def test_scoring_again_with_the_same_scorers_gives_the_same_results(
    finished_run: tuple[Path, Path], tmp_path: Path
) -> None:
    run, calls = finished_run
    again = tmp_path / "again"
    assert main(["score", str(run), "-o", str(again)]) == 0
    assert calls.read_text().splitlines() == ["moscow-talks-2018"]
    old, new = (read_jsonl(folder / "samples.jsonl", SampleRecord) for folder in (run, again))
    assert [(s.model, s.id, s.metrics) for s in new] == [(s.model, s.id, s.metrics) for s in old]
    assert read_summary(again / "metrics.json").fingerprint == read_summary(run / "metrics.json").fingerprint


def test_other_scorers_score_the_stored_outputs(finished_run: tuple[Path, Path], tmp_path: Path) -> None:
    run, calls = finished_run
    other = tmp_path / "other"
    overrides = ["metrics=default", "metrics.events=null", "metrics.entities=null", "metrics.quotes=null"]
    assert main(["score", str(run), *overrides, "-o", str(other)]) == 0
    assert calls.read_text().splitlines() == ["moscow-talks-2018"]
    (sample,) = read_jsonl(other / "samples.jsonl", SampleRecord)
    assert "rouge1" in sample.metrics and "number_claims" in sample.metrics
    assert "word_precision" not in sample.metrics and not any(name.startswith("event_") for name in sample.metrics)
    summary = read_summary(other / "metrics.json")
    assert summary.info("number_flagged").direction == "lower"


def test_only_scorer_overrides_are_taken(
    finished_run: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run, _ = finished_run
    assert main(["score", str(run), "summarizer.words=3", "-o", str(tmp_path / "x")]) == 2
    assert "changes only the scorers" in capsys.readouterr().err


def _output_line(sample: str, model: str, text: str | None, error: str | None = None) -> str:
    record = OutputRecord(
        id=sample,
        model=model,
        task="summarize",
        output=None if text is None else {"text": text},
        error=error,
        fingerprint=Fingerprint(harness_version="0", goldset="g", scorers="s"),
    )
    return record.model_dump_json() + "\n"


def test_stored_outputs_answer_from_the_file_as_asked(tmp_path: Path) -> None:
    path = tmp_path / "outputs.jsonl"
    path.write_text(
        _output_line("c1", "a", "first")
        + _output_line("c1", "b", "other model")
        + "\n"
        + _output_line("c2", "a", None, error="timed out")
        + _output_line("c1", "a", "rerun"),
        encoding="utf-8",
    )
    stored = StoredOutputs(str(path), "a")
    cluster = SourceCluster(id="c1", documents=(SourceDocument(id="d", text="t"),))
    assert stored.summarize(cluster).text == "rerun"  # the last line for an id, as the run wrote it
    with pytest.raises(ModelError, match="stored output failed: timed out"):
        stored.summarize(SourceCluster(id="c2", documents=cluster.documents))
    with pytest.raises(ModelError, match="no stored output of 'a' for 'c3'"):
        stored.summarize(SourceCluster(id="c3", documents=cluster.documents))


@pytest.mark.parametrize(
    ("bad", "message"), [(b"{not json\n", "Invalid JSON"), (b'{"id": "caf\xe9"}\n', "invalid unicode")]
)
def test_a_bad_stored_output_line_is_named_before_any_scoring(tmp_path: Path, bad: bytes, message: str) -> None:
    path = tmp_path / "outputs.jsonl"
    path.write_bytes(_output_line("c1", "a", "fine").encode() + bad)
    with pytest.raises(InputFileError, match=message) as raised:
        StoredOutputs(str(path), "a")
    assert raised.value.line == 2
