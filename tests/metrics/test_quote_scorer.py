"""QuoteFidelityScorer: share of verbatim, rightly attributed quotations."""

from __future__ import annotations

from harness.metrics.protocols import Scorer
from harness.metrics.quotes import QuoteFidelityScorer
from tests.verdicts.synthetic import gold_sources, text_sources

SUMMARY = (
    '"The first reaction was positive," Lavrov said. "Our leaders have accepted," said Lavrov. '
    '"We will never come," Mujahid said.'
)


def test_fidelity_is_verbatim_share() -> None:
    score = QuoteFidelityScorer().score(SUMMARY, gold_sources())
    assert [finding.verdict for finding in score.findings] == ["verbatim", "misattributed", "fabricated"]
    assert score.metrics == {
        "quote_claims": 3.0,
        "quote_flagged": 2.0,
        "quote_checked": 3.0,
        "quote_unjudged": 0.0,
        "quote_fidelity": 1 / 3,
    }


def test_same_scorer_serves_several_clusters() -> None:
    scorer = QuoteFidelityScorer()
    assert scorer.score(SUMMARY, gold_sources()).metrics["quote_fidelity"] == 1 / 3
    assert (
        scorer.score('"Our leaders have accepted," a spokesman said.', text_sources()).metrics["quote_fidelity"] == 1.0
    )


def test_no_quote_leaves_fidelity_out() -> None:
    assert QuoteFidelityScorer().score("No quotes here.", gold_sources()).metrics == {
        "quote_claims": 0.0,
        "quote_flagged": 0.0,
        "quote_checked": 0.0,
        "quote_unjudged": 0.0,
    }


def test_is_a_scorer() -> None:
    assert isinstance(QuoteFidelityScorer(), Scorer)
