"""The numbers scorer: protocol, per-sample metrics, and the real goldset's references (no flag at all)."""

from __future__ import annotations

import datetime as dt

import pytest

from harness.errors import ConfigError
from harness.goldset.load import load_goldset
from harness.metrics.numbers import NumberConsistencyScorer
from harness.metrics.protocols import Scorer
from harness.verdicts.sources import Sources

SOURCE = (
    "Russia has invited 12 countries to the Moscow talks on Sept. 4. "
    "Nearly 40 years have passed since Moscow sent its troops into Afghanistan."
)
GOLD_FREE = Sources.from_texts("synthetic", {"001_source": SOURCE}, anchor=dt.date(2018, 8, 23))


def test_is_a_scorer_named_numbers() -> None:
    scorer = NumberConsistencyScorer()
    assert isinstance(scorer, Scorer)
    assert scorer.name == "numbers"


def test_counts_and_precision() -> None:
    summary = (
        "Russia invited a dozen countries to the Moscow talks on Sept. 5. "
        "More than 40 years have passed since Moscow sent troops into Afghanistan. Seventeen journalists came."
    )
    score = NumberConsistencyScorer().score(summary, GOLD_FREE)
    assert [finding.verdict for finding in score.findings] == ["supported", "contradicted", "contradicted",
                                                               "unsupported"]  # fmt: skip
    assert score.metrics == {
        "number_claims": 4.0,
        "number_flagged": 3.0,
        "number_supported": 1.0,
        "number_contradicted": 2.0,
        "number_unit_mismatch": 0.0,
        "number_unsupported": 1.0,
        "number_unverified": 0.0,
        "number_checked": 4.0,
        "number_unjudged": 0.0,
        "number_precision": 0.25,
    }


def test_no_numbers_leaves_precision_out() -> None:
    score = NumberConsistencyScorer().score("Russia hosts talks.", GOLD_FREE)
    assert score.findings == ()
    assert "number_precision" not in score.metrics
    assert "number_survival" not in score.metrics  # gold-free: no facts
    assert score.metrics["number_claims"] == 0.0


@pytest.mark.parametrize("bad", [0, -1, "2", 1.5, True])
def test_bad_options_raise_config_error(bad: object) -> None:
    with pytest.raises(ConfigError, match="salient_min_support"):
        NumberConsistencyScorer(salient_min_support=bad)  # type: ignore[arg-type]


GOLDSET = load_goldset()
CLUSTER = GOLDSET.clusters[0]
GOLD_SOURCES = Sources.from_gold(GOLDSET, CLUSTER)


@pytest.mark.parametrize("reference", CLUSTER.references, ids=lambda reference: reference.id)
def test_reference_summaries_get_no_flag(reference: object) -> None:
    text = reference.text  # type: ignore[attr-defined]
    score = NumberConsistencyScorer().score(text, GOLD_SOURCES)
    flagged = [(finding.text, finding.verdict, finding.detail) for finding in score.findings if finding.flagged]
    assert flagged == []
    assert score.metrics["number_claims"] >= 3
    assert score.metrics["number_precision"] == 1.0
    assert 0.0 < score.metrics["number_survival"] <= 1.0


def test_longer_references_keep_more_salient_facts() -> None:
    scorer = NumberConsistencyScorer()
    survival = {ref.id: scorer.score(ref.text, GOLD_SOURCES).metrics["number_survival"] for ref in CLUSTER.references}
    assert survival["ref-050"] < survival["ref-100"] <= survival["ref-200"]


def test_references_in_gold_free_mode_get_no_flag() -> None:
    """Without annotations (each document's text at its own date) the references still get no flag."""
    plain = tuple(type(document)(info=document.info, text=document.text) for document in CLUSTER.documents)
    sources = Sources(cluster=CLUSTER.id, documents=plain, gold=False)
    scorer = NumberConsistencyScorer()
    for reference in CLUSTER.references:
        flagged = [finding.text for finding in scorer.score(reference.text, sources).findings if finding.flagged]
        assert flagged == [], reference.id
