"""A negation the source clause has and the summary drops is a contradiction, whatever the verb."""

from __future__ import annotations

from harness.verdicts.polarity import negation_findings, stem
from harness.verdicts.sources import Sources


def _flagged(summary: str, article: str) -> list[str]:
    sources = Sources.from_texts("c", {"doc": article})
    return [finding.text for finding in negation_findings(summary, sources) if finding.verdict == "contradicted"]


def test_a_dropped_not_contradicts_the_source() -> None:
    article = "Downing Street said the prime minister had not considered resigning after the vote."
    assert _flagged("The prime minister had considered resigning.", article) == ["considered"]


def test_a_dropped_no_before_the_subject_contradicts_the_source() -> None:
    article = "No deaths were reported, but five people were hurt."
    assert _flagged("Deaths were reported after the storm.", article) == ["Deaths"]


def test_verbs_compare_across_tenses() -> None:
    assert stem("found") == stem("find") and stem("refused") == stem("refuse")
    article = "The researchers did not find any evidence that the weed spread."
    assert _flagged("The researchers found evidence that the weed spread.", article) == ["found"]


def test_a_kept_negation_or_a_paraphrase_is_no_contradiction() -> None:
    article = "The researchers did not find any evidence that the weed spread. It does not need fertiliser."
    assert _flagged("The researchers found no evidence that the weed spread.", article) == []
    assert _flagged("The plant needs no fertiliser.", article) == []
    assert _flagged("The researchers found that the weed grows anywhere.", article) == []


def test_a_clause_the_source_also_says_plainly_is_no_contradiction() -> None:
    article = '"We don\'t lose this game because of two free throws," he said. The Hawks lost the game on Sunday.'
    assert _flagged("The Hawks lost the game on Sunday.", article) == []


def test_not_only_and_comparatives_are_no_negation() -> None:
    article = "The council not only approved the plan but funded it. No more than ten people attended the vote."
    assert _flagged("The council approved the plan.", article) == []
    assert _flagged("More than ten people attended the vote.", article) == []
