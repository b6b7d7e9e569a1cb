"""FRANK's sentence-level human annotations (`human_annotations_sentence.json` of github.com/artidoro/frank).

The file is one JSON list with one record per (article, summarizer) pair. Fields read (renamed with
`columns`): `article` (the document), `summary`, `summary_sentences_annotations` (one object per summary
sentence mapping each annotator to the list of error categories they chose: "RelE", "EntE", "CircE",
"OutE", "GramE", "CorefE", "LinkE", "OtherE", or "NoE" for no error), `split` ("valid" or "test"), and, for
the item id, `hash` and `model_name`.

The binary label is derived as FRANK's data is read by the SummaC benchmark: a sentence is correct when
more than half of its annotators chose "NoE" (2 of FRANK's 3), and a summary is consistent (label 1) when
every sentence is correct. An inconsistent summary carries each category that more than half of the
annotators of one of its sentences chose. (`human_annotations.json`, without the per-sentence field, only
has averaged scores and cannot be read this way.)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from harness.errors import InputFileError
from harness.metaeval import fields
from harness.metaeval.fields import Where
from harness.metaeval.items import LabelledItem, MetaDataset

NO_ERROR = "NoE"
FRANK_COLUMNS: dict[str, str | None] = {
    "document": "article",
    "summary": "summary",
    "annotations": "summary_sentences_annotations",
    "split": "split",
    "hash": "hash",
    "model": "model_name",
}


def sentence_verdict(annotation: Any, field: str, where: Where) -> tuple[bool, set[str]]:
    """Whether a majority found the sentence correct, and the error categories a majority chose."""
    if not isinstance(annotation, Mapping) or not annotation:
        raise where.error(
            field, f"expected an object mapping each annotator to a list of categories, got {annotation!r}"
        )
    votes: Counter[str] = Counter()
    for annotator, chosen in annotation.items():
        if not isinstance(chosen, list) or not all(isinstance(category, str) for category in chosen):
            raise where.error(f"{field}.{annotator}", f"expected a list of category names, got {chosen!r}")
        votes.update(set(chosen))
    majority = len(annotation) / 2
    correct = votes[NO_ERROR] > majority
    return correct, {category for category, count in votes.items() if category != NO_ERROR and count > majority}


class FrankReader:
    """Reads FRANK's per-sentence annotations and derives FRANK's binary label and error categories."""

    def __init__(
        self,
        path: str,
        columns: Mapping[str, str | None] | None = None,
        name: str | None = None,
        benchmark: str | None = "frank",
        limit: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.columns = {**FRANK_COLUMNS, **(columns or {})}
        self.name = name or f"FRANK ({self.path.name})"
        self.benchmark = benchmark
        self.limit = limit

    def _records(self) -> list[Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError as error:
            raise InputFileError(self.path, f"cannot read: {error.strerror or error}") from None
        except json.JSONDecodeError as error:
            raise InputFileError(self.path, f"not valid JSON: {error.msg}", line=error.lineno) from None
        if not isinstance(data, list):
            raise InputFileError(self.path, "expected a JSON list of records (FRANK's human_annotations_sentence.json)")
        return data[: self.limit]

    def _item(self, index: int, record: Any) -> LabelledItem:
        where = Where(str(self.path), record=index)
        if not isinstance(record, Mapping):
            raise where.error("record", f"expected a JSON object, got {type(record).__name__}")
        columns = self.columns
        document = fields.text(fields.required(record, columns, "document", where), str(columns["document"]), where)
        summary = fields.text(fields.required(record, columns, "summary", where), str(columns["summary"]), where)
        annotations = fields.required(record, columns, "annotations", where)
        field = str(columns["annotations"])
        if not isinstance(annotations, list) or not annotations:
            raise where.error(field, "expected a non-empty list with one annotation object per summary sentence")
        correct, categories = True, set()
        for number, annotation in enumerate(annotations):
            sentence_correct, sentence_categories = sentence_verdict(annotation, f"{field}[{number}]", where)
            correct = correct and sentence_correct
            categories |= sentence_categories
        hash_value, model = fields.optional(record, columns, "hash"), fields.optional(record, columns, "model")
        item_id = f"{hash_value}/{model}" if hash_value is not None else f"record-{index}"
        return LabelledItem(
            id=item_id,
            document=document,
            summary=summary,
            label=int(correct),
            split=fields.split(fields.optional(record, columns, "split"), str(columns["split"]), where),
            categories=() if correct else tuple(sorted(categories)),
        )

    def load(self) -> MetaDataset:
        items = tuple(self._item(index, record) for index, record in enumerate(self._records()))
        return MetaDataset(self.name, items, self.benchmark)
