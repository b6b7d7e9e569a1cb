"""Relation errors: two participants of one clause swapped, an error kind no finder looks for."""

from __future__ import annotations

from harness.models.gazetteer import load_gazetteer
from harness.models.protocols import SourceCluster, SourceDocument, Summary
from harness.models.summarizers.corrupt import CorruptingSummarizer
from harness.models.summarizers.planting.relations import relation_sites
from harness.report.sensitivity import is_flagged
from harness.verdicts.types import Finding


class _Fixed:
    def summarize(self, cluster: SourceCluster) -> Summary:
        return Summary("The Lions beat the Tigers on Monday, and Mary Okafor praised Tom Berg.")


def test_swaps_two_participants_of_one_clause_only() -> None:
    text = "The Lions beat the Tigers on Monday, and Mary Okafor praised Tom Berg."
    swaps = [(s.original, s.replacement) for s in relation_sites(text, load_gazetteer())]
    assert swaps == [
        ("Lions beat the Tigers", "Tigers beat the Lions"),
        ("Mary Okafor praised Tom Berg", "Tom Berg praised Mary Okafor"),
    ]


def test_the_corrupting_wrapper_plants_relation_errors_when_asked() -> None:
    cluster = SourceCluster(id="c", documents=(SourceDocument(id="d", text="unused"),))
    summary = CorruptingSummarizer(_Fixed(), errors=["relation"], count=None, rate=1.0).summarize(cluster)
    planted = summary.metadata["planted"]
    assert [p["type"] for p in planted] == ["relation", "relation"]
    assert summary.text == "The Tigers beat the Lions on Monday, and Tom Berg praised Mary Okafor."
    assert all(summary.text[p["start"] : p["end"]] == p["planted"] for p in planted)


def test_a_contradicted_event_in_the_sentence_reveals_a_swap() -> None:
    text = "The Tigers beat the Lions on Monday."
    planted = {"type": "relation", "start": 4, "end": 25}
    event = Finding(type="event", text="beat", start=11, end=15, verdict="contradicted")
    assert is_flagged(planted, text, [event])
    assert not is_flagged(planted, text, [event.model_copy(update={"verdict": "supported"})])
