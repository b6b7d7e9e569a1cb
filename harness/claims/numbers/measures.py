"""Measured quantities as scientific and technical prose writes them: signs, decimals written ".05",
scientific notation ("1.2 × 10^5", "3e-4"), unit symbols and compound units ("km s−1", "mg/mL", "wt%", "°C").

A unit is read only where it is written as one: a symbol ("mm", "kWh", "μm", "K") or an SI / customary unit
name ("metres", "kilograms"); ordinary nouns after a number stay what is counted. Units are resolved through
`harness.claims.numbers.units`, and a claim's `unit` is the canonical name ("kilometer/second").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from harness.claims.numbers.tokens import Token
from harness.claims.numbers.units import Unit, resolve_unit
from harness.claims.numbers.words import Reading, digit_value

SIGNS: Final[dict[str, float]] = {"-": -1.0, "\u2212": -1.0, "+": 1.0, "\u2013": -1.0}
_LOST_SUPERSCRIPT = re.compile(r"10([1-9]\d?)")
"""A power of ten whose superscript a text extraction set on the line ("6 × 106 kg" for 6 × 10⁶ kg)."""
_TIMES: Final[frozenset[str]] = frozenset({"\u00d7", "x", "*", "\u00b7", "\u22c5"})
_SPELLED = re.compile(
    r"(?:kilo|mega|giga|tera|milli|micro|nano|pico|centi|deci)?"
    r"(?:met(?:re|er)|gram(?:me)?|lit(?:re|er)|watt|volt|joule|pascal|newton|hertz|ampere|kelvin|mole|tonne"
    r"|calorie|electronvolt|ohm|becquerel|gray|sievert|tesla|coulomb)s?"
    r"|miles?|foot|feet|inch(?:es)?|yards?|acres?|hectares?|ounces?|tons?|gallons?|degrees?|knots?|barrels?",
)
"""Unit names spelled out: SI units with their prefixes and the common customary units."""
_SYMBOL = re.compile(r"[A-Za-z\u00b5\u03bc\u03a9\u00c5\u2126\u00b2\u00b3\u00b9\u2070-\u2079\u207b]{1,6}")
_LOWER_SYMBOLS: Final[frozenset[str]] = frozenset({
    "m", "s", "g", "h", "l", "d", "t", "mm", "cm", "km", "nm", "dm", "mg", "kg", "ng", "pg", "ml", "dl", "mol",
    "mmol", "nmol", "ppm", "ppb", "ppt", "ppmv", "yr", "yrs", "hr", "hrs", "ka", "kyr", "myr", "rpm", "mph", "kph",
    "lb", "lbs", "oz", "ft", "mi", "ha", "kt", "kcal", "cal", "ms", "ns", "ps", "wt", "vol", "sec", "kb", "bp",
    "min", "mins", "bar", "mbar", "nbar", "kbar", "torr", "ppq", "gyr", "eV",
})  # fmt: skip
"""Lower-case unit symbols; other lower-case words after a number are nouns (a symbol that is also an English
word, "in", "at", "am", "pm", is left out)."""
_CAPITAL_LETTERS: Final[frozenset[str]] = frozenset({"K", "V", "W", "J", "N", "L", "M", "T", "U", "Pa", "Hz", "Gy"})
_UPPER_SYMBOLS: Final[frozenset[str]] = frozenset({
    "MW", "GW", "TW", "MJ", "GJ", "TJ", "MV", "GV", "MN", "GN", "AU", "KB", "MB", "GB", "TB",
})  # fmt: skip
"""Upper-case symbols of mega-, giga- and tera- units, bytes and astronomical units; other all-capital words are
acronyms."""
_NAMED_SYMBOLS: Final[frozenset[str]] = frozenset({
    "Ma", "Ga", "Myr", "Gyr", "Mt", "Gt", "Mg", "Tg", "Pg", "Torr", "Da", "MeV", "GeV", "TeV", "Mbps", "Gbps",
})  # fmt: skip
"""Capitalized symbols that are units after a number (mega-annum, megatonne, megagram, torr, dalton, ...)."""
_COMPASS: Final[frozenset[str]] = frozenset({"N", "S", "E", "W"})
_PER_UNITS: Final[frozenset[str]] = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "year", "years",
    "annum", "capita",
})  # fmt: skip
"""Units of time spelled out that end a compound unit after "per" ("5 mm per year")."""
_SEPARATORS: Final[frozenset[str]] = frozenset({"/", "\u00b7", "\u22c5"})
_OWN_SYMBOLS: Final[dict[str, str]] = {"\u2030": "permille", "%": "percent"}
MAX_UNIT_TOKENS = 10


def read_signed(tokens: Sequence[Token], index: int) -> Reading | None:
    """A sign or a leading decimal point glued to digits ("−57", "+3", ".05"), when it is no hyphen or dash
    between words or numbers ("F-16", "5-10")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.kind != "num" or not following.glued:
        return None
    if index > 0 and token.glued and tokens[index - 1].kind != "punct":
        return None
    if token.text == ".":
        value = digit_value("0." + following.text)
        return Reading(value, index + 1) if value is not None and following.text.isdigit() else None
    if token.text not in SIGNS or (token.text in "-\u2013" and index > 0 and tokens[index - 1].kind == "num"):
        return None
    inner = read_scientific(tokens, index + 1)
    value = inner.value if inner else digit_value(following.text)
    if value is None:
        return None
    return Reading(SIGNS[token.text] * value, inner.last if inner else index + 1)


