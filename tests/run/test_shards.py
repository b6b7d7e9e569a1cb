"""Shards: `shard=i/n` runs, joined by `harness merge`, equal one unsharded run file for file."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.errors import ConfigError
from harness.run.merge import merge
from harness.run.shards import parse_shard, shard_of

SAME = ("samples.jsonl", "metrics.json", "table.md")
FACTS = ["invited 12 countries", "sent 40 soldiers", "said on Monday", "met in Moscow on Sept. 4"]


def write_pairs(path: Path, documents: int) -> Path:
    """`documents` small articles, each summarized by two systems, one of them getting a number wrong."""
    rows = []
    for number in range(documents):
        fact = FACTS[number % len(FACTS)]
        text = f"Minister Anna Berg {fact}, the ministry said. Report {number} counted {number + 3} delegates."
        rows.append({"document": text, "summary": f"Anna Berg {fact}.", "system": "faithful", "reference": text})
        wrong = f"Anna Berg said {number + 30} delegates came."
        rows.append({"document": text, "summary": wrong, "system": "sloppy", "reference": text})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))


def assert_same_run(one: Path, merged: Path) -> None:
    for name in SAME:
        assert (merged / name).read_bytes() == (one / name).read_bytes(), name


def test_shards_split_samples_by_id_hash_stably_and_evenly() -> None:
    ids = [f"doc-{number}" for number in range(4000)]
    counts = [sum(shard_of(sample_id, 4) == index for sample_id in ids) for index in (1, 2, 3, 4)]
    assert sum(counts) == 4000 and min(counts) > 900
    assert [shard_of(sample_id, 4) for sample_id in ids[:50]] == [shard_of(sample_id, 4) for sample_id in ids[:50]]
    assert parse_shard("2/4") is not None and parse_shard(None) is None
    for bad in ("0/4", "5/4", "two of four", "1/0"):
        with pytest.raises(ConfigError, match="shard"):
            parse_shard(bad)


@pytest.mark.slow
def test_four_shards_through_joblib_merged_equal_one_run(tmp_path: Path) -> None:
    data = write_pairs(tmp_path / "pairs.jsonl", 16)
    common = ["goldset=pairs", f"goldset.path={data}"]
    assert main(["run", *common, f"hydra.run.dir={tmp_path / 'one'}"]) == 0
    sweep = tmp_path / "sweep"
    shards = "shard=1/4,2/4,3/4,4/4"
    assert main(["run", "-m", *common, shards, "hydra/launcher=joblib", f"hydra.sweep.dir={sweep}"]) == 0
    runs = sorted(path for path in sweep.iterdir() if (path / "shard.json").is_file())
    assert len(runs) == 4
    assert main(["merge", *map(str, runs), "--out", str(tmp_path / "merged")]) == 0
    assert_same_run(tmp_path / "one", tmp_path / "merged")
    gate = ["gate", str(tmp_path / "merged"), "--baseline", str(tmp_path / "one")]
    assert main(gate) == 0


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("hydra_plugins.hydra_submitit_launcher") is None, reason="no submitit")
def test_shards_through_submitit_local_merged_equal_one_run(tmp_path: Path) -> None:
    data = write_pairs(tmp_path / "pairs.jsonl", 12)
    common = ["goldset=pairs", f"goldset.path={data}", "metrics=default"]
    assert main(["run", *common, f"hydra.run.dir={tmp_path / 'one'}"]) == 0
    sweep = tmp_path / "sweep"
    launcher = ["hydra/launcher=submitit_local", "hydra.launcher.timeout_min=5", f"hydra.sweep.dir={sweep}"]
    assert main(["run", "-m", *common, "shard=1/3,2/3,3/3", *launcher]) == 0
    runs = sorted(path for path in sweep.iterdir() if (path / "shard.json").is_file())
    merge(runs, tmp_path / "merged")
    assert_same_run(tmp_path / "one", tmp_path / "merged")


def test_merge_refuses_an_incomplete_or_mixed_set_of_shards(tmp_path: Path) -> None:
    data = write_pairs(tmp_path / "pairs.jsonl", 6)
    for index in (1, 2):
        args = ["goldset=pairs", f"goldset.path={data}", f"shard={index}/3", f"hydra.run.dir={tmp_path / str(index)}"]
        assert main(["run", *args]) == 0
    with pytest.raises(ConfigError, match="expected shards 1/3 to 3/3 once each"):
        merge([tmp_path / "1", tmp_path / "2"], tmp_path / "merged")
    with pytest.raises(ConfigError, match="once each"):
        merge([tmp_path / "1", tmp_path / "1", tmp_path / "2"], tmp_path / "merged")
