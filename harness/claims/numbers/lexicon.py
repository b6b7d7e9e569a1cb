"""Word lists of the number grammar: number words, multipliers, vague quantities, qualifiers and units.

The intervals of qualifiers and vague quantities follow the "Numbers" table of docs/ARCHITECTURE.md, shared
with the gold annotators; entries the table does not list ("a couple", "tens of thousands") extend it in
the same spirit and are marked below.
"""

from __future__ import annotations

from typing import Final

from harness.core.spans import Qualifier

UNITS_WORDS: Final[dict[str, int]] = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: Final[dict[str, int]] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
"""Multipliers that follow a number ("1.5 million", "forty thousand")."""

SCALE_SUFFIXES: Final[dict[str, int]] = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
"""Abbreviated multipliers glued to digits ("40m", "1.5bn", "20k"); news style writes metres as "40 metres"."""

ORDINAL_WORDS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
}  # fmt: skip
ORDINAL_SUFFIXES: Final[frozenset[str]] = frozenset({"st", "nd", "rd", "th"})

FRACTION_WORDS: Final[dict[str, float]] = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3,
                                           "quarter": 0.25, "quarters": 0.25}  # fmt: skip

GROUP_NOUNS: Final[dict[str, tuple[int, str | None]]] = {
    "dozen": (12, None), "decade": (10, "year"), "century": (100, "year"),
}  # fmt: skip
"""Nouns that stand for a number and, for spans of time, a unit: "two dozen" 24, "four decades" 40 years."""

VAGUE_PLURALS: Final[dict[str, tuple[float, float | None, str | None]]] = {
    "hundreds": (200, 1000, None),
    "thousands": (2000, 10_000, None),
    "millions": (2_000_000, 10_000_000, None),  # extends the table: same pattern as "thousands"
    "billions": (2_000_000_000, 10_000_000_000, None),  # extends the table
    "dozens": (24, 100, None),
    "decades": (20, 100, "year"),
    "centuries": (200, 1000, "year"),  # extends the table
}
"""Plural group words read as intervals [low, high) ("hundreds" [200, 1000))."""

VAGUE_TENS_OF: Final[dict[str, tuple[float, float]]] = {
    "thousands": (20_000, 100_000),
    "millions": (20_000_000, 100_000_000),
}
"""'tens of thousands' [20000, 100000) (extends the table)."""

VAGUE_PHRASES: Final[tuple[tuple[tuple[str, ...], float, float | None], ...]] = (
    # words, low, high (closed); longest first so that "a large number of" wins over "a number of"
    (("a", "large", "number", "of"), 2, None),
    (("a", "growing", "number", "of"), 2, None),
    (("a", "small", "number", "of"), 2, None),
    (("a", "number", "of"), 2, None),
    (("a", "handful", "of"), 2, 5),  # extends the table: read like "a few"
    (("a", "couple", "of"), 2, 3),  # extends the table
    (("a", "few"), 2, 5),
    (("a", "range", "of"), 2, None),
    (("a", "series", "of"), 2, None),
    (("a", "string", "of"), 2, None),
    (("a", "spate", "of"), 2, None),
    (("a", "host", "of"), 2, None),
    (("a", "raft", "of"), 2, None),
    (("a", "variety", "of"), 2, None),
    (("several",), 3, 9),
)
"""Vague quantity phrases of the table: "several" [3, 9], "a few" [2, 5], "a number of" [2, inf); the goldset's
guidelines read "a range of", "a series of" and their like as "a number of"."""

VAGUE_TIME_PLURALS: Final[dict[str, tuple[float, float, str]]] = {
    "hours": (2, 24, "hour"), "days": (2, 7, "day"), "weeks": (2, 5, "week"), "months": (2, 12, "month"),
    "years": (2, 10, "year"),
}  # fmt: skip
"""A bare plural time unit is [2, one of the next larger unit): "hours" [2, 24), "years" [2, 10) (guidelines)."""

