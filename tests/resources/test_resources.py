"""The language resources: one loader, general lists only, and a digest that follows every byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import harness.resources as resources
from harness.errors import InputFileError
from harness.resources import RESOURCE_DIR, resources_digest, table, word_list

CODE_WITH_VERDICT_WORDS = ("claims", "verdicts", "metrics")


def test_word_lists_read_words_of_every_line_and_skip_comments() -> None:
    titles = word_list("titles")
    assert {"minister", "spokesman", "gen"} <= titles
    assert not any(word.startswith("#") or " " in word for word in titles)


def test_a_missing_resource_names_the_file() -> None:
    with pytest.raises(InputFileError, match=r"no-such-list\.txt"):
        word_list("no-such-list")


def test_no_list_holds_a_word_chosen_from_the_built_in_stories() -> None:
    story_words = {"taliban", "moscow", "kabul", "atmar", "photo", "facebook", "related", "original", "intern"}
    for path in RESOURCE_DIR.glob("*.txt"):
        assert not story_words & word_list(path.stem), path.name
    events = (RESOURCE_DIR / "events.json").read_text(encoding="utf-8").lower()
    assert not [word for word in story_words if re.search(rf"\b{word}\b", events)]


def test_the_code_of_claims_verdicts_and_metrics_holds_no_story_words() -> None:
    root = Path(resources.__file__).resolve().parents[1]
    for folder in CODE_WITH_VERDICT_WORDS:
        for path in (root / folder).glob("*.py"):
            code = path.read_text(encoding="utf-8")
            strings = " ".join(re.findall(r'"""[^"]*"""|"[^"\n]*"', code))
            lists = re.findall(r"frozenset\([^)]*\)", code)
            assert "taliban" not in " ".join(lists).lower(), path.name
            assert "facebook" not in strings.lower(), path.name


def test_events_table_pairs_antonyms_of_known_types_and_compiles() -> None:
    events = table("events")
    types = set(events["types"])
    assert {"APPROVE", "REJECT", "WIN", "LOSE", "ARREST", "ELECT", "RESIGN", "ACQUIRE", "SIGN"} <= types
    assert all(len(pair) == 2 and set(pair) <= types for pair in events["antonyms"])
    for entry in events["types"].values():
        for pattern in entry.get("verbs", []) + entry.get("nouns", []) + entry.get("inverted_verbs", []):
            re.compile(pattern)


def test_digest_covers_every_resource_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in RESOURCE_DIR.iterdir():
        if path.suffix in (".txt", ".json"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(resources, "RESOURCE_DIR", tmp_path)
    resources_digest.cache_clear()
    try:
        before = resources_digest()
        (tmp_path / "titles.txt").write_text((tmp_path / "titles.txt").read_text() + "\nwarden\n")
        resources_digest.cache_clear()
        assert resources_digest() != before
    finally:
        resources_digest.cache_clear()
