"""Review status: proposals are never gold; the loader leaves them out or refuses them, the validator reports them,
and the statistics count the ones awaiting review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness.authoring.cli import main
from harness.errors import GoldsetError
from harness.goldset.load import DEFAULT_GOLDSET, load_goldset
from harness.goldset.schema import EntityMention
from harness.goldset.stats import goldset_stats
from harness.goldset.validate import validate_goldset

Edit = Callable[[Path, Callable[[Any], None]], None]


def _propose_first_number(goldset: Path, edit_json: Edit) -> None:
    edit_json(goldset / "annotations/doc-a/numbers.json", lambda data: data["numbers"][0].update(status="proposed"))


def test_an_annotation_without_status_is_accepted_gold() -> None:
    mention = EntityMention.model_validate(
        {"id": "E001", "span": {"start": 0, "end": 1, "text": "A"}, "type": "ORG", "entity": "a"}
    )
    assert mention.status == "accepted"
    goldset = load_goldset(DEFAULT_GOLDSET)
    assert all(not document.proposed for document in goldset.documents)
    assert validate_goldset(DEFAULT_GOLDSET) == []


def test_loader_leaves_proposals_out_and_counts_them(tiny_goldset: Path, edit_json: Edit) -> None:
    _propose_first_number(tiny_goldset, edit_json)
    document = load_goldset(tiny_goldset).document_by_id["doc-a"]
    assert [number.id for number in document.numbers] == ["N002"]
    assert document.proposed == {"numbers": 1}
    kept = load_goldset(tiny_goldset, proposals="include").document_by_id["doc-a"]
    assert [number.id for number in kept.numbers] == ["N001", "N002"]
    with pytest.raises(GoldsetError, match=r"doc-a/numbers.json: 1 proposed annotations await review \(N001\)"):
        load_goldset(tiny_goldset, proposals="refuse")


def test_validator_reports_each_proposal_unless_allowed(tiny_goldset: Path, edit_json: Edit) -> None:
    _propose_first_number(tiny_goldset, edit_json)
    problems = validate_goldset(tiny_goldset)
    assert [(p.file, p.id, p.field) for p in problems] == [("annotations/doc-a/numbers.json", "N001", "status")]
    assert problems[0].line is not None
    assert validate_goldset(tiny_goldset, allow_proposed=True) == []


def test_stats_and_validate_show_the_proposals_remaining(
    tiny_goldset: Path, edit_json: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    _propose_first_number(tiny_goldset, edit_json)
    stats = goldset_stats(load_goldset(tiny_goldset))
    assert stats.proposed["numbers"] == {"doc-a": 1, "doc-b": 0}
    assert stats.layers["numbers"] == {"doc-a": 1, "doc-b": 2}
    assert main(["stats", str(tiny_goldset)]) == 0
    assert "proposals awaiting review (not gold)" in capsys.readouterr().out
    assert main(["validate", str(tiny_goldset)]) == 1
    assert main(["validate", str(tiny_goldset), "--allow-proposed"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("has no problems; 1 proposals await review")


def test_a_missing_date_needs_a_note(tiny_goldset: Path, edit_json: Edit) -> None:
    edit_json(tiny_goldset / "goldset.json", lambda data: data["documents"][0].pop("date"))
    assert [(p.id, p.field) for p in validate_goldset(tiny_goldset)] == [("doc-a", "date")]
    edit_json(tiny_goldset / "goldset.json", lambda data: data["documents"][0].update(date_note="No dateline."))
    assert validate_goldset(tiny_goldset) == []
    assert load_goldset(tiny_goldset).document_by_id["doc-a"].info.date is None
