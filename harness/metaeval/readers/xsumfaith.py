"""XSumFaith-style span annotations (`hallucination_annotations_xsum_summaries.csv` of
github.com/google-research-datasets/xsum_hallucination_annotations): one row per annotator and marked span.

Fields read (renamed with `columns`): `bbcid` (the article id), `system`, `summary`, `hallucination_type`
("intrinsic", "extrinsic"; "NULL", empty or -1 when the annotator marked nothing), `hallucinated_span`
(the span text), `hallucinated_span_start` and `hallucinated_span_end` (offsets into the summary), and
`worker_id`. The CSV has no article text: give it with `documents` (JSON Lines with `id` and `document`,
e.g. the XSum test articles) or map a `document` column of the CSV.

Annotators are aggregated by majority. A summary is inconsistent (label 0) when more than half of its
annotators marked a span. A character is erroneous when more than half of the annotators cover it; runs
of such characters are the marked spans, typed by the type most annotators gave them. An offset pair that
does not match the span text is checked one place to the left (1-based offsets) and else the text is
located in the summary; offsets alone are read with `offset_base` (0 or 1). There is no split in the
file: `split_rule: alternate` puts every other summary in dev and test (file order), as SummaC does.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from harness.errors import ConfigError
from harness.metaeval import fields
from harness.metaeval.fields import Where
from harness.metaeval.items import ErrorSpan, LabelledItem, MetaDataset, Split
from harness.metaeval.readers.jsonl import read_lines
from harness.metaeval.readers.summac import csv_rows

NO_HALLUCINATION = frozenset({"", "null", "none", "-1", "nan"})
XSUMFAITH_COLUMNS: dict[str, str | None] = {
    "document_id": "bbcid",
    "system": "system",
    "summary": "summary",
    "type": "hallucination_type",
    "span": "hallucinated_span",
    "start": "hallucinated_span_start",
    "end": "hallucinated_span_end",
    "annotator": "worker_id",
    "document": None,
}


@dataclass(frozen=True)
class _Mark:
    annotator: str
    span: ErrorSpan | None


def _offset(value: str | None, field: str, where: Where) -> int | None:
    if value is None or value.strip() in NO_HALLUCINATION:
        return None
    try:
        return int(float(value))
    except ValueError:
        raise where.error(field, f"expected an offset, got {value!r}") from None


def resolve_span(
    summary: str, marked: str | None, start: int | None, end: int | None, offset_base: int
) -> tuple[int, int] | None:
    """Where a marked span lies in the summary, trusting offsets only when they agree with the span text."""
    if marked:
        for shift in (0, 1):
            if start is not None and summary[start - shift : start - shift + len(marked)] == marked:
                return start - shift, start - shift + len(marked)
        found = fields.locate(summary, marked, start)
        return None if found is None else (found, found + len(marked))
    if start is None or end is None:
        return None
    start, end = start - offset_base, end - offset_base
    return (start, end) if 0 <= start < end <= len(summary) else None


def majority_spans(summary: str, marks: list[_Mark], annotators: int) -> tuple[ErrorSpan, ...]:
    """Runs of characters that more than half of the annotators cover, typed by their most common type."""
    covering: list[set[str]] = [set() for _ in summary]
    votes: list[Counter[str]] = [Counter() for _ in summary]
    for mark in marks:
        if mark.span is None:
            continue
        for position in range(mark.span.start, mark.span.end):
            covering[position].add(mark.annotator)
            if mark.span.type:
                votes[position][mark.span.type] += 1
    spans: list[ErrorSpan] = []
    position = 0
    while position < len(summary):
        if len(covering[position]) * 2 <= annotators:
            position += 1
            continue
        start, types = position, Counter[str]()
        while position < len(summary) and len(covering[position]) * 2 > annotators:
            types.update(votes[position])
            position += 1
        kind = min(types.items(), key=lambda vote: (-vote[1], vote[0]))[0] if types else None
        spans.append(ErrorSpan(start, position, summary[start:position], kind))
    return tuple(spans)


class XsumFaithReader:
    """Reads XSumFaith-style per-annotator span rows and aggregates them per summary by majority."""

    def __init__(
        self,
        path: str,
        documents: str | None = None,
        columns: Mapping[str, str | None] | None = None,
        documents_columns: Mapping[str, str] | None = None,
        offset_base: int = 0,
        split_rule: str | None = None,
        name: str | None = None,
        benchmark: str | None = "xsumfaith",
        limit: int | None = None,
    ) -> None:
        if split_rule not in (None, "alternate"):
            raise ConfigError(f"metaeval_data.split_rule: expected null or 'alternate', got {split_rule!r}")
        if offset_base not in (0, 1):
            raise ConfigError(f"metaeval_data.offset_base: expected 0 or 1, got {offset_base!r}")
        self.path = Path(path)
        self.documents = None if documents is None else Path(documents)
        self.columns = {**XSUMFAITH_COLUMNS, **(columns or {})}
        self.documents_columns = {"id": "id", "document": "document", **(documents_columns or {})}
        self.offset_base = offset_base
        self.split_rule = split_rule
        self.name = name or f"XSumFaith ({self.path.name})"
        self.benchmark = benchmark
        self.limit = limit

    def _documents(self) -> dict[str, str]:
        if self.documents is None:
            if self.columns.get("document") is None:
                raise ConfigError(
                    "metaeval_data: the XSumFaith CSV has no article text; set `documents=FILE` (JSON Lines with "
                    "id and document) or map a CSV column with `columns.document=NAME`"
                )
            return {}
        texts = {}
        for line, record in read_lines(self.documents):
            where = Where(str(self.documents), line=line)
            doc_id = fields.required(record, self.documents_columns, "id", where)
            document = fields.required(record, self.documents_columns, "document", where)
            texts[str(doc_id)] = fields.text(document, self.documents_columns["document"], where)
        return texts

    def load(self) -> MetaDataset:
        documents = self._documents()
        columns = self.columns
        groups: dict[tuple[str, str], list[_Mark]] = defaultdict(list)
        first: dict[tuple[str, str], tuple[str, str]] = {}
        for line, row in csv_rows(self.path):
            where = Where(str(self.path), line=line)
            doc_id = str(fields.required(row, columns, "document_id", where))
            system = str(fields.required(row, columns, "system", where))
            summary = fields.text(fields.required(row, columns, "summary", where), str(columns["summary"]), where)
            annotator = str(fields.required(row, columns, "annotator", where))
            key = (doc_id, system)
            if key not in first:
                if documents:
                    if doc_id not in documents:
                        raise where.error(
                            str(columns["document_id"]), f"no document with id {doc_id!r} in {self.documents}"
                        )
                    document = documents[doc_id]
                else:
                    document = fields.text(fields.required(row, columns, "document", where), "document", where)
                first[key] = (summary, document)
            groups[key].append(self._mark(row, summary, annotator, where))
        items = [self._item(key, marks, *first[key]) for key, marks in groups.items()]
        if self.split_rule == "alternate":
            alternate: tuple[Split, Split] = ("dev", "test")
            items = [dataclasses.replace(item, split=alternate[index % 2]) for index, item in enumerate(items)]
        return MetaDataset(self.name, tuple(items[: self.limit]), self.benchmark)

    def _mark(self, row: Mapping[str, str], summary: str, annotator: str, where: Where) -> _Mark:
        columns = self.columns
        kind = (fields.optional(row, columns, "type") or "").strip()
        marked = fields.optional(row, columns, "span") or None
        start = _offset(fields.optional(row, columns, "start"), str(columns["start"]), where)
        end = _offset(fields.optional(row, columns, "end"), str(columns["end"]), where)
        if kind.lower() in NO_HALLUCINATION and not marked:
            return _Mark(annotator, None)
        resolved = resolve_span(summary, marked, start, end, self.offset_base)
        if resolved is None:
            raise where.error(
                str(columns["span"] if marked else columns["start"]),
                f"the marked span {marked!r} [{start}, {end}) is not in the summary {summary!r}",
            )
        begin, finish = resolved
        return _Mark(annotator, ErrorSpan(begin, finish, summary[begin:finish], kind.lower() or None))

    @staticmethod
    def _item(key: tuple[str, str], marks: list[_Mark], summary: str, document: str) -> LabelledItem:
        annotators = {mark.annotator for mark in marks}
        marking = {mark.annotator for mark in marks if mark.span is not None}
        consistent = len(marking) * 2 <= len(annotators)
        spans = majority_spans(summary, marks, len(annotators))
        return LabelledItem(
            id=f"{key[0]}/{key[1]}",
            document=document,
            summary=summary,
            label=int(consistent),
            categories=() if consistent else tuple(sorted({span.type for span in spans if span.type})),
            spans=spans,
        )
