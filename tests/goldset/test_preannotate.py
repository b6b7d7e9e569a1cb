"""Pre-annotation: an extractor's findings become proposals; once accepted, the new goldset runs through
`harness run` for both tasks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.authoring.cli import main
from harness.authoring.extractor import build_extractor
from harness.authoring.preannotate import entity_id, preannotate
from harness.cli import main as harness_main
from harness.errors import ConfigError
from harness.goldset.load import load_goldset
from harness.goldset.validate import validate_goldset

TEXTS = {
    "trade": (
        "Germany and France agree on trade\nBERLIN, March 14, 2024 - Germany invited France to talks on trade, the "
        'ministry said.\nAbout 300 delegates will attend the meeting.\n"We expect a deal by June," said Olaf Weber.\n'
    ),
    "acme": (
        "Acme profit rises\nMarch 12, 2024\nAcme Corp. reported on Tuesday that its quarterly profit rose 12 percent"
        " to $4.5 million.\nChina and Japan accounted for nearly 40 percent of sales.\n"
    ),
    "clinic": (
        "Clinic opens\n2023-11-02\nThe new clinic in Kenya will treat at least 2,000 patients a year, officials "
        "said.\nCanada supplied half of the equipment.\n"
    ),
}


def _new_goldset(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, text in TEXTS.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    root = tmp_path / "goldset"
    assert main(["init", str(root), "--texts", str(texts)]) == 0
    return root


def _accept_all(root: Path) -> int:
    """What an annotator does after review: mark every proposal accepted; returns how many there were."""
    accepted = 0
    for path in sorted((root / "annotations").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = next(value for key, value in data.items() if key != "document")
        for item in items:
            if item.get("status") == "proposed":
                item["status"] = "accepted"
                accepted += 1
        path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return accepted


def test_proposals_are_reviewed_then_run_through_both_tasks(tmp_path: Path) -> None:
    root = _new_goldset(tmp_path)
    assert main(["preannotate", str(root), "extractor=rules"]) == 0
    waiting = load_goldset(root)
    assert all(not doc.entities and not doc.numbers for doc in waiting.documents)
    proposed = sum(sum(doc.proposed.values()) for doc in waiting.documents)
    assert proposed > 10 and sum(doc.proposed.get("numbers", 0) for doc in waiting.documents) >= 6
    assert {problem.field for problem in validate_goldset(root)} == {"status"}
    assert validate_goldset(root, allow_proposed=True) == []

    assert _accept_all(root) == proposed
    assert validate_goldset(root) == []
    gold = load_goldset(root)
    acme = gold.document_by_id["acme"]
    percent = next(number for number in acme.numbers if number.span.text == "12 percent")
    assert (percent.kind, percent.value, percent.unit) == ("percent", 12.0, "percent")
    assert {(m.span.text, m.type, m.entity) for m in acme.entities} >= {("China", "GPE", "china")}

    common = [f"goldset.path={root}", "cache=false", f"cache_dir={tmp_path / 'cache'}"]
    run = tmp_path / "summarize"
    argv = ["run", *common, "summarizer=lead", "metrics.rouge=null", f"hydra.run.dir={run}"]
    assert harness_main(argv) == 0
    summary = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    (model,) = summary["models"].values()
    assert (model["n_samples"], model["n_failed"]) == (3, 0)

    run = tmp_path / "extract"
    assert harness_main(["run", *common, "task=extract", "extractor=rules", f"hydra.run.dir={run}"]) == 0
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))["models"]["rules"]
    assert (metrics["n_samples"], metrics["n_failed"]) == (3, 0)
    assert metrics["metrics"]["number_exact_f1"] == 1.0  # the gold is the extractor's own reviewed output


def test_a_second_run_keeps_accepted_work_and_replaces_proposals(tmp_path: Path) -> None:
    root = _new_goldset(tmp_path)
    extractor = build_extractor(["extractor.layers=[numbers]"])
    first = preannotate(root, extractor)
    assert set(first.proposed) == {"numbers"}
    path = root / "annotations/acme/numbers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["numbers"][0]["status"] = "accepted"
    data["numbers"][0]["counted"] = "reviewed by hand"
    path.write_text(json.dumps(data), encoding="utf-8")
    second = preannotate(root, extractor)
    assert second.proposed["numbers"] == first.proposed["numbers"] - 1
    numbers = load_goldset(root, proposals="include").document_by_id["acme"].numbers
    assert numbers[0].counted == "reviewed by hand" and numbers[0].status == "accepted"
    assert len({number.id for number in numbers}) == len(numbers) == len(data["numbers"])
    assert all(number.status == "proposed" for number in numbers[1:])


def test_unknown_extractor_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="extractor"):
        build_extractor(["extractor=nonexistent"])


def test_entity_ids_from_text() -> None:
    assert entity_id("Acme Corp.", 4) == "acme-corp"
    assert entity_id("東京", 9) == "entity-9"
