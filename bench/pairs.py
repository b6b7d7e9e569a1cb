"""The summary/source pairs the benchmark scores: the goldset's and synthetic Multi-News-sized clusters.

Goldset pairs are the reference summaries and lead-3 against the five sources, gold-free (`Sources.from_texts`,
as a Hugging Face dataset run builds them). Synthetic pairs come in the runner's order: one model's summary
of every cluster, then the next model's, so one `Sources` object is shared by all summaries of a cluster.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from synthetic import Cluster, make_cluster, summaries

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
    """`models` summaries of each of `clusters` synthetic clusters, model by model as the runner scores them."""
    made = [make_cluster(index, seed) for index in range(clusters)]
    sources = [cluster_sources(cluster) for cluster in made]
    texts = [list(summaries(cluster, models, seed)) for cluster in made]
    return [Pair(texts[index][model], sources[index]) for model in range(models) for index in range(clusters)]


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
