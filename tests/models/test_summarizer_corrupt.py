"""The corrupting wrapper: planted errors of each type, exact offsets, determinism by seed."""

from __future__ import annotations

import random

import pytest

from harness.core.claim_types import NumberClaim
from harness.core.spans import Span
from harness.errors import ConfigError
from harness.models.protocols import SourceCluster, SourceDocument, Summary
from harness.models.summarizers.corrupt import CorruptingSummarizer
from harness.models.summarizers.planting.negations import negation_sites
from harness.models.summarizers.planting.numbers import number_sites
from harness.models.summarizers.planting.sites import apply_sites, site
from harness.models.summarizers.references import ReferenceSummarizer

REFERENCE = (
    "The Taliban have accepted Russia's invitation to talks in Moscow. "
    '"Our leaders have accepted the invitation," Taliban spokesman Zabihullah Mujahid said. '
    "The Afghan government declined, and the United States will not attend."
)
CLUSTER = SourceCluster("talks", (SourceDocument("d", "Source."),), (REFERENCE,))


def _claim(text: str, phrase: str, **fields: object) -> NumberClaim:
    start = text.index(phrase)
    return NumberClaim(span=Span(start=start, end=start + len(phrase), text=phrase), **fields)


def _planted(text: str, claims: list[NumberClaim]) -> dict[str, str]:
    return {s.subtype + ":" + s.original: s.replacement for s in number_sites(text, claims, random.Random(3))}


def test_apply_sites_records_offsets_in_the_new_text() -> None:
    text = "Russia invited 12 countries to talks on Sept. 4."
    edits = [site(text, 15, 17, "14", "number", "value"), site(text, 0, 6, "China", "entity", "swap")]
    new, planted = apply_sites(text, edits)
    assert new == "China invited 14 countries to talks on Sept. 4."
    assert [(p["start"], p["end"], p["planted"]) for p in planted] == [(0, 5, "China"), (14, 16, "14")]
    assert all(new[p["start"] : p["end"]] == p["planted"] for p in planted)


def test_number_value_magnitude_and_unit() -> None:
    text = "Russia invited 12 countries."
    planted = _planted(text, [_claim(text, "12 countries", kind="cardinal", value=12, unit="country")])
    assert planted["magnitude:12"] == "120"
    assert planted["unit:countries"] in {
        "Taliban leaders",
        "provinces",
        "officials",
        "delegations",
        "soldiers",
        "cities",
    }
    assert planted["value:12"] != "12" and planted["value:12"].isdigit()


def test_number_date_and_ordinal_date() -> None:
    text = "Talks on Sept. 4 and on the 30th of September."
    claims = [
        _claim(text, "Sept. 4", kind="date", date="2018-09-04"),
        _claim(text, "30th of September", kind="date", date="2018-09-30"),
    ]
    assert _planted(text, claims) == {"date:4": "5", "date:30th": "29th"}


def test_number_qualifier_and_word_numbers() -> None:
    text = "Nearly 40 years passed; at least four members will go for a three-month ceasefire."
    claims = [
        _claim(text, "40 years", kind="duration", value=40, qualifier="nearly", unit="year"),
        _claim(text, "four members", kind="cardinal", value=4, qualifier="at_least", unit="member"),
        _claim(text, "three-month", kind="duration", value=3, unit="month"),
    ]
    planted = _planted(text, claims)
    assert planted["qualifier:Nearly"] == "More than"
    assert planted["qualifier:at least"] == "fewer than"
    assert planted["magnitude:four"] == "forty"
    assert planted["value:four"] in {"three", "five", "six"}
    assert planted["unit:month"] in {"day", "week", "year"}
    assert planted["unit:years"] in {"days", "weeks", "months"}


def test_vague_quantity_grows_by_an_order_of_magnitude() -> None:
    text = "Hundreds of people were killed."
    planted = _planted(text, [_claim(text, "Hundreds", kind="vague", low=200, high=1000)])
    assert planted == {"magnitude:Hundreds": "Thousands"}


