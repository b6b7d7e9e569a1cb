"""Measured quantities, units, money and non-quantities of the number finder, and the unit round trip."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.numbers import find_numbers
from harness.claims.numbers.dateline import find_dateline
from harness.claims.numbers.units import resolve_unit, same_quantity
from harness.core.spans import Span

resolve_unit("m")  # the units registry loads once (about half a second), before any timed example


def only(text: str) -> Any:
    found = find_numbers(text)
    assert len(found) == 1, [claim.span.text for claim in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "low", "high", "unit"),
    [
        ("cooled to −4°C overnight", "−4°C", -4, -4, -4, "degree_Celsius"),
        ("moving at 12.3 km s−1 outward", "12.3 km s−1", 12.3, 12.3, 12.3, "kilometer/second"),
        ("a dose of 0.5 mg/mL was used", "0.5 mg/mL", 0.5, 0.5, 0.5, "milligram/milliliter"),
        ("the alloy holds 20 wt% nickel", "20 wt%", 20, 20, 20, "weight_percent"),
        ("grains of 50 μm were kept", "50 μm", 50, 50, 50, "micrometer"),
        ("a yield of 200 kg ha−1 yr−1 in total", "200 kg ha−1 yr−1", 200, 200, 200, "kilogram/hectare/year"),
        ("it stores 3 kWh daily", "3 kWh", 3, 3, 3, "kilowatt_hour"),
        ("a flux of 1.2 × 10^5 in the core", "1.2 × 10^5", 120_000, 120_000, 120_000, None),
        ("a rate of 3e-4 in the model", "3e-4", 3e-4, 3e-4, 3e-4, None),
        ("glucose ≥7.0 mmol/L in", "≥7.0 mmol/L", 7.0, 7.0, None, "millimole/liter"),
        ("an offset of 3.2 ± 0.1 mm here", "3.2 ± 0.1 mm", 3.2, 3.1, 3.3, "millimeter"),
        ("layers of 5–10 mm in", "5–10 mm", None, 5, 10, "millimeter"),
        ("between 5 and 10 km away", "between 5 and 10 km", None, 5, 10, "kilometer"),
        ("from 2605 m to 2634 m deep", "from 2605 m to 2634 m", None, 2605, 2634, "meter"),
        ("a ratio of 1.4%–3.1% in", "1.4%–3.1%", None, 1.4, 3.1, "percent"),
        ("significant at P < .001 in both", "< .001", 0.001, 0.0, 0.001, None),
        ("the road is 1,500 metres long", "1,500 metres", 1500, 1500, 1500, "meter"),
        ("heated to 1000–2000 K at", "1000–2000 K", None, 1000, 2000, "kelvin"),
        ("rising 7 to 20% of", "7 to 20%", None, 7, 20, "percent"),
    ],
)
def test_measured_quantities(text: str, span: str, value: float | None, low: float, high: float | None,
                             unit: str | None) -> None:  # fmt: skip
    claim = only(text)
    assert claim.span.text == span
    assert text[claim.span.start : claim.span.end] == span
    assert (claim.value is None) == (value is None)
    if value is not None:
        assert claim.value == pytest.approx(value)
    assert claim.low == pytest.approx(low)
    assert claim.high == (None if high is None else pytest.approx(high))
    if unit is not None:
        assert claim.unit == unit


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The firm paid £446million for it.", "£446million", 446e6, "pound"),
        ("a £50bn package", "£50bn", 50e9, "pound"),
        ("fined $ 5,000 in court", "$ 5,000", 5000, "dollar"),
        ("worth 5 billion yen at the time", "5 billion yen", 5e9, "yen"),
        ("raised US$5m for it", "US$5m", 5e6, "dollar"),
        ("a HK$ 3m fee", "HK$ 3m", 3e6, "hong kong dollar"),
        ("a bid of EUR 40m for him", "EUR 40m", 40e6, "euro"),
        ("it costs Rs 500 each", "Rs 500", 500, "rupee"),
        ("bags now cost 40p each", "40p", 0.4, "pound"),
        ("a bill of 5m USD overall", "5m USD", 5e6, "dollar"),
    ],
)
def test_money_in_many_forms(text: str, span: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.span.text, claim.unit) == ("money", span, unit)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "as shown in Fig. 5 and Table 2",
        "see Eq. (3) for details",
        "at phases 3, 5, and 7 of the study",
        "as reported before [29]",
        "as reported before (14–17)",
        "as Smith et al. (2011) found",
        "(Kennett and Stott 1991; Zachos et al., 2005)",
        "call (+91) 120 4565994 now",
        "First, the samples were dried",
        "data of Viking 1 and of Viking 2, in turn",
        "(Dickens et al., 1995; Bains et al., 1999; Sluijs et al., 2007). It",
        "as Giovannetti et al. (2001, 2004) and Miller et al., 2006, 2010 showed",
        "values prior to OAE 2, as before",
        "salts such as Mg(ClO4)2 and Ca(ClO4)2 dominate",
        "the angle θ = tan−1(w/U) against",
        "cells on day 14 of differentiation",
        "a diagnosis of type 1 diabetes",
        "densities (F(3, 8.9) differ",
        "its projection as(5)ρV on V",
        "sanidine 40Ar/39Ar and zircon 206Pb/238U ages",
        "(Figures 3I and 3J). Most",
        "unless one is willing to wait",
        "(Zachos et al., 2001; Keller and Pardo, 2004; Scher and Martin, 2006).",
        "forms [Fe(Cat)3]3− complexes",
        "as shown below: 2Mg3NF3 forms",
        "the values, respectively.4 The next",
        "plotted high on axis 1 where",
    ],
)
def test_labels_and_citations_are_no_claims(text: str) -> None:
    assert find_numbers(text) == []


def test_the_measured_thing_is_attached_outside_the_span() -> None:
    before = only("at a mean temperature of 100 °C in the lab")
    assert (before.span.text, before.counted) == ("100 °C", "mean temperature")
    after = only("they drank 75 g glucose solution")
    assert (after.span.text, after.counted) == ("75 g", "glucose solution")


def test_a_count_keeps_its_noun_in_the_span_and_its_quantity_is_the_number_alone() -> None:
    count = only("we took 35 soil samples from the core")
    assert (count.span.text, count.quantity, count.counted, count.unit) == (
        "35 soil samples", Span(start=8, end=10, text="35"), "soil samples", "sample",
    )  # fmt: skip
    several = only("in several countries of the region")
    assert (several.span.text, several.quantity and several.quantity.text) == ("several countries", "several")
    ranged = only("between 5 and 10 cores were drilled")
    assert ranged.span.text == "between 5 and 10 cores"
    assert ranged.quantity is not None and ranged.quantity.text == "between 5 and 10"
    measured = only("they drank 75 g glucose solution")
    assert measured.quantity is None  # the span is already the value and its unit


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("a current of ∼2–3 mA/cm2 here", "∼2–3 mA/cm2", 2, 3, "milliampere/centimeter**2"),
        ("rose from 50% to around 80% of", "from 50% to around 80%", 50, 80, "percent"),
        ("it was 68 – 70% in all", "68 – 70%", 68, 70, "percent"),
        ("values between −2 and −7‰ here", "between −2 and −7‰", -7, -2, "permille"),
        ("fell from 10 ms to 0.1 ms then", "from 10 ms to 0.1 ms", 0.1, 10, "millisecond"),
    ],
)
def test_ranges_with_approximate_ends_spaced_dashes_or_running_down(
    text: str, span: str, low: float, high: float, unit: str
) -> None:
    claim = only(text)
    assert (claim.span.text, claim.value, claim.low, claim.high, claim.unit) == (span, None, low, high, unit)
    assert claim.qualifier == "vague"


def test_a_falling_pair_without_from_or_between_is_no_range() -> None:
    assert [claim.span.text for claim in find_numbers("a score of 12 to 3 mm")] == ["12", "3 mm"]


def test_names_before_a_number_that_counts_are_kept() -> None:
    texts = (
        "Putin Hosts 12 leaders", "Nearly 40 people died", "It rained. In 2010 it snowed", '"He\'s 20 and not',
        "Match ends, Liverpool 2, Leeds United 0.", "the semi-finals of Euro 2016.", "a calendar post-2019, as",
        "one was diverted to Kirkwall", "a source said: 'The 100 or so include", "Alec Stewart (Age 52) now",
        "(Includes one in the US)4,808 Liberia",
    )  # fmt: skip
    assert [[claim.span.text for claim in find_numbers(text)] for text in texts] == [
        ["12 leaders"], ["Nearly 40 people"], ["2010"], ["20"], ["2", "0"], ["2016"], ["2019"], ["one"],
        ["100 or so"], ["52"], ["one", "4,808 Liberia"],
    ]  # fmt: skip
    day = find_numbers("on february 3 , 1959 , he saw")
    assert [(claim.span.text, claim.kind, claim.listed) for claim in day] == [
        ("3", "cardinal", None),
        ("1959", "year", None),
    ]
    assert [c.unit for c in find_numbers("One in seven U.S. residents")] == [None, "u"]  # "U." is no enzyme unit


def test_a_change_between_counts_is_no_downward_range() -> None:
    assert [c.span.text for c in find_numbers("it cut its team from three to one reporter")] == [
        "three", "one reporter"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("it is 20 times faster", "20 times", "time"),
        ("grew 3.7 fold in all", "3.7 fold", "fold"),
        ("soils at pH 7–8 and", "pH 7–8", "pH"),
        ("a pH∼2 soil", "pH∼2", "pH"),
        ("holds 4.3 × 10−8 wt. % of", "4.3 × 10−8 wt. %", "weight_percent"),
        ("lasted ∼10–11 days in all", "∼10–11 days", "day"),
    ],
)
def test_ratios_acidity_and_spaced_shares_are_one_quantity(text: str, quantity: str, unit: str) -> None:
    claim = only(text)
    assert ((claim.quantity or claim.span).text, claim.unit) == (quantity, unit)


def test_a_field_symbol_glued_to_a_number_is_its_unit_and_a_list_of_labels_ends_at_a_count() -> None:
    assert [(c.span.text, c.unit) for c in find_numbers("at 7.2Rp where and by 5Rp.")] == [
        ("7.2Rp", "Rp"), ("5Rp", "Rp")
    ]  # fmt: skip
    assert [c.span.text for c in find_numbers("shown in Fig. 10, 350 electrons were")] == ["350 electrons"]


def test_year_ranges_stay_two_years() -> None:
    assert [claim.span.text for claim in find_numbers("from 2003 to 2004")] == ["2003", "2004"]


def test_news_counts_keep_their_shape() -> None:
    assert [(c.span.text, c.unit) for c in find_numbers("Russia invited 12 countries in 2018.")] == [
        ("12 countries", "country"),
        ("2018", None),
    ]
    assert [(c.kind, c.span.text) for c in find_numbers("It was 5 times bigger, 3 points ahead.")] == [
        ("cardinal", "5 times"),
        ("cardinal", "3 points"),
    ]


def test_units_resolve_to_a_dimension_and_compare_across_prefixes() -> None:
    assert same_quantity(1.5, "km", 1500, "metres")
    assert same_quantity(100, "°C", 212, "°F")
    assert not same_quantity(1.5, "km", 1500, "g")
    percent, points = resolve_unit("%"), resolve_unit("percentage points")
    assert percent is not None and points is not None and percent.dimension != points.dimension
    assert resolve_unit("countries") is None
    assert resolve_unit("the") is None


def test_dateline_dates_a_text_only_from_its_opening() -> None:
    assert str(find_dateline("LONDON, Sept. 4, 2018 (Reuters) - The talks")) == "2018-09-04"
    assert find_dateline("The talks open on Sept. 4 in Moscow.") is None
    assert find_dateline("x " * 200 + "4 September 2018") is None


UNITS = {
    "mm": "millimeter", "km": "kilometer", "kg": "kilogram", "mg/mL": "milligram/milliliter", "°C": "degree_Celsius",
    "μm": "micrometer", "kWh": "kilowatt_hour", "km s−1": "kilometer/second", "Hz": "hertz", "kPa": "kilopascal",
    "metres": "meter", "grams": "gram", "wt%": "weight_percent", "K": "kelvin", "mol": "mole", "MW": "megawatt",
    "nT": "nanotesla", "Ma": "megayear", "μbar": "microbar", "Mt": "megametric_ton", "AU": "astronomical_unit",
    "°C/min": "delta_degree_Celsius/minute", "mm per year": "millimeter/year", "U/ml": "enzyme_unit/milliliter",
    "°N": "degree_north", "mA g− 1": "milliampere/gram", "Mg ha−1 year−1": "megagram/hectare/year", "‰": "permille",
}  # fmt: skip


def format_value(value: float, style: str) -> str:
    if style == "grouped" and value >= 1000 and value.is_integer():
        return f"{int(value):,}"
    if style == "scientific" and value > 0:
        mantissa, exponent = f"{value:.9e}".split("e")
        return f"{float(mantissa):.9g} × 10^{int(exponent)}"
    if style == "superscript lost" and value >= 10:
        mantissa, exponent = f"{value:.9e}".split("e")
        return f"{float(mantissa):.9g} × 10{int(exponent)}"  # 10⁵ as a text extraction writes it: "105"
    return f"{value:.3f}".rstrip("0").rstrip(".")


@settings(max_examples=150, deadline=None)
@given(
    value=st.one_of(
        st.integers(min_value=0, max_value=10**7).map(float),
        st.decimals(min_value=0, max_value=10**5, places=3).map(float),
    ),
    unit=st.sampled_from(sorted(UNITS)),
    style=st.sampled_from(["plain", "grouped", "scientific", "superscript lost"]),
    negative=st.booleans(),
)
def test_formatting_a_value_with_a_unit_and_parsing_it_back_round_trips(
    value: float, unit: str, style: str, negative: bool
) -> None:
    written = format_value(value, style)
    sign = "−" if negative and value > 0 else ""
    text = f"The measured value was {sign}{written} {unit} in the end."
    claim = only(text)
    expected = -value if sign else value
    assert claim.value is not None and math.isclose(claim.value, expected, rel_tol=1e-6, abs_tol=1e-9)
    assert claim.unit == UNITS[unit]
    assert claim.span.text.endswith(unit)


@settings(max_examples=60, deadline=None)
@given(written=st.sampled_from([*sorted(UNITS), "mm3", "cm−3", "g/m3", "‰", "wt.%", "°C/min", "kg ha−1 yr−1"]))
def test_a_canonical_unit_name_resolves_to_itself(written: str) -> None:
    unit = resolve_unit(written)
    assert unit is not None and resolve_unit(unit.name) == unit


def test_a_list_written_with_one_unit_shares_it_and_keeps_its_members() -> None:
    claims = find_numbers("weights of 4.5, 6 and 13 kg each")
    assert [(c.span.text, c.value, c.unit) for c in claims] == [
        ("4.5", 4.5, "kilogram"), ("6", 6, "kilogram"), ("13 kg", 13, "kilogram")
    ]  # fmt: skip
    assert {c.listed.text if c.listed else None for c in claims} == {"4.5, 6 and 13 kg"}
    whole = find_numbers("rates of 80% and 81% here, in 2003 and 5 kg there")
    assert [(c.span.text, c.unit, c.listed) for c in whole] == [
        ("80%", "percent", None), ("81%", "percent", None), ("2003", None, None), ("5 kg", "kilogram", None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "low", "high"),
    [
        ("temperatures above ∼500 K at", "above ∼500 K", "more_than", 500, None),
        ("a layer ca. 0.4–1.0 nm thick", "ca. 0.4–1.0 nm", "vague", 0.4, 1.0),
        ("an error of ⩽1.6% here", "⩽1.6%", "at_most", 0, 1.6),
        ("a tolerance of ±5% here", "±5%", "exact", 5, 5),
        ("mixing in a range of 1.5–2.6 m depth", "range of 1.5–2.6 m", "vague", 1.5, 2.6),
        ("an average 3–4 nT field", "average 3–4 nT", "vague", 3, 4),
    ],
)
def test_modifiers_next_to_a_quantity_are_in_its_span(
    text: str, span: str, qualifier: str, low: float, high: float | None
) -> None:
    claim = only(text)
    assert (claim.span.text, claim.qualifier, claim.low, claim.high) == (span, qualifier, low, high)


def test_a_range_word_before_a_noun_stays_a_vague_quantity() -> None:
    assert [(c.span.text, c.kind) for c in find_numbers("a range of countries took part")] == [
        ("a range of countries", "vague")
    ]  # fmt: skip


def test_a_hyphenated_measure_after_a_count_is_its_own_quantity() -> None:
    claims = find_numbers("they took twenty eight-second exposures")
    assert [(c.span.text, c.value, c.unit, c.counted) for c in claims] == [
        ("twenty", 20, "exposure", "exposures"), ("eight-second", 8, "second", "exposures")
    ]  # fmt: skip
    assert [(c.span.text, c.value) for c in find_numbers("twenty eight people came")] == [("twenty eight people", 28)]
