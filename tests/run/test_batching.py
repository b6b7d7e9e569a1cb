"""The runner hands models with a batch method several samples per call and caches each answer as it comes."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from omegaconf import OmegaConf

from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster
from harness.results.records import OUTPUTS_FILE, OutputRecord, read_jsonl
from harness.run.pipeline import RunResult, run_experiment
from harness.run.writer import partial_name
from tests.models.chat_server import serving
from tests.run.run_toys import target, toy_config, write_goldset

TEXTS = {f"d{number:02d}": f"Document {number} says {number + 10} people met on Monday." for number in range(10)}
CLUSTERS = [f"c-{doc_id}" for doc_id in TEXTS]


class BatchSummarizer:
    """The first sentence of each cluster, `batch_size` at a time; logs each batch's cluster ids.

    Fails on the clusters of `fail_on` (an error in that cluster's place) and stops the run as Ctrl-C does on
    `stop_at` while `stop_file` exists.
    """

    def __init__(
        self,
        log: str,
        batch_size: int = 4,
        fail_on: Sequence[str] = (),
        stop_at: str | None = None,
        stop_file: str | None = None,
    ) -> None:
        self.log = Path(log)
        self.batch_size = batch_size
        self.fail_on = tuple(fail_on)
        self.stop_at = stop_at
        self.stop_file = Path(stop_file) if stop_file else None

    def summarize(self, cluster: SourceCluster) -> str:
        answer = self.summarize_many([cluster])[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def summarize_many(self, clusters: Sequence[SourceCluster]) -> list[str | ModelError]:
        ids = [cluster.id for cluster in clusters]
        if self.stop_at in ids and self.stop_file is not None and self.stop_file.exists():
            raise KeyboardInterrupt
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write(" ".join(ids) + "\n")
        return [
            ModelError(f"cannot summarize {cluster.id}")
            if cluster.id in self.fail_on
            else cluster.documents[0].text.split(".")[0] + "."
            for cluster in clusters
        ]


@pytest.fixture
def goldset(tmp_path: Path) -> Path:
    return write_goldset(tmp_path / "goldset", TEXTS)


def run(config: dict[str, Any], run_dir: Path) -> RunResult:
    return run_experiment(OmegaConf.create(config), run_dir)


def batches(log: Path) -> list[list[str]]:
    return [line.split() for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def batch_model(log: Path, **params: Any) -> dict[str, Any]:
    return {"_target_": target(BatchSummarizer), "name": "batch", "log": str(log), **params}


def test_uncached_samples_go_to_the_model_in_batches_and_records_keep_sample_order(
    goldset: Path, tmp_path: Path
) -> None:
    log = tmp_path / "batches.log"
    config = toy_config(goldset, tmp_path / "cache", batch=batch_model(log, fail_on=["c-d05"]))
    result = run(config, tmp_path / "run")
    assert batches(log) == [CLUSTERS[0:4], CLUSTERS[4:8], CLUSTERS[8:10]]
    outputs = read_jsonl(tmp_path / "run" / "outputs.jsonl", OutputRecord)
    assert [output.id for output in outputs] == CLUSTERS
    assert outputs[1].output == {"text": "Document 1 says 11 people met on Monday.", "metadata": {}}
    assert outputs[5].error == "ModelError: cannot summarize c-d05" and outputs[5].output is None
    assert [failure.id for failure in result.failures["batch"]] == ["c-d05"]
    assert result.model_calls == 10

    run(config, tmp_path / "again")
    assert batches(log) == [CLUSTERS[0:4], CLUSTERS[4:8], CLUSTERS[8:10], ["c-d05"]]


def test_an_interrupted_batch_run_keeps_every_finished_batch_in_the_cache(goldset: Path, tmp_path: Path) -> None:
    log, stop = tmp_path / "batches.log", tmp_path / "stop"
    stop.touch()
    config = toy_config(goldset, tmp_path / "cache", batch=batch_model(log, stop_at="c-d06", stop_file=str(stop)))
    with pytest.raises(KeyboardInterrupt):
        run(config, tmp_path / "run")
    assert len(read_jsonl(tmp_path / "run" / partial_name(OUTPUTS_FILE), OutputRecord)) == 4
    stop.unlink()
    result = run(config, tmp_path / "again")
    assert batches(log) == [CLUSTERS[0:4], CLUSTERS[4:8], CLUSTERS[8:10]]
    assert result.model_calls == 6


def test_a_bad_batch_size_is_a_config_error(goldset: Path, tmp_path: Path) -> None:
    config = toy_config(goldset, tmp_path / "cache", batch=batch_model(tmp_path / "log", batch_size=0))
    with pytest.raises(ConfigError, match="batch_size"):
        run(config, tmp_path / "run")


def test_ten_requests_at_one_second_latency_take_two_seconds_with_concurrency_eight(
    goldset: Path, tmp_path: Path
) -> None:
    with serving() as server:
        server.default = (200, "Ten people met.", 1.0)
        chat = {
            "_target_": "harness.models.summarizers.openai_chat.OpenAIChatSummarizer",
            "name": "chat",
            "base_url": server.url,
            "model": "tiny-chat",
            "api_key_env": None,
            "concurrency": 8,
        }
        started = time.perf_counter()
        result = run(toy_config(goldset, tmp_path / "cache", chat=chat), tmp_path / "run")
        elapsed = time.perf_counter() - started
    assert result.exit_code == 0 and result.model_calls == 10
    assert len(server.requests) == 10 and server.most_in_flight == 8
    assert server.first_request_at is not None and server.last_answer_at is not None
    assert 2.0 <= server.last_answer_at - server.first_request_at < 3.0
    assert elapsed < 6.0
