"""Entity verdicts against the synthetic gold cluster and its texts (gold-free)."""

from __future__ import annotations

from harness.claims.entities import find_entities
from harness.verdicts.entities import judge_entities
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding
from tests.verdicts.synthetic import TEXT_A, TEXT_B, gold_sources, text_sources


def _judge(summary: str, sources: Sources) -> dict[str, Finding]:
    findings = judge_entities(find_entities(summary, sources.entities), sources)
    return {finding.text: finding for finding in findings}


def test_alias_is_supported_by_a_gold_mention_with_its_id() -> None:
    finding = _judge("Sergey Lavrov spoke.", gold_sources())["Sergey Lavrov"]
    assert finding.verdict == "supported"
    evidence = finding.evidence[0]
    assert (evidence.document, evidence.text, evidence.annotation) == ("b", "Sergei Lavrov", "b-m1")
    assert TEXT_B[evidence.start : evidence.end] == "Sergei Lavrov"


def test_evidence_prefers_a_mention_written_as_in_the_summary() -> None:
    finding = _judge("Moscow agreed.", gold_sources())["Moscow"]
    assert [(e.document, e.text, e.annotation) for e in finding.evidence] == [
        ("a", "Russia", "a-m2"),
        ("b", "Moscow", "b-m2"),
    ]


def test_a_name_only_in_page_furniture_or_nowhere_is_unsupported() -> None:
    findings = _judge("Parwiz Parwiz met Vladimir Putin.", gold_sources())
    assert findings["Parwiz Parwiz"].verdict == "unsupported"
    assert findings["Vladimir Putin"].verdict == "unsupported"
    assert findings["Vladimir Putin"].flagged and findings["Vladimir Putin"].evidence == ()


def test_a_role_the_sources_do_not_give_is_wrong_role() -> None:
    findings = _judge("Hanif Atmar, Afghanistan's foreign minister, spoke.", gold_sources())
    finding = findings["Hanif Atmar"]
    assert finding.verdict == "wrong_role"
    assert "Afghanistan's national security adviser" in (finding.detail or "")
    assert finding.evidence[0].annotation == "a-m6"


def test_roles_matching_the_inventory_or_a_source_sentence_are_supported() -> None:
    inventory_role = _judge("Russia's foreign minister Sergei Lavrov spoke.", gold_sources())["Sergei Lavrov"]
    sentence_role = _judge("Taliban spokesman Zabihullah Mujahid spoke.", text_sources())["Zabihullah Mujahid"]
    assert inventory_role.verdict == "supported"
    assert sentence_role.verdict == "supported"


def test_gold_free_names_are_found_in_the_texts_without_annotation_ids() -> None:
    findings = _judge("Hanif Atmar and Sergey Lavrov met.", text_sources())
    atmar = findings["Hanif Atmar"]
    assert atmar.verdict == "supported"
    evidence = atmar.evidence[0]
    assert (evidence.document, evidence.annotation) == ("a", None)
    assert TEXT_A[evidence.start : evidence.end] == "Hanif Atmar"
    assert findings["Sergey Lavrov"].verdict == "unsupported"


def test_gold_free_role_check_reads_the_source_sentences() -> None:
    findings = _judge("Hanif Atmar, Afghanistan's foreign minister, met them.", text_sources())
    assert findings["Hanif Atmar"].verdict == "wrong_role"
