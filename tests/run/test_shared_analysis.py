"""Sharing source analyses by content and preparing ROUGE texts once change no result, byte for byte.

Each run is made twice in one process: as shipped, and with every shared cache off (each sample's sources
analysed afresh) and ROUGE computed by rouge-score itself. samples.jsonl, metrics.json and table.md must be
identical, on the built-in goldset and on a generated dataset whose rows repeat the same articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.metrics import rouge, source_cache
from harness.metrics.protocols import SampleScore
from harness.verdicts.sources import Sources
from tests.metrics.rouge_reference import rouge_score_itself

FILES = ("samples.jsonl", "metrics.json", "table.md")
ARTICLES = [
    "Russia invited 12 countries to talks in Moscow on Sept. 4, Foreign Minister Sergei Lavrov said on Monday. "
    '"We expect the Taliban to attend," he told reporters. About 40 percent of districts are contested.',
    "The Taliban said on Wednesday it would send five senior members to the talks. Kabul declined the offer, "
    "and the United States will not attend, a State Department spokeswoman said.",
]
SUMMARIES = [
    "Russia invited 14 countries to Moscow talks; Lavrov said the Taliban would attend.",
    'Sergei Lavrov said 12 countries were invited. "We expect the Taliban to attend," he said.',
    "The Taliban will send five members; Kabul declined and the United States stays away.",
    "Kabul accepted the offer, the State Department said on Friday.",
]


def rouge_by_rouge_score(self: rouge.RougeScorer, summary: str, sources: Sources) -> SampleScore:
    """ROUGE as rouge-score computes it, on the same sentence lines and with the same leave-one-out."""
    metrics = rouge_score_itself(summary, list(sources.references), self.rouge_types, self.near_copy)
    assert metrics is not None
    return SampleScore(metrics=metrics)


def run_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["run", *args, f"hydra.run.dir={tmp_path / 'shared'}"]) == 0
    with monkeypatch.context() as patch:
        patch.setattr(source_cache, "SIZE", 0)
        patch.setattr(rouge.RougeScorer, "score", rouge_by_rouge_score)
        assert main(["run", *args, f"hydra.run.dir={tmp_path / 'fresh'}"]) == 0
    for name in FILES:
        assert (tmp_path / "shared" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert (tmp_path / "shared" / "samples.jsonl").read_text(encoding="utf-8").count("\n") > 4


@pytest.mark.slow
def test_goldset_results_are_identical_with_and_without_shared_analyses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_both(tmp_path, monkeypatch, "task.unit=document", "summarizer=lead")


@pytest.mark.slow
def test_generated_rows_repeating_articles_give_identical_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        {"id": f"row{index}", "document": ARTICLES[index % 2], "summary": SUMMARIES[index % 4]} for index in range(8)
    ]
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    run_both(
        tmp_path,
        monkeypatch,
        "goldset=hf_dataset",
        "goldset.path=json",
        f"goldset.data_files={data}",
        "goldset.split=train",
        "goldset.id_column=id",
        "summarizer=lead",
        "summarizer.k=1",
    )


def test_several_models_in_one_process_analyse_each_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scored sample by sample, every model's summary of an article meets its analysis while it is still held,
    even when only one set of sources is held at a time."""
    from harness.metrics import numbers
    from harness.verdicts.number_sources import source_numbers

    analysed: list[tuple[str, ...]] = []

    def counted(sources: Sources) -> object:
        analysed.append(tuple(document.text for document in sources.documents))
        return source_numbers(sources)

    rows = [
        {"document": article, "summary": summary, "system": system, "reference": article.split(".")[0]}
        for article in [*ARTICLES, ARTICLES[0].replace("12 countries", "13 countries")]
        for system, summary in (("a", SUMMARIES[0]), ("b", SUMMARIES[2]))
    ]
    data = tmp_path / "pairs.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    monkeypatch.setenv("HARNESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(source_cache, "SIZE", 1)
    monkeypatch.setattr(numbers, "source_numbers", counted)
    assert main(["run", "goldset=pairs", f"goldset.path={data}", f"hydra.run.dir={tmp_path / 'run'}"]) == 0
    assert len(analysed) == 3 == len(set(analysed))
    scored = [
        json.loads(line) for line in (tmp_path / "run" / "samples.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(record["model"] for record in scored) == ["a", "a", "a", "b", "b", "b"]
