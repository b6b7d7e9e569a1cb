"""`harness goldset init`: a valid empty goldset from a folder of texts, dated by option, dateline or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from harness.authoring.cli import main
from harness.authoring.init import NO_DATE, init_goldset
from harness.claims.numbers.dateline import dateline
from harness.errors import InputFileError
from harness.goldset.jsonschema import stale_schemas
from harness.goldset.load import load_goldset
from harness.goldset.validate import validate_goldset

DATED = "Quarterly results\nFRANKFURT, 14 March 2024 (Wire) - Profit rose 12 percent.\r\nMore text.\n"
UNDATED = "Beta cuts jobs\n\nBeta Inc will cut 300 jobs, the company said on Tuesday.\n"


def _texts(folder: Path) -> Path:
    folder.mkdir()
    (folder / "alpha.txt").write_bytes(DATED.encode("utf-8"))
    (folder / "beta.txt").write_bytes(UNDATED.encode("utf-8"))
    (folder / "notes.md").write_text("not a text", encoding="utf-8")
    return folder


def test_init_writes_a_goldset_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "finance"
    assert main(["init", str(root), "--texts", str(_texts(tmp_path / "in"))]) == 0
    assert "no date found for 1: beta" in capsys.readouterr().out
    assert validate_goldset(root) == []
    goldset = load_goldset(root)
    alpha, beta = goldset.documents
    assert (alpha.id, alpha.info.date, alpha.info.date_basis) == ("alpha", dt.date(2024, 3, 14), "dateline")
    assert alpha.info.date_note == "Dateline '14 March 2024' on line 2."
    assert alpha.info.sha256 == hashlib.sha256(DATED.encode()).hexdigest()
    assert alpha.text == DATED
    assert (beta.info.date, beta.info.date_note, beta.info.title) == (None, NO_DATE, "Beta cuts jobs")
    assert [cluster.id for cluster in goldset.clusters] == ["alpha", "beta"]
    assert all(len(getattr(alpha, layer)) == 0 for layer in ("entities", "numbers", "events", "quotes"))
    assert json.loads((root / "annotations/beta/quotes.json").read_text()) == {"document": "beta", "quotes": []}
    assert "# finance: annotation guidelines" in (root / "GUIDELINES.md").read_text(encoding="utf-8")
    assert stale_schemas(root / "schema") == []


def test_a_date_option_dates_every_document(tmp_path: Path) -> None:
    root = tmp_path / "g"
    assert main(["init", str(root), "--texts", str(_texts(tmp_path / "in")), "--date", "2024-03-15"]) == 0
    infos = load_goldset(root).manifest.documents
    assert [(info.date, info.date_basis) for info in infos] == [(dt.date(2024, 3, 15), "inferred")] * 2
    assert validate_goldset(root) == []


def test_init_refuses_a_folder_in_use_and_an_empty_source(tmp_path: Path) -> None:
    texts = _texts(tmp_path / "in")
    with pytest.raises(InputFileError, match="not empty"):
        init_goldset(texts, texts)
    (tmp_path / "none").mkdir()
    with pytest.raises(InputFileError, match=r"none: no \*.txt files"):
        init_goldset(tmp_path / "new", tmp_path / "none")


def test_init_names_a_text_that_is_not_utf8(tmp_path: Path) -> None:
    texts = tmp_path / "in"
    texts.mkdir()
    (texts / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(InputFileError, match=r"latin.txt: not UTF-8 \(byte 3\)"):
        init_goldset(tmp_path / "g", texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\nWASHINGTON (Reuters), Sept. 4, 2018 - text", dt.date(2018, 9, 4)),
        ("2021-02-28 | Markets\nbody", dt.date(2021, 2, 28)),
        ("Title\nPublished 3 May 2020", dt.date(2020, 5, 3)),
        ("Title\nFebruary 30, 2020 is no date", None),
        ("a\nb\nc\nd\ne\nJune 1, 2020 is too far down", None),
    ],
)
def test_dateline_is_a_valid_date_in_the_first_lines(text: str, expected: dt.date | None) -> None:
    found = dateline(text)
    assert (found.date if found else None) == expected
