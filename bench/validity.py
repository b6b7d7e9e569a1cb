"""Validity of the consistency scorers on human-labelled text the project was not built from.

`python bench/validity.py --dev ../shared/dev` prints, for FRANK's validation split and EntFA's train split,
per scorer and for the combined score: balanced accuracy at the threshold that is best on that same split (the
threshold a test-split evaluation would take from it), the same with the threshold chosen on the other half of
the articles (two-fold, an honest out-of-sample figure), the partial correlation with the human label
controlling for the system, and the flags raised when an article is given as its own summary. A self-consistency
check then gives every article, and random subsets of its sentences, as the summary: every flag is a false alarm.
Development data is read from the path given; nothing of it is copied.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from harness.core.text import sentences
from harness.metaeval.stats import balanced_accuracy_rows, choose_threshold
from harness.metrics.combined import CombinedScorer
from harness.metrics.entities import EntityConsistencyScorer
from harness.metrics.events import EventConsistencyScorer
from harness.metrics.lexical import LexicalSupportScorer
from harness.metrics.numbers import NumberConsistencyScorer
from harness.metrics.protocols import SampleScore
from harness.metrics.quotes import QuoteFidelityScorer
from harness.verdicts.sources import Sources

SCORERS: dict[str, Callable[[], object]] = {
    "numbers": NumberConsistencyScorer,
    "entities": EntityConsistencyScorer,
    "quotes": QuoteFidelityScorer,
    "events": EventConsistencyScorer,
    "lexical": LexicalSupportScorer,
}


@dataclass(frozen=True)
class Item:
    """One human-judged summary: the article it summarizes, the system that wrote it, and the label."""

    article: str
    system: str
    document: str
    summary: str
    label: int


def frank_items(path: Path) -> list[Item]:
    """FRANK's JSON Lines validation split (label 1 = every sentence judged factual)."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            article = str(row["id"]).split(":", 1)[0]
            items.append(Item(article, row["model"], row["document"], row["summary"], int(row["label"])))
    return items


ENTFA_ERRORS = frozenset({"Non-factual Hallucination", "Intrinsic Hallucination"})


def entfa_items(path: Path) -> list[Item]:
    """EntFA's summaries, label 0 when some entity is a non-factual or intrinsic hallucination."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Item(
            str(hash(row["source"])),
            "entfa",
            row["source"],
            row["prediction"],
            int(not any(entity["label"] in ENTFA_ERRORS for entity in row["entities"])),
        )
        for row in rows
    ]


def score_all(summary: str, sources: Sources, scorers: dict[str, object]) -> dict[str, SampleScore]:
    """Every scorer's result on one summary, then the combined score over their metrics."""
    results = {name: scorer.score(summary, sources) for name, scorer in scorers.items()}  # type: ignore[attr-defined]
    merged: dict[str, float] = {}
    for result in results.values():
        merged.update(result.metrics)
    results["combined"] = SampleScore(metrics=CombinedScorer().combine(merged))
    return results


def summary_score(name: str, result: SampleScore) -> float:
    """Higher = more consistent: the combined score, lexical support (words times trigrams), or 1 - the
    flagged share of a scorer's findings."""
    if name == "combined":
        return result.metrics["combined_score"]
    if name == "lexical":
        return result.metrics.get("lexical_support", 1.0) * result.metrics.get("lexical_trigram_support", 1.0)
    if not result.findings:
        return 1.0
    return 1.0 - sum(finding.flagged for finding in result.findings) / len(result.findings)


def flagged(name: str, result: SampleScore) -> bool:
    """Whether a scorer flags the summary: `combined_flag`, a low lexical support, or any flagged finding."""
    if name == "combined":
        return result.metrics["combined_flag"] == 1.0
    if name == "lexical":
        return summary_score(name, result) < CombinedScorer().threshold
    return any(finding.flagged for finding in result.findings)


def partial_correlation(scores: np.ndarray, labels: np.ndarray, systems: Sequence[str]) -> float:
    """Pearson's r of score and label after removing each system's mean from both."""
    scores, labels = scores.astype(float).copy(), labels.astype(float).copy()
    for system in set(systems):
        mask = np.asarray([s == system for s in systems])
        scores[mask] -= scores[mask].mean()
        labels[mask] -= labels[mask].mean()
    if scores.std() == 0 or labels.std() == 0:
        return float("nan")
    return float(np.corrcoef(scores, labels)[0, 1])