def _exponent(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """A power of ten's exponent at `index` ("^5", "−5", "5", "^-5"), as (exponent, last index)."""
    position = index
    if position < len(tokens) and tokens[position].text == "^":
        position += 1
    sign = 1.0
    if position < len(tokens) and tokens[position].text in SIGNS and tokens[position].glued:
        sign = SIGNS[tokens[position].text]
        position += 1
    if position < len(tokens) and tokens[position].kind == "num" and tokens[position].text.isdigit():
        exponent = sign * float(tokens[position].text)
        if tokens[position].glued and abs(exponent) <= 300:
            return exponent, position
    return None


def read_scientific(tokens: Sequence[Token], index: int) -> Reading | None:
    """ "1.2 × 10^5", "1.2 x 10−5", "3e-4", "10^5": the value and the last token."""
    token = tokens[index]
    if token.kind != "num":
        return None
    mantissa = digit_value(token.text)
    if mantissa is None:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.glued and following.lower == "e":
        found = _exponent(tokens, index + 2)
        if found is not None:
            return Reading(mantissa * 10 ** found[0], found[1])
    if token.text == "10" and following is not None and following.glued and following.text in {"^", "\u2212", "-"}:
        found = _exponent(tokens, index + 1)
        if found is not None and following.text == "^":
            return Reading(10 ** found[0], found[1])
    if following is not None and following.lower in _TIMES and index + 2 < len(tokens):
        base = tokens[index + 2]
        if base.text == "10":
            found = _exponent(tokens, index + 3)
            if found is not None:
                return Reading(mantissa * 10 ** found[0], found[1])
        lost = _LOST_SUPERSCRIPT.fullmatch(base.text)
        if lost and following.text == "\u00d7" and not _glued_power(tokens, index + 3):
            return Reading(mantissa * 10 ** int(lost.group(1)), index + 2)
    return None


def _glued_power(tokens: Sequence[Token], index: int) -> bool:
    return index < len(tokens) and tokens[index].glued and tokens[index].text in {"^", "-", "\u2212"}


def _initial(token: Token, following: Sequence[Token]) -> bool:
    """ "U.S.", "N.Y.": a capital letter with a full stop and a letter glued after it is an initial."""
    return len(following) >= 2 and following[0].glued and following[0].text == "." and following[1].glued


def _is_unit_word(token: Token, following: Sequence[Token] = ()) -> bool:
    text = token.text
    if token.kind == "punct":
        return text in _OWN_SYMBOLS or text in {"\u00b0", "\u00c5"}
    if token.kind != "word":
        return False
    if _SPELLED.fullmatch(token.lower):
        return True
    if not _SYMBOL.fullmatch(text):
        return False
    if text.islower():
        return text in _LOWER_SYMBOLS or (text[0] in "\u00b5\u03bc" and text[1:] in _LOWER_SYMBOLS)
    if text.isupper() and len(text) > 1:
        return text in _UPPER_SYMBOLS  # else an acronym: "UT", "CO", "USA"
    if len(text) == 1:
        return text in _CAPITAL_LETTERS and not _initial(token, following)
    if text in _NAMED_SYMBOLS or text in _LOWER_SYMBOLS:
        return True
    return text in _CAPITAL_LETTERS or text[1:] in _CAPITAL_LETTERS or text[0].islower() or not text.isascii()


def _piece_end(tokens: Sequence[Token], index: int) -> int | None:
    """The last token of one unit factor at `index` ("°C", "s−1", "m2", "m^2", "wt%", "wt.%"), or None."""
    token = tokens[index]
    if token.text == "\u00b0":
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        return index + 1 if nxt is not None and nxt.glued and nxt.text in {"C", "F", *_COMPASS} else index
    if token.lower in {"wt", "vol", "mol", "at"}:
        dot = 1 if _glued(tokens, index + 1, ".") else 0
        spaced = dot and index + 2 < len(tokens) and tokens[index + 2].text == "%"  # "wt. %"
        if _glued(tokens, index + 1 + dot, "%") or spaced:
            return index + 1 + dot
    time_power = token.lower in _PER_UNITS and _glued(tokens, index + 1, "\u2212")  # "year−1"
    if (not _is_unit_word(token, tokens[index + 1 : index + 3]) and not time_power) or token.lower in {"wt", "vol"}:
        return None
    last = index
    if last + 1 < len(tokens) and tokens[last + 1].glued:
        found = _exponent(tokens, last + 1) or _spaced_exponent(tokens, last + 1)
        if found is not None and abs(found[0]) <= 4:
            last = found[1]
    return last


def _spaced_exponent(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """A negative exponent whose digit a text extraction set apart ("g− 1"): the sign glued, one digit after."""
    if index + 1 >= len(tokens) or tokens[index].text not in {"-", "\u2212"}:
        return None
    digit = tokens[index + 1]
    if digit.kind != "num" or len(digit.text) != 1 or not digit.text.isdigit():
        return None
    following = tokens[index + 2] if index + 2 < len(tokens) else None
    if following is not None and following.glued and following.kind != "punct":
        return None
    return -float(digit.text), index + 1


def _glued(tokens: Sequence[Token], index: int, text: str) -> bool:
    return index < len(tokens) and tokens[index].glued and tokens[index].text == text


def _per_time(tokens: Sequence[Token], index: int) -> bool:
    return index + 1 < len(tokens) and tokens[index].lower == "per" and tokens[index + 1].lower in _PER_UNITS


def read_unit(tokens: Sequence[Token], index: int) -> tuple[int, Unit] | None:
    """The unit written from `index` (one factor, or several joined by "/", "·" or spaces), longest first."""
    ends: list[int] = []
    position = index
    while position < len(tokens) and position - index < MAX_UNIT_TOKENS:
        end = _piece_end(tokens, position)
        if end is None:
            break
        ends.append(end)
        position = end + 1
        if _per_time(tokens, position):
            ends.append(position + 1)
            break
        if position < len(tokens) and tokens[position].text in _SEPARATORS:
            position += 1
        elif position < len(tokens) and (
            tokens[position].glued or tokens[position].kind != "word" or _SPELLED.fullmatch(tokens[position].lower)
        ):
            break
    for end in reversed(ends):
        written = "".join(
            token.text if token.glued or number == index else " " + token.text
            for number, token in enumerate(tokens[index : end + 1], start=index)
        )
        unit = resolve_unit(_OWN_SYMBOLS.get(written, written))
        if unit is not None:
            return end, unit
    return None
