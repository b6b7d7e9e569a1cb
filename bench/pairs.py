"""The summary/source pairs the benchmark scores: the goldset's and synthetic Multi-News-sized clusters.

Goldset pairs are the reference summaries and lead-3 against the five sources, gold-free (`Sources.from_texts`,
as a Hugging Face dataset run builds them). Pairs come in the runner's order: a run of several models scores
each sample once for all their summaries, so the summaries of a cluster come together and share one `Sources`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from synthetic import Cluster, make_cluster, summaries

from harness.core.text import sentences
from harness.goldset.load import load_goldset
from harness.models.protocols import SourceCluster, SourceDocument
from harness.models.summarizers.lead import LeadSummarizer
from harness.verdicts.sources import Sources


@dataclass(frozen=True)
class Pair:
    """One summary and the sources (with references) it is scored against."""

    summary: str
    sources: Sources


def goldset_pairs() -> list[Pair]:
    """The built-in goldset's references and its lead-3 summary, each against all five sources."""
    goldset = load_goldset()
    pairs: list[Pair] = []
    for cluster in goldset.clusters:
        references = tuple(reference.text for reference in cluster.references)
        anchor = max(document.info.date for document in cluster.documents)
        sources = Sources.from_texts(
            cluster.id,
            {document.id: document.text for document in cluster.documents},
            references=references,
            anchor=anchor,
        )
        lead = LeadSummarizer(k=3).summarize(
            SourceCluster(
                id=cluster.id,
                documents=tuple(
                    SourceDocument(id=document.id, text=document.text, date=document.info.date)
                    for document in cluster.documents
                ),
                references=references,
            )
        )
        pairs.extend(Pair(text, sources) for text in (*references, lead))
    return pairs


def cluster_sources(cluster: Cluster) -> Sources:
    return Sources.from_texts(cluster.id, cluster.documents, references=(cluster.reference,), anchor=cluster.published)


def synthetic_pairs(clusters: int, models: int, seed: int) -> list[Pair]:
    """`models` summaries of each of `clusters` synthetic clusters, cluster by cluster as the runner scores them."""
    pairs: list[Pair] = []
    for index in range(clusters):
        cluster = make_cluster(index, seed)
        sources = cluster_sources(cluster)
        pairs.extend(Pair(text, sources) for text in summaries(cluster, models, seed))
    return pairs


def synthetic_stream(total: int, per_cluster: int, seed: int) -> Iterator[Pair]:
    """`total` pairs made on the fly, cluster after cluster; nothing is kept once it has been yielded."""
    index = 0
    made = 0
    while made < total:
        cluster = make_cluster(index, seed)
        sources = cluster_sources(cluster)
        for text in summaries(cluster, min(per_cluster, total - made), seed):
            yield Pair(text, sources)
            made += 1
        index += 1


def news_pairs(path: Path, limit: int | None = None) -> list[Pair]:
    """Summaries of news articles from a JSONL file of `document`, `summary` and `id` ("article:system") rows,
    FRANK's layout: one `Sources` per article, shared by its summaries, with the article's first three
    sentences and its next three as the references (the file has none; two, so that a summary copying the lead
    still has one it does not copy). In the runner's order: every system's summaries of an article together.
    `limit`: at most this many pairs, the first rows of the file."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    sources: dict[str, Sources] = {}
    by_article: dict[str, list[Pair]] = {}
    for row in rows:
        article = str(row["id"]).partition(":")[0]
        if article not in sources:
            lines = [sentence.text for sentence in sentences(row["document"])]
            references = (" ".join(lines[:3]), " ".join(lines[3:6]))
            sources[article] = Sources.from_texts(article, {article: row["document"]}, references=references)
        by_article.setdefault(article, []).append(Pair(row["summary"], sources[article]))
    return [pair for pairs in by_article.values() for pair in pairs]