def two_fold(scores: np.ndarray, labels: np.ndarray, articles: Sequence[str]) -> float:
    """Balanced accuracy with each half's threshold chosen on the other half (split by article)."""
    names = sorted(set(articles))
    random.Random(0).shuffle(names)
    first = set(names[: len(names) // 2])
    fold = np.asarray([a in first for a in articles])
    correct: list[float] = []
    for train in (fold, ~fold):
        threshold = choose_threshold(scores[train], labels[train])
        correct.append(float(balanced_accuracy_rows(scores[~train], labels[~train], threshold)[0]))
    return float(np.mean(correct))


def evaluate(name: str, items: list[Item]) -> None:
    """Score every item with every scorer and print the figures per scorer."""
    scorers = {key: factory() for key, factory in SCORERS.items()}
    names = [*SCORERS, "combined"]
    scores: dict[str, list[float]] = {key: [] for key in names}
    self_flags = {key: 0 for key in names}
    flag_counts = {key: 0 for key in names}
    by_article: dict[str, Sources] = {}
    for item in items:
        sources = by_article.setdefault(item.article, Sources.from_texts(item.article, {item.article: item.document}))
        results = score_all(item.summary, sources, scorers)
        for key in names:
            scores[key].append(summary_score(key, results[key]))
            flag_counts[key] += int(flagged(key, results[key]))
    for sources in by_article.values():
        results = score_all(sources.documents[0].text, sources, scorers)
        for key in names:
            self_flags[key] += int(flagged(key, results[key]))
    labels = np.asarray([item.label for item in items])
    systems = [item.system for item in items]
    articles = [item.article for item in items]
    print(
        f"\n## {name}: {len(items)} summaries of {len(by_article)} articles, {int((labels == 0).sum())} with an error"
    )
    print(
        "| scorer | threshold (dev) | balanced acc. (dev threshold) | balanced acc. (two-fold) | partial r | "
        "summaries flagged (default threshold) | articles as own summary flagged |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for key in names:
        values = np.asarray(scores[key])
        threshold = choose_threshold(values, labels)
        accuracy = float(balanced_accuracy_rows(values, labels, threshold)[0])
        print(
            f"| {key} | {threshold:.3f} | {accuracy:.3f} | {two_fold(values, labels, articles):.3f} | "
            f"{partial_correlation(values, labels, systems):.3f} | {flag_counts[key]} | "
            f"{self_flags[key]} of {len(by_article)} |"
        )


def self_consistency(name: str, documents: list[tuple[Sources, str]], subsets: int = 3) -> None:
    """Flags raised when a document, or random subsets of its sentences, is given as its own summary."""
    scorers = {key: factory() for key, factory in SCORERS.items()}
    flags = {key: 0 for key in SCORERS}
    examples: list[str] = []
    rng = random.Random(0)
    summaries = 0
    for sources, text in documents:
        spans = sentences(text)
        candidates = [text]
        for _ in range(subsets if len(spans) > 1 else 0):
            chosen = sorted(rng.sample(range(len(spans)), rng.randint(1, len(spans))))
            candidates.append("".join(_joined(spans[index].text) for index in chosen).strip())
        for summary in candidates:
            summaries += 1
            for key, scorer in scorers.items():
                for finding in scorer.score(summary, sources).findings:  # type: ignore[attr-defined]
                    if finding.flagged:
                        flags[key] += 1
                        if len(examples) < 12:
                            examples.append(f"{key}: {finding.verdict} '{finding.text}' ({finding.detail})")
    print(f"\n## self-consistency, {name}: {len(documents)} documents, {summaries} summaries (document + subsets)")
    print("flags: " + ", ".join(f"{key} {count}" for key, count in flags.items()))
    for example in examples:
        print(f"- {example}")


def _joined(sentence: str) -> str:
    """A sentence as it stands in a run of chosen sentences: a headline or line without a period ends its line."""
    return sentence + (" " if sentence.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?")) else "\n\n")


def goldset_documents() -> list[tuple[Sources, str]]:
    """Each document of the built-in goldset with its cluster's gold sources."""
    from harness.goldset.load import load_goldset

    goldset = load_goldset()
    return [
        (Sources.from_gold(goldset, cluster), document.text)
        for cluster in goldset.clusters
        for document in cluster.documents
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, required=True, help="folder holding frank/ and entfa/ (../shared/dev)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items of each set")
    args = parser.parse_args(argv)
    frank = frank_items(args.dev / "frank" / "frank-valid.jsonl")[: args.limit]
    entfa = entfa_items(args.dev / "entfa" / "train.json")[: args.limit]
    evaluate("FRANK valid", frank)
    evaluate("EntFA train", entfa)
    self_consistency("goldset (gold-based)", goldset_documents())
    articles = {item.document: item for item in [*frank, *entfa]}
    self_consistency(
        "FRANK and EntFA articles (gold-free)",
        [(Sources.from_texts(key[:16], {"doc": key}), key) for key in articles],
        subsets=1,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
