"""Start a new goldset from a folder of texts: exact copies, a manifest with hashes and dates, empty layers and
inventories, a guidelines template and the JSON Schemas; `harness goldset validate` accepts the result.

Each `*.txt` becomes a document named by its file stem and a cluster of its own (documents about one story can
be grouped by hand later). Its date is the `--date` given, else its dateline, else null with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from harness.authoring.write import write_inventory, write_json, write_layer
from harness.claims.numbers.dateline import dateline
from harness.errors import InputFileError
from harness.goldset.jsonschema import write_schemas
from harness.goldset.load import MANIFEST_NAME
from harness.goldset.schema import LAYER_FILES, ClusterInfo, DocumentInfo, Manifest

TEMPLATE = Path(__file__).with_name("data") / "GUIDELINES.md"
NO_DATE = "No date given and no dateline found in the first lines; set date and date_basis by hand."


@dataclass(frozen=True)
class InitOptions:
    name: str | None = None
    description: str | None = None
    date: dt.date | None = None
    """One publication date for every document; None: each document's dateline."""


def _read(path: Path) -> tuple[bytes, str]:
    data = path.read_bytes()
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputFileError(path, f"not UTF-8 (byte {error.start}); convert the text before annotating") from None


def _title(text: str, fallback: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:200] or fallback


def document_info(document_id: str, relative: str, data: bytes, text: str, date: dt.date | None) -> DocumentInfo:
    """The manifest entry of one text: its hash, title and date (given, from its dateline, or null with a note)."""
    sha256 = hashlib.sha256(data).hexdigest()
    title = _title(text, document_id)
    if date is not None:
        note = "Set for every document with `harness goldset init --date`."
        return DocumentInfo(
            id=document_id, path=relative, sha256=sha256, date=date, date_basis="inferred", date_note=note, title=title
        )
    found = dateline(text)
    if found is None:
        return DocumentInfo(id=document_id, path=relative, sha256=sha256, date=None, date_note=NO_DATE, title=title)
    note = f"Dateline {found.text!r} on line {found.line}."
    return DocumentInfo(id=document_id, path=relative, sha256=sha256, date=found.date, date_note=note, title=title)


def init_goldset(root: str | Path, texts: str | Path, options: InitOptions | None = None) -> Manifest:
    """Write a new goldset at `root` (absent or empty) from every `*.txt` of `texts`; returns its manifest."""
    options = options or InitOptions()
    folder, source = Path(root), Path(texts)
    if folder.exists() and any(folder.iterdir()):
        raise InputFileError(folder, "not empty; a new goldset needs an empty or new folder")
    files = sorted(source.glob("*.txt")) if source.is_dir() else []
    if not files:
        raise InputFileError(source, "no *.txt files here; give the folder that holds the texts")
    documents = []
    for file in files:
        data, text = _read(file)
        relative = f"texts/{file.name}"
        (folder / "texts").mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
        documents.append(document_info(file.stem, relative, data, text, options.date))
    name = options.name or folder.resolve().name
    manifest = Manifest(
        name=name,
        version="0.1.0",
        description=options.description or f"{len(documents)} documents, annotation in progress.",
        documents=documents,
        clusters=[ClusterInfo(id=info.id, documents=[info.id]) for info in documents],
    )
    write_json(folder / MANIFEST_NAME, manifest.model_dump(mode="json", exclude_none=True))
    for path, key in (
        (manifest.entities, "entities"),
        (manifest.number_facts, "facts"),
        (manifest.event_clusters, "clusters"),
        (manifest.quote_clusters, "clusters"),
    ):
        write_inventory(folder / path, key, [])
    for info in documents:
        for layer in LAYER_FILES:
            write_layer(folder / manifest.annotations, info.id, layer, [])
    guidelines = TEMPLATE.read_text(encoding="utf-8").replace("{name}", name)
    (folder / manifest.guidelines).write_text(guidelines, encoding="utf-8")
    write_schemas(folder / "schema")
    return manifest
