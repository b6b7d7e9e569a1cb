"""`harness goldset agree`: 1.0 everywhere for a goldset with itself; hand-computed figures for a changed copy."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness.authoring.agree import agreement
from harness.authoring.cli import main
from harness.errors import GoldsetError
from harness.goldset.load import DEFAULT_GOLDSET
from harness.scoring.kappa import cohen_kappa

Edit = Callable[[Path, Callable[[Any], None]], None]


def test_cohen_kappa_hand_computed() -> None:
    # p_o = 2/3; A: GPE 2, PERSON 1; B: GPE, PERSON, ORG once each; p_e = (2*1 + 1*1) / 9 = 1/3 -> kappa 1/2
    assert cohen_kappa(["GPE", "PERSON", "GPE"], ["GPE", "PERSON", "ORG"]) == pytest.approx(0.5)
    # 10 items, 8 agree; A yes 6 no 4, B yes 6 no 4: p_e = (36 + 16) / 100 = 0.52 -> (0.8 - 0.52) / 0.48
    a = ["y"] * 5 + ["n"] * 3 + ["y", "n"]
    b = ["y"] * 5 + ["n"] * 3 + ["n", "y"]
    assert cohen_kappa(a, b) == pytest.approx(0.28 / 0.48)
    assert cohen_kappa(["x", "x"], ["x", "x"]) == 1.0
    assert cohen_kappa([], []) is None


def test_the_built_in_goldset_agrees_with_itself_everywhere(tmp_path: Path) -> None:
    assert main(["agree", str(DEFAULT_GOLDSET), str(DEFAULT_GOLDSET), "--json", str(tmp_path / "a.json")]) == 0
    report = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert report["disagreements"] == []
    assert set(report["layers"]) == {"entities", "numbers", "events", "quotes", "furniture"}
    for layer, figures in report["layers"].items():
        assert figures["a_items"] == figures["b_items"] > 0
        scores = {name: value for name, value in figures.items() if not name.endswith("_items") and value is not None}
        assert set(scores.values()) == {1.0}, layer
        expected = 8 if layer == "furniture" else 12 if layer == "numbers" else 11
        assert len(scores) == expected, layer


def _second_annotator(tiny: Path, tmp_path: Path, edit_json: Edit) -> Path:
    """A copy of the tiny goldset where one span was shifted, one dropped, one retyped and one value changed."""
    other = tmp_path / "other"
    shutil.copytree(tiny, other)

    def entities_a(data: Any) -> None:
        del data["mentions"][0]  # drop "Moscow"
        lavrov = data["mentions"][1]["span"]  # "Lavrov" -> "Lavrov said": overlaps, not exact
        lavrov.update(end=lavrov["end"] + 5, text=lavrov["text"] + " said")

    edit_json(other / "annotations/doc-a/entities.json", entities_a)
    edit_json(other / "annotations/doc-b/entities.json", lambda data: data["mentions"][0].update(type="ORG"))
    edit_json(
        other / "annotations/doc-a/numbers.json", lambda data: data["numbers"][0].update(value=13, low=13, high=13)
    )
    return other


def test_changed_copy_gives_the_hand_computed_figures(tiny_goldset: Path, tmp_path: Path, edit_json: Edit) -> None:
    other = _second_annotator(tiny_goldset, tmp_path, edit_json)
    report = agreement(tiny_goldset, other)
    layers = {layer.layer: layer.figures() for layer in report.layers}
    entities = layers["entities"]
    # A: Moscow, Russia, Lavrov (doc-a), Russia (doc-b); B: Russia, "Lavrov said" (doc-a), Russia as ORG (doc-b)
    assert (entities["a_items"], entities["b_items"]) == (4, 3)
    assert entities["exact_precision"] == pytest.approx(2 / 3)
    assert entities["exact_recall"] == pytest.approx(2 / 4)
    assert entities["exact_f1"] == pytest.approx(4 / 7)
    assert (entities["overlap_precision"], entities["overlap_recall"]) == (1.0, 0.75)
    assert entities["overlap_f1"] == pytest.approx(6 / 7)
    assert entities["type_kappa"] == pytest.approx(0.5)  # as in test_cohen_kappa_hand_computed
    assert entities["type_agreement"] == pytest.approx(2 / 3)
    # B-cubed: A {Moscow} {Russia a, Russia b} {Lavrov}; B {Russia a, Russia b} {Lavrov}: Moscow earns no recall
    assert (entities["link_b3_precision"], entities["link_b3_recall"]) == (1.0, 0.75)
    numbers = layers["numbers"]
    assert (numbers["exact_f1"], numbers["overlap_f1"], numbers["type_kappa"]) == (1.0, 1.0, 1.0)
    assert numbers["value_agreement"] == 0.75
    assert numbers["link_b3_f1"] == 1.0
    for layer in ("events", "quotes", "furniture"):
        assert layers[layer]["overlap_f1"] == layers[layer]["exact_f1"] == 1.0
    found = [
        (d.layer, d.document, d.kind, d.a.text if d.a else None, d.b.text if d.b else None)
        for d in report.disagreements
    ]
    assert found == [
        ("entities", "doc-a", "only_a", "Moscow", None),
        ("entities", "doc-a", "span", "Lavrov", "Lavrov said"),
        ("entities", "doc-b", "type", "Russia", "Russia"),
        ("numbers", "doc-a", "value", "12 countries", "12 countries"),
    ]
    retyped = report.disagreements[2]
    assert retyped.a is not None and retyped.b is not None
    assert (retyped.a.label, retyped.b.label) == ("GPE", "ORG")
    assert "Russia said the talks would go ahead" in retyped.context


def test_agree_prints_a_table_and_writes_json_for_chosen_layers(
    tiny_goldset: Path, tmp_path: Path, edit_json: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _second_annotator(tiny_goldset, tmp_path, edit_json)
    out = tmp_path / "agree.json"
    assert main(["agree", str(tiny_goldset), str(other), "--layers", "entities", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "entities  4  3  0.667    0.500    0.571     1.000      0.750      0.857       0.500       0.857" in printed
    assert "3 disagreements" in printed
    assert "only_a  E001 9-15 GPE 'Moscow'        (none)" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["layers"]) == ["entities"]
    assert data["disagreements"][1]["b"]["text"] == "Lavrov said"


def test_agree_refuses_different_texts(tiny_goldset: Path, tmp_path: Path, edit_json: Edit) -> None:
    other = tmp_path / "other"
    shutil.copytree(tiny_goldset, other)
    (other / "texts/doc-b.txt").write_text("changed", encoding="utf-8")
    digest = hashlib.sha256(b"changed").hexdigest()
    edit_json(other / "goldset.json", lambda data: data["documents"][1].update(sha256=digest))
    with pytest.raises(GoldsetError, match=r"doc-b\.txt: differs from"):
        agreement(tiny_goldset, other)
