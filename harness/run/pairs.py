"""A table of (document, summary[, system, reference]) rows scored in one command: `goldset=pairs goldset.path=FILE`.

The commonest shape of users' data. Rows are read from JSONL (one object per line) or CSV (a header row).
Rows holding the same document text (and reference) make one sample, named by a hash of that text, so every
system's summary of it is scored against one analysis of its source; a system's second summary of the same
document goes to a second sample (`#2`) of the same source. Each distinct `system` value becomes a
model whose outputs are the given summaries (no model is called and nothing is cached); without a system
column all summaries belong to one model named `summaries`. ROUGE is computed against the `reference` column
when it is present; without one, drop ROUGE with `metrics.rouge=null`.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from harness.core.jsonl import read_rows_at, row_at
from harness.errors import ConfigError, InputFileError, ModelError
from harness.models.protocols import SourceCluster, SourceDocument
from harness.run.fingerprint import sha256_files
from harness.run.plugins import ModelSpec
from harness.run.samples import Sample, Unit
from harness.verdicts.sources import Sources

DEFAULT_SYSTEM = "summaries"


Where = int | dict[str, Any]
"""Where a row's texts are: its byte offset in a JSONL file (read again when needed, so a large table is
never held in memory), or the row itself (CSV)."""


@dataclass
class _Document:
    """One distinct (document, reference): its sample id, the row it was first read from, and the row of every
    system's summary of it."""

    id: str
    row: Where
    summaries: dict[str, Where] = field(default_factory=dict)


def _rows(path: Path) -> Iterator[tuple[int, Where, dict[str, Any]]]:
    """(line number, where, row) for every row of a JSONL or CSV file."""
    if path.suffix.lower() != ".csv":
        yield from read_rows_at(path)
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, dict(row), dict(row)


def _text(row: dict[str, Any], column: str | None, where: tuple[Path, int], *, required: bool) -> str | None:
    value = row.get(column) if column else None
    path, line = where
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputFileError(path, "missing or empty", line=line, field=column)
        return None
    if not isinstance(value, str):
        raise InputFileError(path, f"must be text, got {type(value).__name__}", line=line, field=column)
    return value


def _digest(text: str | None) -> bytes | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _sample_id(text: bytes, reference: bytes | None, occurrence: int) -> str:
    """`doc-` and a hash of the document (and of the reference, and the row's repeat number when there is one)."""
    name = "doc-" + text.hex()[:16]
    if reference is not None:
        name += "-" + reference.hex()[:8]
    return name + (f"#{occurrence + 1}" if occurrence else "")


_NONE = _Document(id="", row=0)


class GivenSummaries:
    """The summaries one system wrote, read from the pairs file: a model that is never called twice."""

    cacheable = False

    def __init__(self, system: str, summaries: dict[str, Where], read: Callable[[Where, str], str]) -> None:
        self.system = system
        self._summaries = summaries
        self._read = read

    def covers(self, sample_id: str) -> bool:
        """Whether this system summarized that document (systems of one table may each cover a different part)."""
        return sample_id in self._summaries

    def summarize(self, cluster: SourceCluster) -> str:
        row = self._summaries.get(cluster.id)
        if row is None:
            raise ModelError(f"system '{self.system}' has no summary of document {cluster.id}")
        return self._read(row, "summary")


class PairsSource:
    """Rows of (document, summary[, system, reference]) from a JSONL or CSV file, scored gold-free."""

    def __init__(
        self,
        path: str,
        document_column: str = "document",
        summary_column: str = "summary",
        system_column: str | None = "system",
        reference_column: str | None = "reference",
        limit: int | None = None,
    ) -> None:
        if limit is not None and limit < 1:
            raise ConfigError(f"goldset.limit: must be 1 or more (or null for all rows), got {limit}")
        self.path = Path(path)
        if not self.path.is_file():
            raise ConfigError(f"goldset.path: no such file {self.path}; give a JSONL or CSV file of pairs")
        self.document_column = document_column
        self.summary_column = summary_column
        self.system_column = system_column
        self.reference_column = reference_column
        self.limit = limit
        self.name = f"pairs:{self.path.name}"

    @cached_property
    def _documents(self) -> list[_Document]:
        documents: dict[tuple[bytes, bytes | None, int], _Document] = {}
        for index, (number, where_, row) in enumerate(_rows(self.path)):
            if self.limit is not None and index >= self.limit:
                break
            where = (self.path, number)
            text = _digest(_text(row, self.document_column, where, required=True))
            _text(row, self.summary_column, where, required=True)
            assert text is not None
            system = _text(row, self.system_column, where, required=False) or DEFAULT_SYSTEM
            reference = _digest(_text(row, self.reference_column, where, required=False))
            occurrence = 0
            while system in documents.get((text, reference, occurrence), _NONE).summaries:
                occurrence += 1
            key = (text, reference, occurrence)
            if key not in documents:
                documents[key] = _Document(id=_sample_id(text, reference, occurrence), row=where_)
            documents[key].summaries[system] = where_
        if not documents:
            raise InputFileError(self.path, "no rows")
        return list(documents.values())

    def _read(self, row: Where, what: str) -> str:
        """The document, summary or reference text of a row (read again from the file when it was not kept)."""
        values = row_at(self.path, row) if isinstance(row, int) else row
        column = {"document": self.document_column, "summary": self.summary_column}.get(what, self.reference_column)
        text = _text(values, column, (self.path, 0), required=what != "reference")
        return "" if text is None else text

    def digest(self) -> str:
        return sha256_files(self.path.parent, [self.path])

    def samples(self, unit: Unit) -> list[Sample]:
        return list(self.iter_samples(unit))

    def sample_ids(self, unit: Unit) -> list[str]:
        return [document.id for document in self._documents]

    def iter_samples(self, unit: Unit) -> Iterator[Sample]:
        for document in self._documents:
            reference = self._read(document.row, "reference")
            references = (reference,) if reference else ()
            text = self._read(document.row, "document")
            doc_id = document.id.split("#")[0]
            cluster = SourceCluster(
                id=document.id, documents=(SourceDocument(id=doc_id, text=text),), references=references
            )
            sources = Sources.from_texts(document.id, {doc_id: text}, references=references)
            yield Sample(id=document.id, cluster=cluster, sources=sources)

    def given_models(self) -> tuple[list[ModelSpec], dict[str, GivenSummaries]]:
        """One model per system, in order of first appearance, with its summaries by sample id."""
        systems: dict[str, dict[str, Where]] = {}
        for document in self._documents:
            for system, row in document.summaries.items():
                systems.setdefault(system, {})[document.id] = row
        specs = [
            ModelSpec(
                name=system,
                config={"_target_": f"{__name__}.GivenSummaries", "system": system, "data": self.digest()},
                where=f"goldset.path {self.path}",
            )
            for system in systems
        ]
        return specs, {system: GivenSummaries(system, summaries, self._read) for system, summaries in systems.items()}
