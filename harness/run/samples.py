"""Turn a goldset or a Hugging Face dataset into samples: what the model sees and what the scorers check against.

A data source is chosen in config (`goldset=...`) through Hydra `_target_`. `unit: cluster` makes one
sample per cluster (all its documents summarized together, scored against all of them); `unit: document`
makes one sample per document (summarized alone, scored against itself), which gives more samples for
confidence intervals on a small goldset.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Protocol

from harness.errors import ConfigError
from harness.goldset.load import DEFAULT_GOLDSET, MANIFEST_NAME, GoldCluster, GoldDocument, Goldset, load_goldset
from harness.models.protocols import SourceCluster, SourceDocument
from harness.run.fingerprint import sha256_files, sha256_json_items
from harness.verdicts.sources import Sources

Unit = Literal["cluster", "document"]
UNITS: tuple[Unit, ...] = ("cluster", "document")


@dataclass(frozen=True)
class Sample:
    """One scoring unit: the input a model gets (`cluster`) and the sources its output is checked against."""

    id: str
    cluster: SourceCluster
    sources: Sources


class DataSource(Protocol):
    name: str
    """How `metrics.json` names the data: the goldset name, or the dataset, its files and split."""

    def digest(self) -> str:
        """sha256 of the data the samples come from, recorded in every results file's fingerprint."""
        ...

    def samples(self, unit: Unit) -> list[Sample]: ...


def iter_samples(source: DataSource, unit: Unit) -> Iterator[Sample]:
    """The source's samples one at a time (its `iter_samples`, when it has one), so a run need not hold them all."""
    stream = getattr(source, "iter_samples", None)
    return iter(stream(unit) if callable(stream) else source.samples(unit))


def sample_ids(source: DataSource, unit: Unit) -> list[str]:
    """The id of every sample in order (its `sample_ids`, when it has one: no sample is built for it)."""
    ids = getattr(source, "sample_ids", None)
    if callable(ids):
        return list(ids(unit))
    return [sample.id for sample in iter_samples(source, unit)]


def check_unit(unit: str) -> Unit:
    for known in UNITS:
        if unit == known:
            return known
    raise ConfigError(f"task.unit: unknown unit {unit!r}; use one of {', '.join(UNITS)}")


def model_input(cluster: SourceCluster) -> dict[str, Any]:
    """A cluster as plain JSON: the model's input, part of its cache key."""
    return {
        "id": cluster.id,
        "documents": [
            {"id": doc.id, "text": doc.text, "date": doc.date.isoformat() if doc.date else None}
            for doc in cluster.documents
        ],
        "references": list(cluster.references),
    }


def _source_document(document: GoldDocument) -> SourceDocument:
    return SourceDocument(id=document.id, text=document.text, date=document.info.date)


class GoldsetSource:
    """A goldset folder with hand annotations (default: the built-in moscow-talks-2018)."""

    def __init__(self, path: str | None = None) -> None:
        self.goldset: Goldset = load_goldset(Path(path) if path else DEFAULT_GOLDSET)
        self.name = self.goldset.name

    def data_files(self) -> list[Path]:
        """The files the samples and scores depend on: manifest, texts, inventories, references, annotations."""
        root, manifest = self.goldset.root, self.goldset.manifest
        listed = [
            MANIFEST_NAME,
            *(doc.path for doc in manifest.documents),
            *(c.references for c in manifest.clusters if c.references),
        ]
        listed += [manifest.entities, manifest.number_facts, manifest.event_clusters, manifest.quote_clusters]
        files = {root / name for name in listed if (root / name).is_file()}
        annotations = root / manifest.annotations
        if annotations.is_dir():
            files.update(path for path in annotations.rglob("*.json") if path.is_file())
        return sorted(files)

    def digest(self) -> str:
        return sha256_files(self.goldset.root, self.data_files())

    def samples(self, unit: Unit) -> list[Sample]:
        return list(self.iter_samples(unit))

    def iter_samples(self, unit: Unit) -> Iterator[Sample]:
        if unit == "cluster":
            yield from (self._cluster_sample(cluster) for cluster in self.goldset.clusters)
            return
        for cluster in self.goldset.clusters:
            yield from (self._document_sample(cluster, document) for document in cluster.documents)

    def _cluster_sample(self, cluster: GoldCluster) -> Sample:
        sources = Sources.from_gold(self.goldset, cluster)
        source_cluster = SourceCluster(
            id=cluster.id,
            documents=tuple(_source_document(document) for document in cluster.documents),
            references=sources.references,
        )
        return Sample(id=cluster.id, cluster=source_cluster, sources=sources)

    def _document_sample(self, cluster: GoldCluster, document: GoldDocument) -> Sample:
        references = tuple(reference.text for reference in cluster.references)
        source_cluster = SourceCluster(id=document.id, documents=(_source_document(document),), references=references)
        sources = Sources(
            cluster=document.id,
            documents=(document,),
            entities=self.goldset.entities,
            references=references,
            gold=True,
        )
        return Sample(id=document.id, cluster=source_cluster, sources=sources)


