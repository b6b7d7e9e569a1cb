"""Number verdicts against synthetic gold documents: every verdict, paraphrases, evidence and survival."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from harness.core.spans import Span
from harness.goldset.load import GoldDocument
from harness.goldset.schema import DocumentInfo, FurnitureAnnotation, NumberAnnotation
from harness.verdicts.numbers import number_findings, number_survival
from harness.verdicts.sources import Sources
from harness.verdicts.types import Finding

TEXT_A = (
    "By Reuters\nSIX-WEEK ONLINE COURSE\n\n"
    "Russia has invited 12 countries to the Moscow talks on Sept. 4. "
    "Nearly 40 years have passed since Moscow sent its troops into Afghanistan. "
    "The Taliban rejected a three-month ceasefire offered by the government. "
    "The group controls or contests around 40 percent of the country's districts. "
    "At least four senior Taliban members will attend.\n"
)
TEXT_B = "Russia invited 12 countries to the talks, Lavrov said on Tuesday. The talks open on September 4 in Moscow.\n"


def span(text: str, piece: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Span(start=start, end=start + len(piece), text=piece)


def exact(ident: str, text: str, piece: str, kind: str, value: float, unit: str | None, counted: str, fact: str,
          **fields: object) -> NumberAnnotation:  # fmt: skip
    return NumberAnnotation.model_validate(
        {"id": ident, "span": span(text, piece), "kind": kind, "value": value, "low": value, "high": value,
         "unit": unit, "counted": counted, "fact": fact, **fields}
    )  # fmt: skip


NUMBERS_A = (
    exact("N001", TEXT_A, "12 countries", "cardinal", 12, "country", "countries invited to the Moscow talks",
          "countries-invited"),
    NumberAnnotation(id="N002", span=span(TEXT_A, "Sept. 4"), kind="date", counted="date of the Moscow talks",
                     date="2018-09-04", fact="talks-date"),
    NumberAnnotation(id="N003", span=span(TEXT_A, "Nearly 40 years"), kind="duration", value=40, low=36, high=40,
                     high_open=True, unit="year", qualifier="nearly", fact="years-since-invasion",
                     counted="years since the Soviet Union sent troops into Afghanistan"),
    exact("N004", TEXT_A, "three-month", "duration", 3, "month", "length of the ceasefire offered to the Taliban",
          "ceasefire-length"),
    NumberAnnotation(id="N005", span=span(TEXT_A, "around 40 percent"), kind="percent", value=40, low=36, high=44,
                     unit="percent", qualifier="approximately", fact="districts-share",
                     counted="percent of the country's districts controlled or contested by the Taliban"),
    NumberAnnotation(id="N006", span=span(TEXT_A, "At least four senior Taliban members"), kind="cardinal",
                     value=4, low=4, unit="member", qualifier="at_least", fact="delegation-size",
                     counted="senior Taliban members attending the Moscow talks"),
    # a mistaken annotation inside page furniture: it must never support anything
    exact("N007", TEXT_A, "SIX-WEEK", "duration", 6, "week", "length of the online course", "course-length"),
)  # fmt: skip
NUMBERS_B = (
    exact("N001", TEXT_B, "12 countries", "cardinal", 12, "country", "countries invited to the Moscow talks",
          "countries-invited"),
    NumberAnnotation(id="N002", span=span(TEXT_B, "Tuesday"), kind="date", counted="date Lavrov spoke",
                     date="2018-08-21", fact="lavrov-date"),
    NumberAnnotation(id="N003", span=span(TEXT_B, "September 4"), kind="date", counted="date of the Moscow talks",
                     date="2018-09-04", fact="talks-date"),
)  # fmt: skip


def document(ident: str, text: str, date: dt.date, **layers: object) -> GoldDocument:
    info = DocumentInfo(id=ident, path=f"{ident}.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), date=date,
                        title=ident)  # fmt: skip
    return GoldDocument(info=info, text=text, **layers)  # type: ignore[arg-type]


FURNITURE_A = (
    FurnitureAnnotation(id="F001", span=span(TEXT_A, "By Reuters"), kind="byline"),
    FurnitureAnnotation(id="F002", span=span(TEXT_A, "SIX-WEEK ONLINE COURSE"), kind="advertisement"),
)
GOLD = Sources(
    cluster="synthetic",
    documents=(
        document("001_alpha", TEXT_A, dt.date(2018, 8, 23), numbers=NUMBERS_A, furniture=FURNITURE_A),
        document("002_beta", TEXT_B, dt.date(2018, 8, 22), numbers=NUMBERS_B),
    ),
)
GOLD_FREE = Sources.from_texts("synthetic", {"001_alpha": TEXT_A, "002_beta": TEXT_B}, anchor=dt.date(2018, 8, 23))


def single(summary: str, sources: Sources = GOLD) -> Finding:
    findings = number_findings(summary, sources)
    assert len(findings) == 1, [finding.text for finding in findings]
    return findings[0]


SUPPORTED = [
    ("Russia has invited a dozen countries to the talks.", "a dozen countries", {("001_alpha", "N001"),
                                                                                  ("002_beta", "N001")}),
    ("Nearly four decades have passed since Moscow sent troops into Afghanistan.", "Nearly four decades",
     {("001_alpha", "N003")}),
    ("The talks in Moscow will be held on September 4.", "September 4", {("001_alpha", "N002"), ("002_beta", "N003")}),
    ("The Moscow talks open on 4 September.", "4 September", {("001_alpha", "N002"), ("002_beta", "N003")}),
    ("The Taliban rejected a three-month truce.", "three-month", {("001_alpha", "N004")}),
    ("The Taliban control around 40 percent of districts.", "around 40 percent", {("001_alpha", "N005")}),
    ("Russia invited twelve countries, Lavrov said on Tuesday.", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "claim", "evidence"), SUPPORTED)
def test_paraphrases_are_supported(summary: str, claim: str | None, evidence: set[tuple[str, str]] | None) -> None:
    findings = number_findings(summary, GOLD)
    assert findings and all(finding.verdict == "supported" for finding in findings), findings
    if claim is not None:
        assert findings[0].text == claim
        assert {(item.document, item.annotation) for item in findings[0].evidence} == evidence


FLAGGED = [
    ("Russia has invited 14 countries to the talks.", "contradicted", ("001_alpha", "N001"),
     "summary says '14 countries'"),
    ("More than 40 years have passed since Moscow sent its troops into Afghanistan.", "contradicted",
     ("001_alpha", "N003"), "summary says 'More than 40 years'; 001 N003 says 'Nearly 40 years'"),
    ("The Moscow talks open on Sept. 5.", "contradicted", ("002_beta", "N003"), "002 N003 says 'September 4'"),
    ("The group controls around 400 percent of the country's districts.", "contradicted", ("001_alpha", "N005"),
     "around 40 percent"),
    ("The Taliban rejected a three-week ceasefire.", "contradicted", ("001_alpha", "N004"), "three-month"),
    ("At least forty senior Taliban members will attend.", "contradicted", ("001_alpha", "N006"), "At least four"),
    ("Russia invited 12 Taliban leaders.", "unit_mismatch", ("001_alpha", "N001"), "for something else"),
    ("The Taliban control 40 percent of the country.", "unit_mismatch", ("001_alpha", "N005"), "for something else"),
    ("Seventeen journalists were arrested.", "unsupported", None, "no source number"),
    ("The online course lasts six weeks.", "unsupported", None, "no source number"),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "verdict", "evidence", "detail"), FLAGGED)
def test_changed_numbers_are_flagged(summary: str, verdict: str, evidence: tuple[str, str] | None, detail: str) -> None:
    finding = single(summary)
    assert finding.verdict == verdict
    assert finding.flagged
    assert [(item.document, item.annotation) for item in finding.evidence] == ([evidence] if evidence else [])
    assert detail in (finding.detail or "")
    assert summary[finding.start : finding.end] == finding.text


def test_evidence_repeats_the_source_span() -> None:
    finding = single("Russia has invited 14 countries to the talks.")
    item = finding.evidence[0]
    assert TEXT_A[item.start : item.end] == item.text == "12 countries"


def test_gold_free_mode_judges_against_source_texts() -> None:
    assert single("Russia has invited a dozen countries to the talks.", GOLD_FREE).verdict == "supported"
    contradicted = single("More than 40 years have passed since Moscow sent troops into Afghanistan.", GOLD_FREE)
    assert contradicted.verdict == "contradicted"
    assert contradicted.evidence[0].annotation is None
    assert contradicted.evidence[0].text == "Nearly 40 years"
    assert single("Russia invited 12 Taliban leaders.", GOLD_FREE).verdict == "unit_mismatch"


def test_survival_weights_salient_facts_by_support() -> None:
    # salient (2+ documents): countries-invited (2) and talks-date (2)
    kept_both = number_findings("Russia invited 12 countries to talks on Sept. 4.", GOLD)
    assert number_survival(kept_both, GOLD) == (1.0, ("countries-invited", "talks-date"), ())
    kept_one = number_findings("Russia invited 12 countries to the talks.", GOLD)
    assert number_survival(kept_one, GOLD) == (0.5, ("countries-invited",), ("talks-date",))
    wrong = number_findings("Russia invited 14 countries to the talks.", GOLD)
    assert number_survival(wrong, GOLD) == (0.0, (), ("countries-invited", "talks-date"))
    summary = "A three-month ceasefire. Nearly 40 years since Moscow sent troops. 12 countries met on Sept. 4."
    everything = number_findings(summary, GOLD)
    assert number_survival(everything, GOLD, salient_min_support=1)[0] == pytest.approx(6 / 9)


def test_survival_needs_gold() -> None:
    findings = number_findings("Russia invited 12 countries.", GOLD_FREE)
    assert number_survival(findings, GOLD_FREE) == (None, (), ())


@pytest.mark.parametrize(
    "summary",
    [
        "Nearly 40 years have not passed since Moscow sent its troops into Afghanistan.",
        "Russia has not invited 12 countries to the talks.",
        "Russia said 12 countries were not invited to the talks.",
    ],
)
def test_a_number_whose_fact_the_summary_denies_is_contradicted(summary: str) -> None:
    for sources in (GOLD, GOLD_FREE):
        finding = single(summary, sources)
        assert finding.verdict == "contradicted"
        assert "denies it" in (finding.detail or "")


def test_a_negation_elsewhere_in_the_sentence_does_not_deny_the_number() -> None:
    assert single("Nearly 40 years have passed since Moscow sent its troops, and they did not stay.").verdict == (
        "supported"
    )
