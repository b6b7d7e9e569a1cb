"""A run's memory does not grow with its number of samples: samples are built one at a time, records are folded
into running sums, and nothing after the run loads every record back."""

from __future__ import annotations

import random
import statistics
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from omegaconf import OmegaConf

from harness.models.protocols import SourceCluster, SourceDocument, Summary
from harness.report.after_run import SENSITIVITY_FILE, any_planted, show_sensitivity
from harness.results.records import Fingerprint, SampleRecord, read_summary
from harness.run.fingerprint import sha256_json, sha256_json_items
from harness.run.parallel import IN_FLIGHT
from harness.run.pipeline import run_experiment
from harness.run.samples import Sample
from harness.run.summary import ExactSum, ModelTally
from harness.run.tasks import FindingsCap
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding
from tests.run.run_toys import FirstWordsSummarizer, WordScorer, target, toy_config, write_goldset


class LiveSamplesSource:
    """`count` generated samples, handed out one at a time; it remembers how many were alive at once at most."""

    most_alive = 0

    def __init__(self, count: int) -> None:
        self.count = count
        self.name = f"generated-{count}"

    def digest(self) -> str:
        return f"generated-{self.count}"

    def samples(self, unit: str) -> list[Sample]:
        raise AssertionError("the runner asked for every sample at once")

    def sample_ids(self, unit: str) -> list[str]:
        return [f"s{number}" for number in range(self.count)]

    def iter_samples(self, unit: str) -> Iterator[Sample]:
        alive: weakref.WeakSet[Sample] = weakref.WeakSet()
        for number in range(self.count):
            text = f"Document {number} says {number + 2} people met on Monday in Paris."
            sample = Sample(
                id=f"s{number}",
                cluster=SourceCluster(id=f"s{number}", documents=(SourceDocument(id=f"d{number}", text=text),)),
                sources=Sources.from_texts(f"s{number}", {f"d{number}": text}),
            )
            alive.add(sample)
            LiveSamplesSource.most_alive = max(LiveSamplesSource.most_alive, len(alive))
            yield sample
            del sample


class NumberSwapSummarizer:
    """A summary whose number was swapped, recorded as a planted error the way the corrupting wrapper does."""

    def summarize(self, cluster: SourceCluster) -> Summary:
        planted = [{"type": "number", "subtype": "swap", "start": 0, "end": 2}]
        return Summary("14 countries were invited.", metadata={"planted": planted})


@pytest.mark.parametrize("num_proc", [1, 2])
def test_samples_are_built_one_at_a_time_and_released_once_scored(tmp_path: Path, num_proc: int) -> None:
    LiveSamplesSource.most_alive = 0
    config = {
        "goldset": {"_target_": target(LiveSamplesSource), "count": 30},
        "task": {"name": "summarize", "unit": "document", "columns": {}},
        "metrics": {"words": {"_target_": target(WordScorer)}},
        "summarizers": {
            "first": {"_target_": target(FirstWordsSummarizer), "words": 4},
            "second": {"_target_": target(FirstWordsSummarizer), "words": 6},
        },
        "cache": False,
        "cache_dir": str(tmp_path / "cache"),
        "num_proc": num_proc,
    }
    result = run_experiment(OmegaConf.create(config), tmp_path / "run")
    assert result.exit_code == 0
    assert [model.n_samples for model in result.summary.models.values()] == [30, 30]
    held = 2 if num_proc == 1 else IN_FLIGHT * num_proc + 3
    assert LiveSamplesSource.most_alive <= held


def test_running_sums_give_the_same_means_as_fmean_over_every_value() -> None:
    generator = random.Random(7)
    for _ in range(300):
        values = [
            generator.choice([generator.random(), generator.random() * 1e-12, 1 / 3, 0.1, generator.uniform(-1e9, 1e9)])
            for _ in range(generator.randint(1, 200))
        ]
        total = ExactSum()
        for value in values:
            total.add(value)
        assert total.total() / total.count == statistics.fmean(values)


def test_tally_counts_failed_samples_but_leaves_them_out_of_means_and_verdicts() -> None:
    fingerprint = Fingerprint(harness_version="t", goldset="g", scorers="s")
    finding = Finding(type="number", text="12", start=0, end=2, verdict="unsupported")

    def record(sample_id: str, **fields: Any) -> SampleRecord:
        return SampleRecord(id=sample_id, model="m", task="summarize", fingerprint=fingerprint, **fields)

    tally = ModelTally()
    for item in (
        record("a", metrics={"x": 0.1}, findings=[finding]),
        record("b", metrics={"x": 0.2, "y": 1.0}),
        record("c", error="model failed"),
    ):
        tally.add(item)
    summary = tally.summary("m", [])
    assert (summary.n_samples, summary.n_failed) == (3, 1)
    assert summary.metrics == {"x": statistics.fmean([0.1, 0.2]), "y": 1.0}
    assert summary.verdict_counts == {"number": {"unsupported": 1}}


def test_sensitivity_after_a_run_reads_records_only_when_errors_were_planted(tmp_path: Path) -> None:
    goldset = write_goldset(tmp_path / "goldset")
    clean = toy_config(goldset, tmp_path / "cache", first={"_target_": target(FirstWordsSummarizer)})
    run_experiment(OmegaConf.create(clean), tmp_path / "clean")
    (tmp_path / "clean" / SENSITIVITY_FILE).write_text("stale", encoding="utf-8")
    assert not any_planted(tmp_path / "clean")
    show_sensitivity(tmp_path / "clean")
    assert not (tmp_path / "clean" / SENSITIVITY_FILE).exists()

    planted = toy_config(goldset, tmp_path / "cache", planted={"_target_": target(NumberSwapSummarizer)})
    run_experiment(OmegaConf.create(planted), tmp_path / "planted")
    assert any_planted(tmp_path / "planted")
    show_sensitivity(tmp_path / "planted")
    assert "| **all** | 3 | 3 | 100% |" in (tmp_path / "planted" / SENSITIVITY_FILE).read_text(encoding="utf-8")
    assert read_summary(tmp_path / "planted" / "metrics.json").models["planted"].n_samples == 3


def test_findings_gathered_scorer_by_scorer_are_capped_as_one_list_would_be() -> None:
    generator = random.Random(11)
    for _ in range(200):
        findings = [
            Finding(type="number", text="1", start=n, end=n + 1, verdict=generator.choice(["supported", "unsupported"]))
            for n in range(generator.randint(0, 40))
        ]
        limit = generator.randint(1, 15)
        flagged = [index for index, finding in enumerate(findings) if finding.flagged][:limit]
        others = [index for index, finding in enumerate(findings) if not finding.flagged][: limit - len(flagged)]
        expected = findings if len(findings) <= limit else [findings[index] for index in sorted(flagged + others)]
        cap = FindingsCap(limit)
        cut = generator.randint(0, len(findings))
        cap.extend(findings[:cut])
        cap.extend(findings[cut:])
        kept, left_out = cap.result()
        assert kept == expected and left_out == len(findings) - len(expected)
        assert cap.any_flagged == any(finding.flagged for finding in findings)


def test_a_dataset_digest_hashed_row_by_row_equals_the_digest_of_all_rows_at_once() -> None:
    rows = [["train-0", ("Text é 1.", "Text 2."), None], ["train-1", ("Only.",), "A reference."], {"b": 1, "a": [0.5]}]
    for count in range(len(rows) + 1):
        assert sha256_json_items(iter(rows[:count])) == sha256_json(rows[:count])
