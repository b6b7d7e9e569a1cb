"""A fuller name than the source writes is supported by its surname unless a given name conflicts."""

from __future__ import annotations

from harness.metrics.entities import EntityConsistencyScorer
from harness.verdicts.sources import Sources

ARTICLE = (
    "Tillerson told reporters the talks would go on. Fewer than ten people attended. "
    "Mary Okafor, the mayor, said nothing."
)


def _verdicts(summary: str) -> dict[str, str]:
    sources = Sources.from_texts("c", {"doc": ARTICLE})
    return {finding.text: finding.verdict for finding in EntityConsistencyScorer().score(summary, sources).findings}


def test_surname_supports_a_fuller_name() -> None:
    assert _verdicts("Rex Tillerson told reporters the talks would go on.") == {"Rex Tillerson": "supported"}


def test_a_conflicting_given_name_is_unsupported() -> None:
    assert _verdicts("John Okafor spoke.") == {"John Okafor": "unsupported"}
    assert _verdicts("Mary Okafor spoke.") == {"Mary Okafor": "supported"}


def test_a_capitalized_quantifier_at_a_sentence_start_is_no_name() -> None:
    assert _verdicts("Fewer than ten people attended the talks.") == {}
    assert _verdicts("Several people attended.") == {}


def test_lowercased_summary_finds_names_in_the_sources_case() -> None:
    found = _verdicts("mary okafor said the talks would go on .")
    assert found == {"mary okafor": "supported"}
