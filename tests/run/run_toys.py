"""A tiny goldset, summarizers and a scorer for the runner's tests: small enough to compute results by hand."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from harness.errors import ModelError, ScorerUnavailableError
from harness.metrics.protocols import SampleScore
from harness.models.protocols import SourceCluster, Summary
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

TEXTS = {
    "d1": "Twelve countries were invited. The talks start on 4 September in Moscow.",
    "d2": "The Taliban will attend. About 40 percent of districts are contested.",
    "d3": "Kabul declined the invitation. Washington also stays away.",
}
REFERENCE = "Twelve countries were invited to Moscow talks."


def target(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def write_goldset(root: Path, texts: dict[str, str] | None = None) -> Path:
    """Documents (default: `TEXTS`), each its own cluster, with one reference summary per cluster (no annotations)."""
    (root / "texts").mkdir(parents=True)
    documents, clusters = [], []
    for doc_id, text in (texts or TEXTS).items():
        (root / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        documents.append(
            {
                "id": doc_id,
                "path": f"texts/{doc_id}.txt",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "date": "2018-08-23",
                "title": doc_id,
            }
        )
        clusters.append({"id": f"c-{doc_id}", "documents": [doc_id], "references": f"refs-{doc_id}.json"})
        references = {"cluster": f"c-{doc_id}", "references": [{"id": "r1", "text": REFERENCE}]}
        (root / f"refs-{doc_id}.json").write_text(json.dumps(references), encoding="utf-8")
    manifest = {"name": "tiny", "version": "1", "description": "three toy documents", "documents": documents}
    (root / "goldset.json").write_text(json.dumps({**manifest, "clusters": clusters}), encoding="utf-8")
    return root


def _log_call(calls_log: str | None, cluster: SourceCluster) -> None:
    if calls_log:
        with open(calls_log, "a", encoding="utf-8") as handle:
            handle.write(cluster.id + "\n")


class FirstWordsSummarizer:
    """The first `words` words of the first document; raises on the clusters listed in `fail_on`."""

    def __init__(self, words: int = 3, fail_on: tuple[str, ...] = (), calls_log: str | None = None) -> None:
        self.words = words
        self.fail_on = tuple(fail_on)
        self.calls_log = calls_log

    def summarize(self, cluster: SourceCluster) -> str:
        _log_call(self.calls_log, cluster)
        if cluster.id in self.fail_on:
            raise ModelError(f"cannot summarize {cluster.id}")
        return " ".join(cluster.documents[0].text.split()[: self.words])


class PlantingSummarizer:
    """The reference with '12' replaced by '14' (as digits), recording the planted error as metadata."""

    def summarize(self, cluster: SourceCluster) -> Summary:
        return Summary("14 countries were invited.", metadata={"planted": ["12 -> 14"]})


class InterruptingSummarizer:
    """Stops the run (as Ctrl-C does) on cluster `stop_at` while the file `stop_file` exists."""

    def __init__(self, stop_at: str, stop_file: str, calls_log: str | None = None) -> None:
        self.stop_at = stop_at
        self.stop_file = Path(stop_file)
        self.calls_log = calls_log

    def summarize(self, cluster: SourceCluster) -> str:
        if cluster.id == self.stop_at and self.stop_file.exists():
            raise KeyboardInterrupt
        _log_call(self.calls_log, cluster)
        return cluster.documents[0].text.split(".")[0] + "."


class KeyedSummarizer:
    """A model that needs an API key, as a hosted endpoint does; its summary never shows the key."""

    def __init__(self, api_key: str, api_key_env: str = "TOY_API_KEY") -> None:
        if not api_key:
            raise ModelError("no API key")
        self.api_key_env = api_key_env

    def summarize(self, cluster: SourceCluster) -> str:
        return cluster.documents[0].text.split(".")[0] + "."


WORD = re.compile(r"\w+")


class WordScorer:
    """`word_precision`: share of summary words found in the sources; each digit token is a number finding."""

    name = "words"

    def __init__(self, fail_on: str | None = None, unavailable: bool = False, lost_on: str | None = None) -> None:
        if unavailable:
            raise ScorerUnavailableError("words: the toy model is not installed; pip install toy")
        self.fail_on = fail_on
        self.lost_on = lost_on

    def score(self, summary: str, sources: Sources) -> SampleScore:
        if self.fail_on and self.fail_on in summary:
            raise ValueError(f"cannot score a summary containing {self.fail_on!r}")
        if self.lost_on and self.lost_on in summary:
            raise ScorerUnavailableError("words: the toy model went away")
        source_words = {word.lower() for doc in sources.documents for word in WORD.findall(doc.text)}
        words = [word.lower() for word in WORD.findall(summary)]
        findings = [
            Finding(
                type="number",
                text=match.group(),
                start=match.start(),
                end=match.end(),
                verdict="supported" if match.group() in source_words else "unsupported",
            )
            for match in re.finditer(r"\d+", summary)
        ]
        precision = sum(word in source_words for word in words) / len(words) if words else float("nan")
        return SampleScore(metrics={"word_precision": precision}, findings=tuple(findings))


def toy_config(goldset: Path, cache_dir: Path, **summarizers: dict[str, Any]) -> dict[str, Any]:
    """A complete run config over the tiny goldset with the word scorer and the given summarizers."""
    return {
        "goldset": {"_target_": "harness.run.samples.GoldsetSource", "path": str(goldset)},
        "task": {"name": "summarize", "unit": "cluster", "columns": {"words": "word_precision", "flagged": "flagged"}},
        "metrics": {"words": {"_target_": target(WordScorer)}},
        "summarizers": summarizers,
        "cache": True,
        "cache_dir": str(cache_dir),
    }
