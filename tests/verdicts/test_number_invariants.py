"""Number verdicts that must hold on anyone's text: a document agrees with itself, undated relative dates are
never read against an invented date, and measured quantities compare in their units."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.core.text import sentences
from harness.goldset.load import DEFAULT_GOLDSET, load_goldset
from harness.run.samples import HFDatasetSource
from harness.verdicts.numbers import number_findings
from harness.verdicts.sources import Sources

GOLDSET = load_goldset(DEFAULT_GOLDSET)
CLUSTER = GOLDSET.clusters[0]
GOLD = Sources.from_gold(GOLDSET, CLUSTER)
GOLD_FREE = Sources.from_texts(CLUSTER.id, {document.id: document.text for document in CLUSTER.documents})
DOCUMENTS = [document.text for document in CLUSTER.documents]


def flags(summary: str, sources: Sources) -> list[tuple[str, str]]:
    return [(finding.text, finding.verdict) for finding in number_findings(summary, sources) if finding.flagged]


@pytest.mark.parametrize("sources", [GOLD, GOLD_FREE], ids=["gold", "gold-free"])
def test_every_goldset_document_as_its_own_summary_raises_no_number_flag(sources: Sources) -> None:
    for text in DOCUMENTS:
        assert flags(text, sources) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), gold=st.booleans())
def test_any_subset_of_a_documents_sentences_raises_no_number_flag(data: st.DataObject, gold: bool) -> None:
    text = data.draw(st.sampled_from(DOCUMENTS))
    parts = [span.text for span in sentences(text)]
    chosen = data.draw(st.lists(st.integers(0, len(parts) - 1), min_size=1, max_size=6, unique=True))
    summary = " ".join(parts[index] for index in sorted(chosen))
    assert flags(summary, GOLD if gold else GOLD_FREE) == []


FILLER = st.sampled_from(["The council said", "Officials confirmed that", "According to the report,", "Later,"])
FACT = st.tuples(
    st.integers(2, 9000),
    st.sampled_from(["people", "km", "percent", "million dollars", "kg", "schools", "%", "years"]),
    st.sampled_from(["were counted", "was measured", "was reported", "remained"]),
)


@settings(max_examples=40, deadline=None)
@given(facts=st.lists(st.tuples(FILLER, FACT), min_size=1, max_size=6), undated=st.booleans())
def test_generated_texts_agree_with_themselves(facts: list[tuple[str, tuple[int, str, str]]], undated: bool) -> None:
    text = " ".join(f"{lead} {value:,} {unit} {verb} on Tuesday." for lead, (value, unit, verb) in facts)
    sources = Sources.from_texts("generated", {"doc": text}, anchor=None if undated else dt.date(2020, 5, 6))
    assert flags(text, sources) == []


UNDATED = Sources.from_texts("c", {"d": "The minister said on Tuesday that the vote would be held next month."})


def test_undated_relative_dates_are_unresolved_not_read_against_1970() -> None:
    assert UNDATED.anchor(UNDATED.documents[0]) is None
    findings = number_findings("The vote will be held in September, the minister said on May 2.", UNDATED)
    assert [(finding.text, finding.verdict) for finding in findings] == [
        ("September", "unverified"),
        ("May 2", "unverified"),
    ]
    assert not any(finding.flagged for finding in findings)
    assert "1970" not in " ".join(finding.detail or "" for finding in findings)


def test_an_undated_month_is_supported_by_a_source_date_in_it() -> None:
    sources = Sources.from_texts("c", {"d": "The first match is against the West Indies on 16 March in Delhi."})
    found = number_findings("The tournament starts in India in March.", sources)
    assert [(finding.text, finding.verdict) for finding in found] == [("March", "supported")]


def test_a_dateline_or_an_anchor_dates_the_text() -> None:
    dated = Sources.from_texts("c", {"d": "KABUL, Aug. 23, 2018 - The talks open next month."})
    assert dated.anchor(dated.documents[0]) == dt.date(2018, 8, 23)
    assert [finding.verdict for finding in number_findings("The talks open in September.", dated)] == ["supported"]
    assert [finding.verdict for finding in number_findings("The talks open in October.", dated)] == ["contradicted"]


def test_a_different_weekday_of_an_undated_text_is_contradicted() -> None:
    sources = Sources.from_texts("c", {"d": "Police said the man was arrested on Sunday after the match."})
    found = number_findings("Police said the man was arrested on Monday.", sources)
    assert [finding.verdict for finding in found] == ["contradicted"]


@pytest.mark.parametrize(
    ("summary", "verdict"),
    [
        ("The new road is 1,500 metres long.", "supported"),
        ("The new road is 2 km long.", "contradicted"),
        ("The deal is worth 5 million dollars.", "supported"),
        ("The firm paid 446 million pounds for the site.", "supported"),
        ("The firm paid £446m for the site.", "supported"),
        ("Water there boils at 212 °F.", "supported"),
        ("Turnout rose by 4 percentage points.", "supported"),
    ],
)
def test_measured_quantities_and_money_compare_in_their_units(summary: str, verdict: str) -> None:
    sources = Sources.from_texts(
        "c",
        {"d": "The new road is 1.5 km long. The deal is worth $5m. The firm paid £446million for the site. "
              "Water there boils at 100 °C. Turnout rose by 4 percentage points to 40 percent."},
    )  # fmt: skip
    assert [finding.verdict for finding in number_findings(summary, sources)] == [verdict]


def test_percent_and_percentage_points_are_different_measures() -> None:
    sources = Sources.from_texts("c", {"d": "Support for the party rose by 4 percentage points in May."})
    found = number_findings("Support for the party rose by 4 percent.", sources)
    assert [(finding.text, finding.verdict) for finding in found] == [("4 percent", "unsupported")]


def test_a_dataset_date_column_anchors_its_rows(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text('article,published\n"The talks open next month.",2018-08-23\n', encoding="utf-8")
    source = HFDatasetSource(
        "csv", split="train", data_files=str(data), document_column="article", summary_column=None,
        date_column="published", cache_dir=str(tmp_path / "hf"),
    )  # fmt: skip
    (sample,) = source.samples("cluster")
    document = sample.sources.documents[0]
    assert sample.sources.anchor(document) == dt.date(2018, 8, 23)
    assert [finding.verdict for finding in number_findings("They open in September.", sample.sources)] == ["supported"]