@dataclass(frozen=True)
class _Row:
    id: str
    documents: tuple[str, ...]
    reference: str | None
    date: dt.date | None = None


def _row_date(value: object, column: str, row_id: str) -> dt.date | None:
    """A dataset row's publication date (`date_column`): a date, a datetime or an ISO-like string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        raise ConfigError(f"goldset.date_column: row {row_id}, column '{column}': not a date: {value!r}") from None


class HFDatasetSource:
    """Any Hugging Face dataset with a document column (and optionally a summary column), scored gold-free.

    `path` is a hub id (`multi_news`) or a packaged loader (`json`, `csv`, `parquet`) with `data_files`.
    Multi-document rows are split on `separator` (Multi-News uses `|||||`). `date_column` names a column with
    each row's publication date, the anchor for its relative dates; without it a dateline in the text is used,
    else relative dates stay unresolved.
    """

    def __init__(
        self,
        path: str,
        split: str = "test",
        document_column: str = "document",
        summary_column: str | None = "summary",
        separator: str | None = None,
        config_name: str | None = None,
        data_files: str | list[str] | dict[str, Any] | None = None,
        id_column: str | None = None,
        limit: int | None = None,
        revision: str | None = None,
        cache_dir: str | None = None,
        date_column: str | None = None,
    ) -> None:
        if limit is not None and limit < 1:
            raise ConfigError(f"goldset.limit: must be 1 or more (or null for all rows), got {limit}")
        self.path = path
        self.split = split
        self.document_column = document_column
        self.summary_column = summary_column
        self.separator = separator
        self.config_name = config_name
        self.data_files = data_files
        self.id_column = id_column
        self.limit = limit
        self.revision = revision
        self.cache_dir = cache_dir
        self.date_column = date_column
        where = self.path if data_files is None else f"{self.path}:{data_files}"
        self.name = f"{where}{'/' + config_name if config_name else ''}[{split}]"

    @cached_property
    def _rows(self) -> tuple[_Row, ...]:
        import datasets

        try:
            dataset = datasets.load_dataset(
                self.path,
                self.config_name,
                data_files=self.data_files,
                split=self.split,
                revision=self.revision,
                cache_dir=self.cache_dir,
            )
        except FileNotFoundError as error:
            raise ConfigError(f"goldset: cannot load dataset '{self.name}': {error}") from None
        except ValueError as error:
            raise ConfigError(
                f"goldset: cannot load dataset '{self.name}' (check split and config_name): {error}"
            ) from None
        columns = set(dataset.column_names)
        for key, column in (
            ("document_column", self.document_column),
            ("summary_column", self.summary_column),
            ("id_column", self.id_column),
            ("date_column", self.date_column),
        ):
            if column is not None and column not in columns:
                raise ConfigError(
                    f"goldset.{key}: dataset '{self.name}' has no column '{column}'; "
                    f"its columns are {', '.join(sorted(columns))}"
                )
        if self.limit is not None:
            dataset = dataset.select(range(min(self.limit, len(dataset))))
        rows = []
        for index, row in enumerate(dataset):
            text = str(row[self.document_column])
            parts = text.split(self.separator) if self.separator else [text]
            documents = tuple(part.strip() for part in parts if part.strip())
            reference = row[self.summary_column] if self.summary_column else None
            row_id = str(row[self.id_column]) if self.id_column else f"{self.split}-{index}"
            date = _row_date(row[self.date_column], self.date_column, row_id) if self.date_column else None
            rows.append(
                _Row(id=row_id, documents=documents, reference=str(reference) if reference else None, date=date)
            )
        return tuple(rows)

    def digest(self) -> str:
        dated = self.date_column is not None
        return sha256_json_items(
            [row.id, row.documents, row.reference, *([str(row.date)] if dated else [])] for row in self._rows
        )

    def samples(self, unit: Unit) -> list[Sample]:
        return list(self.iter_samples(unit))

    def sample_ids(self, unit: Unit) -> Iterator[str]:
        for row in self._rows:
            if unit == "cluster":
                yield row.id
            else:
                yield from (f"{row.id}/{number}" for number in range(len(row.documents)))

    def iter_samples(self, unit: Unit) -> Iterator[Sample]:
        for row in self._rows:
            references = (row.reference,) if row.reference else ()
            texts = {f"{row.id}/{number}": text for number, text in enumerate(row.documents)}
            groups = (
                [(row.id, texts)] if unit == "cluster" else [(doc_id, {doc_id: text}) for doc_id, text in texts.items()]
            )
            for sample_id, group in groups:
                cluster = SourceCluster(
                    id=sample_id,
                    documents=tuple(
                        SourceDocument(id=doc_id, text=text, date=row.date) for doc_id, text in group.items()
                    ),
                    references=references,
                )
                sources = Sources.from_texts(sample_id, group, references=references, anchor=row.date)
                yield Sample(id=sample_id, cluster=cluster, sources=sources)
