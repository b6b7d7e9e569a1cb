"""Events of general news, gold-free: antonyms and a removed negation are contradictions, paraphrase is not."""

from __future__ import annotations

import pytest

from harness.metrics.events import EventConsistencyScorer
from harness.verdicts.sources import Sources

ARTICLE = (
    "The parliament approved the budget on Tuesday. The Lions lost the final to the Tigers. "
    "The court did not convict the mayor. Years have passed since the bridge opened."
)


def _verdicts(summary: str) -> list[tuple[str, str]]:
    sources = Sources.from_texts("c", {"doc": ARTICLE})
    return [(finding.text, finding.verdict) for finding in EventConsistencyScorer().score(summary, sources).findings]


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("The parliament rejected the budget.", [("rejected", "contradicted")]),
        ("The Lions won the final.", [("won", "contradicted")]),
        ("The court convicted the mayor.", [("convicted", "contradicted")]),
        ("The parliament did not approve the budget.", [("approve", "contradicted")]),
        ("the parliament rejected the budget .", [("rejected", "contradicted")]),
    ],
)
def test_an_antonym_or_a_flipped_negation_is_contradicted(summary: str, expected: list[tuple[str, str]]) -> None:
    assert _verdicts(summary) == expected


def test_the_same_event_is_supported_and_time_passing_is_no_approval() -> None:
    assert _verdicts("The parliament approved the budget.") == [("approved", "supported")]
    assert _verdicts("The court acquitted the mayor.") == [("acquitted", "supported")]
    assert _verdicts("Years have passed.") == []
