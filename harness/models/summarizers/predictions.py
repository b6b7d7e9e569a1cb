"""Summaries produced elsewhere, read from a JSON Lines file: one row `{"id": ..., "summary": ...}` per cluster.

A row's key is its `cluster` field when present (a goldset with several clusters, rows keyed by cluster),
else its `id`; the key is matched against the id of the cluster being summarized. The file is read and
checked when the summarizer is built, so a malformed file stops the run before any scoring.
"""

from __future__ import annotations

from harness.core.jsonl import field, read_rows
from harness.errors import InputFileError, ModelError
from harness.models.prediction_rows import PredictionRows
from harness.models.protocols import SourceCluster, Summary


class PredictionsSummarizer(PredictionRows):
    """Looks up each cluster's summary in a predictions file."""

    def __init__(
        self, path: str, id_field: str = "id", summary_field: str = "summary", cluster_field: str = "cluster"
    ) -> None:
        super().__init__(path, "cluster")
        for line, row in read_rows(self.path):
            key_field = cluster_field if cluster_field in row else id_field
            key = field(self.path, line, row, key_field, str)
            summary = field(self.path, line, row, summary_field, str)
            if key in self._rows:
                first = self._rows[key][0]
                raise InputFileError(
                    self.path, f"duplicate id {key!r} (first on line {first}); keep one row", line=line, field=key_field
                )
            self._rows[key] = (line, summary)

    def summarize(self, cluster: SourceCluster) -> Summary:
        line, text = self.row(cluster.id)
        if not text.strip():
            raise ModelError(f"{self.path}, line {line}: the summary is empty")
        return Summary(text, metadata={"source": f"{self.path}:{line}"})
