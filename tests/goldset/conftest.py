"""A tiny, valid two-document goldset written into tmp_path, and a helper to corrupt its JSON files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TEXT_A = (
    "Talks in Moscow\n\nBy Staff\n\n"
    'Russia has invited 12 countries to talks on Sept. 4. "We hope for calm," Lavrov said.\n'
)
TEXT_B = (
    "Taliban accept\n\nNearly 40 years have passed since 1979. Russia said the talks would go ahead.\n\nAdd a Comment\n"
)


def span(text: str, phrase: str, occurrence: int = 1) -> dict[str, Any]:
    """The span of the n-th occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _number(text: str, item_id: str, phrase: str, **values: Any) -> dict[str, Any]:
    return {"id": item_id, "span": span(text, phrase), **values}


def _layers_a() -> dict[str, list[dict[str, Any]]]:
    t = TEXT_A
    return {
        "entities": [
            {"id": "E001", "span": span(t, "Moscow"), "type": "GPE", "entity": "moscow"},
            {"id": "E002", "span": span(t, "Russia"), "type": "GPE", "entity": "russia"},
            {"id": "E003", "span": span(t, "Lavrov"), "type": "PERSON", "entity": "sergei-lavrov"},
        ],
        "numbers": [
            _number(
                t,
                "N001",
                "12 countries",
                kind="cardinal",
                value=12,
                low=12,
                high=12,
                unit="country",
                counted="countries invited to the talks",
                fact="countries-invited",
            ),
            _number(
                t, "N002", "Sept. 4", kind="date", counted="date of the talks", date="2018-09-04", fact="talks-date"
            ),
        ],
        "events": [
            {
                "id": "V001",
                "type": "INVITE",
                "trigger": span(t, "invited"),
                "cluster": "invitation",
                "arguments": [{"role": "agent", "entity": "russia", "span": span(t, "Russia")}],
            },
        ],
        "quotes": [
            {
                "id": "Q001",
                "content": span(t, "We hope for calm"),
                "speaker": "sergei-lavrov",
                "cue": span(t, "said"),
                "cluster": "hope",
            },
        ],
        "furniture": [{"id": "F001", "span": span(t, "By Staff"), "kind": "byline"}],
    }


def _layers_b() -> dict[str, list[dict[str, Any]]]:
    t = TEXT_B
    return {
        "entities": [{"id": "E001", "span": span(t, "Russia"), "type": "GPE", "entity": "russia"}],
        "numbers": [
            _number(
                t,
                "N001",
                "Nearly 40 years",
                kind="duration",
                value=40,
                low=36,
                high=40,
                high_open=True,
                unit="year",
                qualifier="nearly",
                counted="years since the invasion",
                fact="years-since",
            ),
            _number(
                t,
                "N002",
                "1979",
                kind="year",
                value=1979,
                low=1979,
                high=1979,
                counted="year of the invasion",
                date="1979",
            ),
        ],
        "events": [
            {
                "id": "V001",
                "type": "TALKS",
                "trigger": span(t, "talks"),
                "modality": "intended",
                "time": "2018-09-04",
                "cluster": "moscow-talks",
            },
        ],
        "quotes": [],
        "furniture": [{"id": "F001", "span": span(t, "Add a Comment"), "kind": "comment_prompt"}],
    }


ITEMS = {"entities": "mentions", "numbers": "numbers", "events": "events", "quotes": "quotes", "furniture": "furniture"}


def write_tiny_goldset(root: Path) -> Path:
    """Write a valid goldset of two documents, one cluster and every inventory; returns its folder."""
    texts = {"doc-a": TEXT_A, "doc-b": TEXT_B}
    documents = []
    for doc_id, text in texts.items():
        path = root / "texts" / f"{doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        documents.append(
            {
                "id": doc_id,
                "path": f"texts/{doc_id}.txt",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "date": "2018-08-22",
                "title": text.splitlines()[0],
            }
        )
    write_json(
        root / "goldset.json",
        {
            "name": "tiny",
            "version": "0.1.0",
            "description": "Two short texts for tests.",
            "documents": documents,
            "clusters": [{"id": "tiny-cluster", "documents": list(texts), "references": "references.json"}],
        },
    )
    write_json(
        root / "inventory" / "entities.json",
        {
            "entities": [
                {"id": "moscow", "name": "Moscow", "type": "GPE"},
                {"id": "russia", "name": "Russia", "type": "GPE", "metonyms": ["Moscow"]},
                {"id": "sergei-lavrov", "name": "Sergei Lavrov", "type": "PERSON", "aliases": ["Sergey Lavrov"]},
            ]
        },
    )
    write_json(
        root / "inventory" / "number-facts.json",
        {
            "facts": [
                {"id": "countries-invited", "description": "Countries Russia invited to the talks."},
                {"id": "talks-date", "description": "Date of the Moscow talks."},
                {"id": "years-since", "description": "Years since the invasion."},
            ]
        },
    )
    write_json(
        root / "inventory" / "event-clusters.json",
        {
            "clusters": [
                {"id": "invitation", "type": "INVITE", "description": "Russia invites countries to the talks."},
                {"id": "moscow-talks", "type": "TALKS", "description": "The Moscow talks."},
            ]
        },
    )
    write_json(
        root / "inventory" / "quote-clusters.json",
        {
            "clusters": [
                {"id": "hope", "speaker": "sergei-lavrov", "description": "Lavrov hopes for calm."},
            ]
        },
    )
    for doc_id, layers in {"doc-a": _layers_a(), "doc-b": _layers_b()}.items():
        for layer, items in layers.items():
            write_json(root / "annotations" / doc_id / f"{layer}.json", {"document": doc_id, ITEMS[layer]: items})
    write_json(
        root / "references.json",
        {
            "cluster": "tiny-cluster",
            "references": [
                {"id": "ref-1", "text": "Russia invited 12 countries to talks on Sept. 4.", "target_words": 10},
            ],
        },
    )
    return root


def edit_json_file(path: Path, change: Callable[[Any], None]) -> None:
    """Load a JSON file, let `change` mutate it in place, and write it back pretty-printed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    write_json(path, data)


@pytest.fixture
def tiny_goldset(tmp_path: Path) -> Path:
    return write_tiny_goldset(tmp_path / "tiny")


@pytest.fixture
def edit_json() -> Callable[[Path, Callable[[Any], None]], None]:
    return edit_json_file