QUALIFIER_PHRASES: Final[tuple[tuple[tuple[str, ...], Qualifier], ...]] = (
    (("no", "more", "than"), "at_most"),
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("not", "more", "than"), "at_most"),
    (("as", "many", "as"), "at_most"),
    (("as", "much", "as"), "at_most"),
    (("just", "over"), "more_than"),
    (("just", "under"), "fewer_than"),
    (("just", "below"), "fewer_than"),
    (("well", "over"), "more_than"),
    (("upwards", "of"), "more_than"),
    (("more", "than"), "more_than"),
    (("greater", "than"), "more_than"),
    (("fewer", "than"), "fewer_than"),
    (("less", "than"), "fewer_than"),
    (("at", "least"), "at_least"),
    (("at", "most"), "at_most"),
    (("up", "to"), "at_most"),
    (("close", "to"), "nearly"),
    (("an", "estimated"), "approximately"),
    (("more", "or", "less"), "approximately"),
    (("in", "the", "region", "of"), "approximately"),
    (("in", "the", "order", "of"), "approximately"),
    (("on", "the", "order", "of"), "approximately"),
    (("of", "the", "order", "of"), "approximately"),
    (("in", "excess", "of"), "more_than"),
    (("as", "high", "as"), "at_most"),
    (("as", "low", "as"), "at_least"),
    (("down", "to"), "at_least"),
    (("ca", "."), "approximately"),
    (("within",), "at_most"),
    (("upto",), "at_most"),
    (("over",), "more_than"),
    (("above",), "more_than"),
    (("exceeding",), "more_than"),
    (("under",), "fewer_than"),
    (("below",), "fewer_than"),
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("around",), "approximately"),
    (("about",), "approximately"),
    (("approximately",), "approximately"),
    (("approx",), "approximately"),
    (("roughly",), "approximately"),
    (("some",), "approximately"),
    (("circa",), "approximately"),
    (("\u2265",), "at_least"),
    (("\u2264",), "at_most"),
    (("\u2a7e",), "at_least"),
    (("\u2a7d",), "at_most"),
    (("\u2273",), "at_least"),
    (("\u2272",), "at_most"),
    (("\u00b1",), "exact"),
    ((">",), "more_than"),
    (("<",), "fewer_than"),
    (("~",), "approximately"),
    (("\u223c",), "approximately"),
    (("\u2248",), "approximately"),
    (("exactly",), "exact"),
    (("precisely",), "exact"),
)
"""Words before a number that set its qualifier ("more than 40" -> more_than); longest phrases first."""

POSTPOSED_QUALIFIERS: Final[tuple[tuple[tuple[str, ...], Qualifier], ...]] = (
    (("or", "more"), "at_least"),
    (("or", "so"), "approximately"),
    (("or", "fewer"), "at_most"),
    (("or", "less"), "at_most"),
)
"""Words after a number that set its qualifier ("40 or more")."""

