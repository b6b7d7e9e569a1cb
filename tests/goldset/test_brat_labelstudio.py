"""BRAT standoff and Label Studio JSON: lossless round trips of the built-in goldset; errors name file and line."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from harness.authoring.brat import export_brat, import_brat
from harness.authoring.cli import main
from harness.authoring.labelstudio import export_labelstudio, import_labelstudio
from harness.authoring.store import store_layers
from harness.errors import InputFileError
from harness.goldset.load import DEFAULT_GOLDSET, Goldset, load_goldset
from harness.goldset.validate import validate_goldset

LAYERS = ("entities", "numbers", "events", "quotes", "furniture")


def _empty_copy(tmp_path: Path) -> Path:
    """The built-in goldset with its annotation folder removed: texts, manifest and inventories only."""
    root = tmp_path / "copy"
    shutil.copytree(DEFAULT_GOLDSET, root)
    shutil.rmtree(root / "annotations")
    (root / "annotations").mkdir()
    return root


def _layers(goldset: Goldset) -> dict[str, dict[str, list[Any]]]:
    return {doc.id: {layer: list(getattr(doc, layer)) for layer in LAYERS} for doc in goldset.documents}


def test_brat_round_trip_of_the_built_in_goldset_is_identical(tmp_path: Path) -> None:
    export_brat(None, tmp_path / "brat")
    root = _empty_copy(tmp_path)
    assert main(["import", "brat", str(tmp_path / "brat"), str(root)]) == 0
    assert _layers(load_goldset(root)) == _layers(load_goldset())
    assert validate_goldset(root) == []
    for layer_file in (DEFAULT_GOLDSET / "annotations").glob("*/*.json"):
        relative = layer_file.relative_to(DEFAULT_GOLDSET)
        assert (root / relative).read_text(encoding="utf-8") == layer_file.read_text(encoding="utf-8")


def test_label_studio_round_trip_and_brat_to_label_studio_chain(tmp_path: Path) -> None:
    export_labelstudio(None, tmp_path / "tasks.json")
    root = _empty_copy(tmp_path)
    assert main(["import", "labelstudio", str(tmp_path / "tasks.json"), str(root)]) == 0
    assert _layers(load_goldset(root)) == _layers(load_goldset())
    export_brat(root, tmp_path / "brat")
    again = _empty_copy(tmp_path / "again")
    store_layers(again, import_brat(tmp_path / "brat", again))
    assert main(["export", "labelstudio", str(tmp_path / "again.json"), str(again)]) == 0
    assert json.loads((tmp_path / "again.json").read_text()) == json.loads((tmp_path / "tasks.json").read_text())


def test_export_writes_the_brat_conventions(tmp_path: Path, tiny_goldset: Path) -> None:
    export_brat(tiny_goldset, tmp_path / "brat")
    ann = (tmp_path / "brat/doc-a.ann").read_text(encoding="utf-8").splitlines()
    text = (tmp_path / "brat/doc-a.txt").read_text(encoding="utf-8")
    assert "T3\tPERSON 100 106\tLavrov" in ann and text[100:106] == "Lavrov"
    assert any(line.startswith("E1\tINVITE:T") and " agent:T" in line for line in ann)
    assert any(line.endswith("\tReference T2 entity:russia\tRussia") for line in ann)
    assert any(line.endswith("\tAnnotatorNotes T4\tcounted: countries invited to the talks") for line in ann)
    assert any(line.endswith("\tvalue T4 12.0") for line in ann)
    assert any(line.startswith("R") and "\tCue Arg1:" in line for line in ann)
    assert any(line.startswith("R") and "\tSpeaker Arg1:" in line for line in ann)


def test_proposals_survive_a_round_trip(tmp_path: Path, tiny_goldset: Path, edit_json: Callable[..., None]) -> None:
    edit_json(tiny_goldset / "annotations/doc-a/events.json", lambda data: data["events"][0].update(status="proposed"))
    before = _layers(load_goldset(tiny_goldset, proposals="include"))
    export_labelstudio(tiny_goldset, tmp_path / "t.json")
    store_layers(tiny_goldset, import_labelstudio(tmp_path / "t.json", tiny_goldset))
    assert _layers(load_goldset(tiny_goldset, proposals="include")) == before
    assert before["doc-a"]["events"][0].status == "proposed"


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (lambda lines: lines.__setitem__(2, lines[2].replace("Lavrov", "Lavrow")), 3, "reads 'Lavrov' in the text"),
        (lambda lines: lines.__setitem__(0, lines[0].replace(" 9 15", " 9 12;13 15")), 1, "one continuous span"),
        (lambda lines: lines.append("Z1\tsomething"), None, "unsupported annotation 'Z1'"),
        (lambda lines: lines.append("A99\tkind T404 name"), None, "names 'T404'"),
        (lambda lines: lines.append("A99\targ7.role E1 agent"), "E1", r"V001: argument positions \[7\] exceed"),
    ],
)
def test_brat_errors_name_file_and_line(
    tmp_path: Path, tiny_goldset: Path, change: Callable[[list[str]], None], line: int | str | None, message: str
) -> None:
    """`line`: the line number, the id whose line it is, or None for the last line."""
    export_brat(tiny_goldset, tmp_path / "brat")
    path = tmp_path / "brat/doc-a.ann"
    lines = path.read_text(encoding="utf-8").splitlines()
    change(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected_line = line if isinstance(line, int) else len(lines)
    if isinstance(line, str):
        expected_line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{line}\t"))
    with pytest.raises(InputFileError, match=message) as caught:
        import_brat(tmp_path / "brat", tiny_goldset)
    assert caught.value.path == str(path) and caught.value.line == expected_line


def test_brat_entity_without_link_is_an_error_at_its_line(tmp_path: Path, tiny_goldset: Path) -> None:
    export_brat(tiny_goldset, tmp_path / "brat")
    path = tmp_path / "brat/doc-b.ann"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "entity:russia" not in line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="E001: no 'entity' link") as caught:
        import_brat(tmp_path / "brat", tiny_goldset)
    assert (caught.value.path, caught.value.line) == (str(path), 1)


def test_label_studio_errors_name_file_and_line(tmp_path: Path, tiny_goldset: Path) -> None:
    path = tmp_path / "t.json"
    export_labelstudio(tiny_goldset, path)
    tasks = json.loads(path.read_text())
    tasks[1]["annotations"][0]["result"][0]["from_name"] = "label"
    path.write_text(json.dumps(tasks, indent=2), encoding="utf-8")
    with pytest.raises(InputFileError, match="from_name must be one of") as caught:
        import_labelstudio(path, tiny_goldset)
    raw_lines = path.read_text().splitlines()
    assert caught.value.line is not None and '"id": "E001"' in raw_lines[caught.value.line - 1]
    first_e001 = next(n for n, line in enumerate(raw_lines, 1) if '"id": "E001"' in line)
    assert caught.value.line > first_e001  # the second task's E001, not the first's
    tasks[1]["data"]["text"] = "another text"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(InputFileError, match=r"task 2: data\.text differs"):
        import_labelstudio(path, tiny_goldset)
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 1: invalid JSON"):
        import_labelstudio(path, tiny_goldset)


def test_label_studio_labeling_config_declares_every_control_the_tasks_use(tmp_path: Path) -> None:
    assert main(["export", "labelstudio", str(tmp_path / "tasks.json")]) == 0
    root = ElementTree.parse(tmp_path / "tasks.config.xml").getroot()
    controls = {element.get("name") for element in root if element.get("name")}
    relations = {element.get("value") for element in root.iter("Relation")}
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    results = [result for task in tasks for result in task["annotations"][0]["result"]]
    used = {r["from_name"] for r in results if "from_name" in r and not r["from_name"].startswith("arg")}
    assert used <= controls
    assert {label for r in results if r["type"] == "relation" for label in r["labels"]} == relations
    assert {"cue", "speaker", "agent"} <= relations
