"""The output cache is keyed by everything that determines an output: a file-backed model's file, a local
model folder, the harness code, the model's class, the input. An edited predictions file is read again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.core.paths import default_cache_dir
from harness.results.records import OutputRecord, read_jsonl
from harness.run import fingerprint
from harness.run.cache import cache_key, model_reads, model_state

CLUSTER = "moscow-talks-2018"
BASELINE = Path(__file__).resolve().parents[2] / "results" / "baselines" / "default"


class FolderModel:
    """A model that reads a local folder (as a Hugging Face model folder is read)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def reads(self) -> list[Path]:
        return [self.folder]


class Wrapper:
    def __init__(self, base: object) -> None:
        self.base = base


def test_a_regressed_predictions_file_fails_the_gate_with_the_cache_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = [json.loads(line) for line in (BASELINE / "outputs.jsonl").read_text().splitlines()]
    good = next(record for record in outputs if record["model"] == "lead-3")["output"]["text"]
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps({"id": CLUSTER, "summary": good}) + "\n")
    common = ["summarizer=predictions", f"summarizer.path={predictions}", "summarizer.name=candidate"]
    cache = f"cache_dir={tmp_path / 'cache'}"
    assert main(["run", *common, f"hydra.run.dir={tmp_path / 'before'}", cache]) == 0

    predictions.write_text(json.dumps({"id": CLUSTER, "summary": good.replace("several countries", "14 countries")}))
    assert main(["run", *common, f"hydra.run.dir={tmp_path / 'after'}", cache]) == 0
    (record,) = read_jsonl(tmp_path / "after" / "outputs.jsonl", OutputRecord)
    assert not record.cached
    assert "14 countries" in record.output["text"]
    capsys.readouterr()
    assert main(["gate", str(tmp_path / "after"), "--baseline", str(tmp_path / "before")]) == 1
    assert "14" in capsys.readouterr().out

    assert main(["run", *common, f"hydra.run.dir={tmp_path / 'again'}", cache]) == 0
    (record,) = read_jsonl(tmp_path / "again" / "outputs.jsonl", OutputRecord)
    assert record.cached


def test_the_key_follows_the_content_of_a_folder_a_model_reads(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"layers": 2}')
    model = FolderModel(folder)
    before = cache_key({"_target_": "x"}, "summarize", {"id": "a"}, model_state(model))
    (folder / "config.json").write_text('{"layers": 3}')
    after = cache_key({"_target_": "x"}, "summarize", {"id": "a"}, model_state(model))
    assert before != after
    (folder / "tokenizer.json").write_text("{}")
    assert cache_key({"_target_": "x"}, "summarize", {"id": "a"}, model_state(model)) not in {before, after}


def test_a_wrapper_inherits_what_its_base_reads(tmp_path: Path) -> None:
    assert model_reads(Wrapper(FolderModel(tmp_path))) == [tmp_path]


def test_the_key_follows_the_harness_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    model = FolderModel(tmp_path)
    before = cache_key({"_target_": "x"}, "summarize", {"id": "a"}, model_state(model))
    monkeypatch.setattr(fingerprint, "package_digest", lambda: "0" * 64)
    monkeypatch.setattr("harness.run.cache.package_digest", lambda: "0" * 64)
    assert cache_key({"_target_": "x"}, "summarize", {"id": "a"}, model_state(model)) != before


def test_the_package_digest_covers_code_and_data_and_the_resources_digest_only_data() -> None:
    files = [path for path in fingerprint.PACKAGE_ROOT.rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    assert any(path.suffix == ".json" for path in files)
    data = [path for path in files if path.suffix not in {".py", ".pyc"}]
    assert fingerprint.resources_digest() == fingerprint.sha256_files(fingerprint.PACKAGE_ROOT, data)
    assert fingerprint.package_digest() != fingerprint.resources_digest()


def test_the_cache_lives_in_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HARNESS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "fact-harness"
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