PERCENT_WORDS: Final[frozenset[str]] = frozenset({"percent", "pct"})
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "$": "dollar", "\u20ac": "euro", "\u00a3": "pound", "\u00a5": "yen", "\u20bd": "rouble", "\u20b9": "rupee",
    "\u20a9": "won", "\u20aa": "shekel", "\u20ba": "lira", "\u20a6": "naira", "\u20b1": "peso", "\u20b4": "hryvnia",
}  # fmt: skip
DOLLAR_PREFIXES: Final[dict[str, str]] = {
    "us": "dollar", "hk": "hong kong dollar", "a": "australian dollar", "au": "australian dollar",
    "c": "canadian dollar", "ca": "canadian dollar", "nz": "new zealand dollar", "s": "singapore dollar",
    "sg": "singapore dollar", "nt": "new taiwan dollar", "r": "real",
}  # fmt: skip
"""Letters glued before "$" that name the dollar ("US$5m", "HK$ 3m", "A$40")."""
CURRENCY_CODES: Final[dict[str, str]] = {
    "usd": "dollar", "eur": "euro", "gbp": "pound", "jpy": "yen", "cny": "yuan", "rmb": "yuan", "inr": "rupee",
    "rs": "rupee", "chf": "franc", "rub": "rouble", "aud": "australian dollar", "cad": "canadian dollar",
    "hkd": "hong kong dollar", "nzd": "new zealand dollar", "sgd": "singapore dollar", "krw": "won",
    "brl": "real", "mxn": "peso", "zar": "rand", "sek": "krona", "nok": "krone", "dkk": "krone", "try": "lira",
    "ngn": "naira", "ils": "shekel", "aed": "dirham", "sar": "riyal", "pln": "zloty", "thb": "baht",
}  # fmt: skip
"""ISO 4217 codes (and "Rs", "RMB") written before or after an amount ("EUR 40m", "5m USD")."""
CURRENCY_WORDS: Final[dict[str, str]] = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "sterling": "pound", "rouble": "rouble", "roubles": "rouble", "ruble": "rouble",
    "rubles": "rouble", "afghani": "afghani", "afghanis": "afghani", "rupee": "rupee", "rupees": "rupee",
    "yuan": "yuan", "renminbi": "yuan", "yen": "yen", "franc": "franc", "francs": "franc", "krona": "krona",
    "kronor": "krona", "krone": "krone", "kroner": "krone", "rand": "rand", "peso": "peso", "pesos": "peso",
    "lira": "lira", "lire": "lira", "naira": "naira", "shekel": "shekel", "shekels": "shekel", "dinar": "dinar",
    "dinars": "dinar", "dirham": "dirham", "dirhams": "dirham", "riyal": "riyal", "riyals": "riyal",
    "baht": "baht", "ringgit": "ringgit", "rupiah": "rupiah", "zloty": "zloty", "forint": "forint",
    "hryvnia": "hryvnia", "reais": "real", "rial": "rial", "rials": "rial", "taka": "taka", "cedi": "cedi",
    "shilling": "shilling", "shillings": "shilling", "pence": "pence", "cents": "cent", "cent": "cent",
    **{code: unit for code, unit in CURRENCY_CODES.items() if code not in {"rs", "try"}},
}  # fmt: skip
"""Currency names after an amount ("5 billion yen", "40m euros"); pence and cents are a hundredth."""
SUBUNITS: Final[dict[str, tuple[str, float]]] = {"pence": ("pound", 0.01), "cent": ("dollar", 0.01)}
TIME_UNITS: Final[dict[str, str]] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hr": "hour", "hrs": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year",
}  # fmt: skip
"""Units of time: a number followed by one is a `duration` ("40 years", "three-month")."""

LONG_UNITS: Final[dict[str, tuple[int, str]]] = {
    "decade": (10, "year"), "century": (100, "year"), "year": (1, "year"), "month": (1, "month"),
    "week": (1, "week"), "day": (1, "day"), "hour": (1, "hour"),
}  # fmt: skip
"""'<unit>-long' and '<unit>-old' forms: "decade-long" is 10 years, "month-long" 1 month."""


def interval(value: float, qualifier: Qualifier) -> tuple[float | None, float | None, bool, bool]:
    """The interval (low, high, low_open, high_open) that `qualifier` allows around `value`, per the table.

    "Fewer than" and "at most" start at 0 for a non-negative value and are open below for a negative one.
    """
    if qualifier == "approximately":
        low, high = sorted((0.9 * value, 1.1 * value))
        return low, high, False, False
    if qualifier == "nearly":
        return 0.9 * value, value, False, True
    if qualifier == "more_than":
        return value, None, True, False
    if qualifier == "at_least":
        return value, None, False, False
    floor = 0.0 if value >= 0 else None
    if qualifier == "fewer_than":
        return floor, value, False, True
    if qualifier == "at_most":
        return floor, value, False, False
    return value, value, False, False