def test_negation_sites() -> None:
    text = "Russia accepted. Kabul rejected it and will not attend; Washington won't go."
    flips = {(s.subtype, s.original): s.replacement for s in negation_sites(text)}
    assert flips[("antonym", "accepted")] == "declined"
    assert flips[("antonym", "rejected")] == "accepted"
    assert flips[("antonym", "attend")] == "skip"
    assert flips[("remove_not", " not")] == ""
    assert flips[("remove_not", "won't")] == "will"


@pytest.mark.parametrize("errors", [["entity"], ["quote"], ["negation"], ["entity", "quote", "negation"]])
def test_offsets_point_at_the_planted_text(errors: list[str]) -> None:
    for seed in range(5):
        summary = CorruptingSummarizer(ReferenceSummarizer(), errors=errors, count=2, seed=seed).summarize(CLUSTER)
        assert summary.text != REFERENCE
        assert 1 <= len(summary.metadata["planted"]) <= 2
        for planted in summary.metadata["planted"]:
            assert planted["type"] in errors
            assert summary.text[planted["start"] : planted["end"]] == planted["planted"]
            assert planted["original"] != planted["planted"]


def test_quote_errors_alter_a_quoted_word_or_the_speaker() -> None:
    seen = set()
    for seed in range(12):
        summary = CorruptingSummarizer(ReferenceSummarizer(), errors=["quote"], seed=seed).summarize(CLUSTER)
        (planted,) = summary.metadata["planted"]
        seen.add(planted["subtype"])
        if planted["subtype"] == "speaker":
            assert planted["original"] == "Zabihullah Mujahid"
        else:
            assert planted["original"] in {"Our", "leaders", "accepted", "invitation"}
    assert seen == {"word", "speaker"}


def test_entity_swap_keeps_the_type() -> None:
    text = "Russia invited the United States."
    model = CorruptingSummarizer(ReferenceSummarizer(), errors=["entity"], count=2, seed=0)
    summary = model.summarize(SourceCluster("c", CLUSTER.documents, (text,)))
    by_original = {p["original"]: p["planted"] for p in summary.metadata["planted"]}
    gpe = {e.name for e in model.gazetteer if e.type == "GPE"}
    assert set(by_original) == {"Russia", "United States"}
    assert by_original["Russia"] in gpe and by_original["United States"] in gpe
    assert by_original["United States"] in {"United Kingdom", "United Arab Emirates", "Netherlands", "Philippines"}


def test_same_seed_same_output_other_seed_may_differ() -> None:
    def run(seed: int) -> Summary:
        errors = ["entity", "quote", "negation"]
        return CorruptingSummarizer(ReferenceSummarizer(), errors=errors, count=3, seed=seed).summarize(CLUSTER)

    assert run(7) == run(7)
    assert len({run(seed).text for seed in range(6)}) > 1


def test_rate_plants_a_share_of_the_sites() -> None:
    summary = CorruptingSummarizer(ReferenceSummarizer(), errors=["negation"], count=None, rate=1.0).summarize(CLUSTER)
    assert len(summary.metadata["planted"]) >= 4


def test_nothing_to_plant_returns_the_base_text() -> None:
    text = "Talks were held."
    summary = CorruptingSummarizer(ReferenceSummarizer(), errors=["quote"]).summarize(
        SourceCluster("c", CLUSTER.documents, (text,))
    )
    assert summary == Summary(text, metadata={"planted": []})


def test_bad_config() -> None:
    with pytest.raises(ConfigError, match="subset"):
        CorruptingSummarizer(ReferenceSummarizer(), errors=["typo"])
    with pytest.raises(ConfigError, match="exactly one"):
        CorruptingSummarizer(ReferenceSummarizer(), count=1, rate=0.5)


def test_number_errors_through_the_number_finder() -> None:
    text = "Russia invited 12 countries to talks on Sept. 4."
    for seed in range(6):
        model = CorruptingSummarizer(ReferenceSummarizer(), errors=["number"], seed=seed)
        summary = model.summarize(SourceCluster("c", CLUSTER.documents, (text,)))
        (planted,) = summary.metadata["planted"]
        assert planted["type"] == "number"
        assert planted["original"] in {"12", "countries", "4"}
        assert summary.text[planted["start"] : planted["end"]] == planted["planted"]
