"""Lead-k, TextRank, the ROUGE oracle and the reference summarizer on a small two-document cluster."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from harness.errors import ConfigError, ModelError
from harness.models.protocols import SourceCluster, SourceDocument, Summarizer
from harness.models.summarizers.lead import LeadSummarizer
from harness.models.summarizers.oracle import OracleSummarizer
from harness.models.summarizers.references import ReferenceSummarizer
from harness.models.summarizers.source_sentences import cluster_sentences, document_sentences
from harness.models.summarizers.textrank import TextRankSummarizer, tfidf_similarity

S1 = "The Taliban said on Wednesday it would send senior members to Moscow for peace talks."
S2 = "Russia has invited 12 countries, including the United States, to the talks on Sept. 4."
S3 = "Afghanistan's government declined the offer to attend the Moscow conference."
S4 = "Nearly 40 years have passed since Moscow sent its troops into Afghanistan."
T1 = "Afghanistan will not attend the peace talks hosted by Russia early next month, the ministry said."
T2 = "At least four senior Taliban members will attend the talks in Moscow, a commander said."


def test_furniture_is_not_a_sentence(cluster: SourceCluster) -> None:
    assert [s.text for s in cluster_sentences(cluster)] == [S1, S2, S3, S4, T1, T2]


def test_headline_on_its_own_line_is_dropped() -> None:
    text = "Taliban will attend talks in Russia\nIn one of its biggest forays, the group accepted an invitation."
    assert [s.text for s in document_sentences(text)] == [
        "In one of its biggest forays, the group accepted an invitation."
    ]


def test_lead_3_is_the_first_three_sentences(cluster: SourceCluster) -> None:
    assert LeadSummarizer(k=3).summarize(cluster) == f"{S1} {S2} {S3}"


def test_lead_round_robin_alternates_documents(cluster: SourceCluster) -> None:
    assert LeadSummarizer(k=3, order="round_robin").summarize(cluster) == f"{S1} {T1} {S2}"


def test_lead_k_larger_than_the_cluster_returns_everything(cluster: SourceCluster) -> None:
    assert LeadSummarizer(k=50).summarize(cluster) == " ".join([S1, S2, S3, S4, T1, T2])


def test_lead_rejects_bad_config() -> None:
    with pytest.raises(ConfigError, match="k must be at least 1"):
        LeadSummarizer(k=0)
    with pytest.raises(ConfigError, match="order"):
        LeadSummarizer(order="random")  # type: ignore[arg-type]


def test_cluster_without_prose_is_a_model_error() -> None:
    empty = SourceCluster("bare", (SourceDocument("d", "# Headline\n\nBy [Reuters](#)\n"),))
    with pytest.raises(ModelError, match="'bare'"):
        LeadSummarizer().summarize(empty)


def test_tfidf_similarity_of_identical_and_disjoint_texts() -> None:
    similarity = tfidf_similarity(["peace talks Moscow", "peace talks Moscow", "weapons supply"])
    assert similarity[0, 1] == pytest.approx(1.0)
    assert similarity[0, 2] == 0.0


def test_textrank_sentences_come_from_sources_and_respect_budget(cluster: SourceCluster) -> None:
    summary = TextRankSummarizer(max_sentences=2).summarize(cluster)
    chosen = [s.text for s in document_sentences(summary, min_words=1)]
    assert len(chosen) == 2
    assert all(sentence in {S1, S2, S3, S4, T1, T2} for sentence in chosen)


def test_textrank_word_budget(cluster: SourceCluster) -> None:
    summary = TextRankSummarizer(max_sentences=None, max_words=30).summarize(cluster)
    assert 0 < len(summary.split()) <= 30


def test_textrank_skips_a_duplicate_sentence() -> None:
    central = "Russia invited the Taliban to peace talks in Moscow next month."
    docs = (
        SourceDocument("a", f"{central} The talks are set for September in Moscow with the Taliban."),
        SourceDocument("b", f"{central} Weather was mild across the region this week overall."),
    )
    summary = TextRankSummarizer(max_sentences=2).summarize(SourceCluster("dup", docs))
    assert summary.count(central) == 1


def test_textrank_too_small_word_budget_is_a_model_error(cluster: SourceCluster) -> None:
    with pytest.raises(ModelError, match="max_words=3"):
        TextRankSummarizer(max_sentences=None, max_words=3).summarize(cluster)


def test_textrank_needs_a_budget() -> None:
    with pytest.raises(ConfigError, match="budget"):
        TextRankSummarizer(max_sentences=None, max_words=None)


def _rouge(summary: str, references: tuple[str, ...]) -> float:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    scores = [s.fmeasure for ref in references for s in scorer.score(ref, summary).values()]
    return sum(scores) / len(scores)


def test_oracle_beats_lead_3(cluster: SourceCluster) -> None:
    single = SourceCluster("one-ref", cluster.documents, (f"{S2} {T2}",))
    oracle = OracleSummarizer().summarize(single)
    lead = LeadSummarizer(k=3).summarize(single)
    assert oracle == f"{S2} {T2}"
    assert _rouge(oracle, single.references) == pytest.approx(1.0)
    assert _rouge(oracle, single.references) > _rouge(lead, single.references)


def test_oracle_stops_at_the_sentence_budget(cluster: SourceCluster) -> None:
    summary = OracleSummarizer(max_sentences=1).summarize(cluster)
    assert summary in {S1, S2, S3, S4, T1, T2}


def test_oracle_needs_references(cluster: SourceCluster) -> None:
    bare = SourceCluster("bare", cluster.documents)
    with pytest.raises(ModelError, match="no reference summaries"):
        OracleSummarizer().summarize(bare)


def test_oracle_rejects_unknown_rouge_type() -> None:
    with pytest.raises(ConfigError, match="rouge_types"):
        OracleSummarizer(rouge_types=("rougeZ",))


def test_references_returns_the_chosen_reference(cluster: SourceCluster) -> None:
    assert ReferenceSummarizer().summarize(cluster) == cluster.references[0]
    assert ReferenceSummarizer(index=1).summarize(cluster) == cluster.references[1]


def test_references_out_of_range_names_the_cluster(cluster: SourceCluster) -> None:
    with pytest.raises(ModelError, match=r"'talks' has 2 reference summaries .* no reference 2"):
        ReferenceSummarizer(index=2).summarize(cluster)
    with pytest.raises(ModelError, match="no reference summaries"):
        ReferenceSummarizer().summarize(SourceCluster("bare", cluster.documents))


def test_every_baseline_is_a_summarizer() -> None:
    for model in (LeadSummarizer(), TextRankSummarizer(), OracleSummarizer(), ReferenceSummarizer()):
        assert isinstance(model, Summarizer)
