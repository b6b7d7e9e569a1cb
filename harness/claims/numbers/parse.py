"""The quantity grammar: [qualifier] number-or-vague-word [unit] [postposed qualifier], over tokens.

A quantity is read at one token index; the finder (`find.py`) walks the tokens and tries dates first.
The span covers the qualifier, the number and its measure words (percent, years, dozen, million), not the
counted noun phrase, which is returned as a separate token range ("At least four" + "senior Taliban members").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from harness.claims.numbers.counted import hyphenated_number, noun_phrase, noun_phrase_before, singular
from harness.claims.numbers.labels import ELEMENTS
from harness.claims.numbers.lexicon import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    FRACTION_WORDS,
    GROUP_NOUNS,
    LONG_UNITS,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    POSTPOSED_QUALIFIERS,
    QUALIFIER_PHRASES,
    SUBUNITS,
    TENS_WORDS,
    TIME_UNITS,
    UNITS_WORDS,
    VAGUE_PHRASES,
    VAGUE_PLURALS,
    VAGUE_TENS_OF,
    VAGUE_TIME_PLURALS,
    interval,
)
from harness.claims.numbers.measures import SIGNS, read_scientific, read_signed, read_unit
from harness.claims.numbers.portions import read_portion
from harness.claims.numbers.tokens import Token
from harness.claims.numbers.units import Unit
from harness.claims.numbers.words import Reading, digit_value, read_digits, read_number_words, read_ordinal_word
from harness.core.spans import NumberKind, Qualifier

_YEAR_CONTEXT = frozenset({
    "in", "since", "of", "the", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid",
    "spring", "summer"
})  # fmt: skip
_IDENTIFIER_PREFIXES_OK = frozenset({"mid", "early", "late", "pre", "post"})
_NOT_ONE_BEFORE = frozenset({"no", "the", "this", "that", "any", "every", "each", "which"})
_NOT_ONE_AFTER = frozenset({
    "another", "thing", "way", "hand", "would", "could", "can", "should", "may", "might", "must", "will",
    "needs", "accounts", "finds", "sees", "gets",
})  # fmt: skip
"""Words after which "one" is the pronoun ("if one accounts for", "one would expect", "one another")."""
_ONE_AS_SUBJECT = frozenset({"is", "was", "has", "had", "does", "did"})
_SUBORDINATORS = frozenset({"if", "unless", "when", "whether", "as", "than", "until"})
"""After these, "one is", "one has" is the pronoun ("unless one is willing"); elsewhere it counts ("one was
diverted")."""
_OFFSET_WORDS = frozenset({"after", "later", "before", "earlier", "ago", "back", "long"})
_NOT_BEFORE_TIME_PLURAL = frozenset({"recent", "coming", "past", "few", "many", "last", "next", "following"})
_BEFORE_ONE_UNIT = frozenset({"than", "nearly", "almost", "about", "over", "under", "around", "least", "for"})
"""Words after which "a week", "an hour" is a length of time ("more than a week", "for a month")."""
_RATIO_NOUNS = frozenset({"time", "fold"})
_RANGE = re.compile(r"(\d{1,4})[-\u2013](\d{1,4})")


@dataclass(frozen=True)
class Expression:
    """A numeric expression over tokens[first..last] and its normalized meaning (see NumberAnnotation)."""

    first: int
    last: int
    kind: NumberKind
    value: float | None
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    qualifier: Qualifier = "exact"
    date: str | None = None
    counted: tuple[int, int] | None = None
    core_last: int | None = None
    """The last token of the quantity proper (value and unit) when the span runs on over the counted noun
    ("35" of "35 samples")."""


def _phrase_at(tokens: Sequence[Token], index: int, words: tuple[str, ...]) -> bool:
    """Whether `words` are the lower-cased tokens from `index`; the first word is tested before the rest, as it
    differs nearly always."""
    if index + len(words) > len(tokens) or (words and tokens[index].lower != words[0]):
        return False
    return len(words) < 2 or all(tokens[index + offset].lower == words[offset] for offset in range(1, len(words)))


def _counted(tokens: Sequence[Token], index: int) -> tuple[tuple[int, int] | None, str | None]:
    """The counted noun phrase from `index` (passing over "of the") and its singular head as a unit."""
    found = noun_phrase(tokens, index, skip_of=True)
    return (found, singular(tokens[found[1]].text)) if found else (None, None)


def _exact(
    first: int,
    last: int,
    kind: NumberKind,
    value: float,
    *,
    unit: str | None = None,
    counted: tuple[int, int] | None = None,
    date: str | None = None,
    core_last: int | None = None,
) -> Expression:
    return Expression(
        first, last, kind, value, value, value, unit=unit, counted=counted, date=date, core_last=core_last
    )


def _vague(
    tokens: Sequence[Token],
    first: int,
    last: int,
    low: float,
    high: float | None,
    unit: str | None = None,
    *,
    high_open: bool = True,
) -> Expression:
    """A vague quantity: plural group words ("hundreds") leave their upper end open, phrases ("several") do not."""
    counted, head = _counted(tokens, last + 1)
    core_last = None
    if unit is None and counted is not None and tokens[counted[0]].lower in TIME_UNITS:
        unit = TIME_UNITS[tokens[counted[0]].lower]
        last = counted[0]
        counted = None
    elif unit is None and counted is not None:
        unit, core_last, last = head, last, counted[1]
    kind: NumberKind = "duration" if unit in TIME_UNITS.values() else "vague"
    return Expression(
        first, last, kind, None, low, high, high_open=high_open and high is not None,
        unit=unit, qualifier="vague", counted=counted, core_last=core_last,
    )  # fmt: skip


_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], float, float | None]]] = {}
for _phrase in VAGUE_PHRASES:
    _VAGUE_BY_FIRST.setdefault(_phrase[0][0], []).append(_phrase)


def _read_vague(tokens: Sequence[Token], index: int) -> Expression | None:
    for words, low, high in _VAGUE_BY_FIRST.get(tokens[index].lower, ()):
        if _phrase_at(tokens, index, words):
            last = index + len(words) - 1
            if words[-1] != "of" and tokens[last + 1 : last + 2] and tokens[last + 1].lower in {"of", "times"}:
                return None
            if words[-1] == "of" and tokens[last + 1 : last + 2] and tokens[last + 1].kind == "num":
                return None  # "a range of 1.5–2.6 m": the numbers say how many
            return _vague(tokens, index, last, low, high, high_open=False)
    lower = tokens[index].lower
    if lower in {"tens", "hundreds"} and _phrase_at(tokens, index + 1, ("of",)) and index + 2 < len(tokens):
        big = tokens[index + 2].lower
        if lower == "tens" and big in VAGUE_TENS_OF:
            return _vague(tokens, index, index + 2, *VAGUE_TENS_OF[big])
        if lower == "hundreds" and big in {"thousands", "millions"}:
            factor = 1000 if big == "thousands" else 1_000_000
            return _vague(tokens, index, index + 2, 200 * factor, 1000 * factor)
    if lower in VAGUE_PLURALS:
        low, high, unit = VAGUE_PLURALS[lower]
        return _vague(tokens, index, index, low, high, unit)
    return None


def _group(tokens: Sequence[Token], index: int) -> tuple[int, str | None] | None:
    """A group noun at `index` ("dozen", "decades"): (size, unit)."""
    if index >= len(tokens):
        return None
    word = singular(tokens[index].text)
    return GROUP_NOUNS.get(word)


def _read_number(tokens: Sequence[Token], index: int) -> Reading | None:
    """Digits, number words, "a dozen", "half a dozen", "one and a half": the bare value."""
    token = tokens[index]
    if token.lower == "half" and _phrase_at(tokens, index + 1, ("a",)):
        group = _group(tokens, index + 2)
        if group is not None:
            return Reading(group[0] / 2, index + 2)
    if token.lower in {"a", "an"}:
        group = _group(tokens, index + 1)
        hyphen_follows = index + 2 < len(tokens) and tokens[index + 2].glued and tokens[index + 2].text == "-"
        if group is not None and tokens[index + 1].lower in GROUP_NOUNS and not hyphen_follows:
            return Reading(float(group[0]), index + 1)
    reading = read_scientific(tokens, index) or read_digits(tokens, index) or _glued_unit(tokens, index)
    reading = reading or _glued_symbol(tokens, index)
    reading = reading or read_number_words(tokens, index)
    if reading is None or reading.ordinal:
        return reading
    if _phrase_at(tokens, reading.last + 1, ("and", "a", "half")):
        return Reading(reading.value + 0.5, reading.last + 3)
    group = _group(tokens, reading.last + 1)
    if group is not None and tokens[reading.last + 1].lower in {"dozen", "decade", "decades", "century", "centuries"}:
        return Reading(reading.value * group[0], reading.last + 1)
    return reading


def _glued_unit(tokens: Sequence[Token], index: int) -> Reading | None:
    """Digits with a unit symbol glued after them ("5km", "400eV"): the digits, the unit read next."""
    value = digit_value(tokens[index].text) if tokens[index].kind == "num" else None
    if value is None or index + 1 >= len(tokens) or read_unit(tokens, index + 1) is None:
        return None
    return Reading(value, index)


_SYMBOL_GLUED = re.compile(r"[A-Z][A-Z]?[a-z]")


def _glued_symbol(tokens: Sequence[Token], index: int) -> Reading | None:
    """Digits with a unit symbol of the field glued after them that no units library knows ("5Rp", "8.74Rs",
    planetary radii): the digits; the symbol becomes the unit as written."""
    value = digit_value(tokens[index].text) if tokens[index].kind == "num" else None
    if value is None or index + 1 >= len(tokens) or not tokens[index + 1].glued:
        return None
    if not _SYMBOL_GLUED.fullmatch(tokens[index + 1].text) or tokens[index + 1].text in ELEMENTS:
        return None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return None if after is not None and after.glued and after.kind != "punct" else Reading(value, index)


def _physical(first: int, value: float, found: tuple[int, Unit], tokens: Sequence[Token]) -> Expression:
    """A measured quantity: durations keep their news unit names ("hour"), other units their canonical name."""
    last, unit = found
    counted, _ = _counted(tokens, last + 1)
    if counted is None and first >= 2 and tokens[first - 1].lower == "of":
        counted = noun_phrase_before(tokens, first - 2)
    if unit.dimension == "[time]" and unit.name in TIME_UNITS.values():
        return _exact(first, last, "duration", value, unit=unit.name, counted=counted)
    if unit.name == "percent":
        return _exact(first, last, "percent", value, unit="percent", counted=counted)
    return _exact(first, last, "cardinal", value, unit=unit.name, counted=counted)


def _currency_before(tokens: Sequence[Token], index: int) -> Expression | None:
    """An amount after a currency sign or code: "$5m", "$ 5,000", "US$5m", "£446million", "EUR 40m", "Rs 500"."""
    token, first = tokens[index], index
    if token.is_word and token.lower in DOLLAR_PREFIXES and _glued_at(tokens, index + 1, "$"):
        unit, index = DOLLAR_PREFIXES[token.lower], index + 1
    elif token.text in CURRENCY_SYMBOLS:
        unit = CURRENCY_SYMBOLS[token.text]
    elif token.is_word and token.lower in CURRENCY_CODES and (token.text.isupper() or token.text == "Rs"):
        unit = CURRENCY_CODES[token.lower]
        if _glued_at(tokens, index + 1, "."):
            index += 1
    else:
        return None
    if index + 1 >= len(tokens) or tokens[index + 1].kind != "num":
        return None
    reading = read_digits(tokens, index + 1)
    if reading is None:
        return None
    counted, _ = _counted(tokens, reading.last + 1)
    return _exact(first, reading.last, "money", reading.value, unit=unit, counted=counted)


def _pence(tokens: Sequence[Token], index: int) -> Expression | None:
    """ "40p": forty pence, written as pounds so that it compares with "£0.40"."""
    value = digit_value(tokens[index].text) if tokens[index].kind == "num" else None
    if value is None or not _glued_at(tokens, index + 1, "p"):
        return None
    if index + 2 < len(tokens) and tokens[index + 2].glued and tokens[index + 2].kind != "punct":
        return None
    counted, _ = _counted(tokens, index + 2)
    return _exact(index, index + 1, "money", value / 100, unit="pound", counted=counted)


def _glued_at(tokens: Sequence[Token], index: int, text: str) -> bool:
    return index < len(tokens) and tokens[index].glued and tokens[index].text == text


def _is_identifier(tokens: Sequence[Token], index: int) -> bool:
    """Digits glued to letters before them ("a62630", "G7", "F-16") are names, not quantities."""
    token = tokens[index]
    if not token.glued or index == 0:
        return False
    previous = tokens[index - 1]
    if previous.is_word:
        return previous.lower not in {"us"} or token.kind != "num"
    if previous.text == "-" and index >= 2 and tokens[index - 2].is_word and previous.glued:
        return tokens[index - 2].lower not in _IDENTIFIER_PREFIXES_OK
    return False


def _measure(tokens: Sequence[Token], first: int, reading: Reading) -> Expression:
    """What follows a number: percent, currency, a unit of time, a hyphenated unit, or a counted noun."""
    value, last = reading.value, reading.last
    group_unit = _group(tokens, last)
    if group_unit is not None and group_unit[1] is not None:
        counted, _ = _counted(tokens, last + 1)
        return _exact(first, last, "duration", value, unit=group_unit[1], counted=counted or (last, last))
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is None:
        return _year_or_cardinal(tokens, first, reading, None)
    lower = following.lower
    if lower == "%" or lower in PERCENT_WORDS:
        counted, _ = _counted(tokens, last + 2)
        return _exact(first, last + 1, "percent", value, unit="percent", counted=counted)
    if _phrase_at(tokens, last + 1, ("per", "cent")):
        counted, _ = _counted(tokens, last + 3)
        return _exact(first, last + 2, "percent", value, unit="percent", counted=counted)
    if lower == "percentage" and last + 2 < len(tokens) and singular(tokens[last + 2].text) == "point":
        return _exact(first, last + 2, "percent", value, unit="percentage point")
    if lower in CURRENCY_WORDS and (lower not in CURRENCY_CODES or following.text.isupper()):
        counted, _ = _counted(tokens, last + 2)
        unit, share = SUBUNITS.get(CURRENCY_WORDS[lower], (CURRENCY_WORDS[lower], 1.0))
        return _exact(first, last + 1, "money", value * share, unit=unit, counted=counted)
    if lower in TIME_UNITS and not following.glued:
        counted, _ = _counted(tokens, last + 2)
        return _exact(first, last + 1, "duration", value, unit=TIME_UNITS[lower], counted=counted or (last + 1,) * 2)
    if not reading.ordinal and not (following.glued and following.text in "-\u2010\u2011"):
        measured = read_unit(tokens, last + 1)
        if measured is not None:
            return _physical(first, value, measured, tokens)
    if following.text in "-\u2010\u2011" and following.glued and last + 2 < len(tokens) and tokens[last + 2].glued:
        return _hyphenated(tokens, first, last + 2, value)
    return _year_or_cardinal(tokens, first, reading, following)


def _hyphenated(tokens: Sequence[Token], first: int, unit_index: int, value: float) -> Expression:
    """ "three-month ceasefire", "40-year-old", "12-member delegation"."""
    word = tokens[unit_index].lower
    last = unit_index
    if _phrase_at(tokens, last + 1, ("-",)) and last + 2 < len(tokens) and tokens[last + 2].lower in {"long", "old"}:
        last += 2
    counted, _ = _counted(tokens, last + 1)
    if word in TIME_UNITS or singular(word) in TIME_UNITS:
        return _exact(first, last, "duration", value, unit=TIME_UNITS[singular(word)], counted=counted)
    if word in PERCENT_WORDS:
        return _exact(first, last, "percent", value, unit="percent", counted=counted)
    return _exact(first, last, "cardinal", value, unit=singular(word), counted=counted or (unit_index, unit_index))


def _year_or_cardinal(tokens: Sequence[Token], first: int, reading: Reading, following: Token | None) -> Expression:
    value, last = reading.value, reading.last
    if reading.ordinal:
        counted, _ = _counted(tokens, last + 1)
        return _exact(first, last, "ordinal", value, counted=counted)
    if reading.plain and len(tokens[first].text) == 4 and 1000 <= value <= 2100:
        previous = tokens[first - 1].lower if first > 0 else ""
        noun_follows = following is not None and following.is_word and following.text.islower()
        plural_follows = noun_follows and following is not None and singular(following.text) != following.lower
        if previous in _YEAR_CONTEXT or not plural_follows or (previous == "-" and first >= 2):
            year = f"{int(value):04d}"
            return _exact(first, last, "year", value, date=year)
    if following is not None and following.glued and following.is_word:
        return _exact(first, last + 1, "cardinal", value, unit=following.text)  # "5Rp": see `_glued_symbol`
    counted, head = _counted(tokens, last + 1)
    if counted is None:
        beyond = _beyond_hyphenated_number(tokens, last + 1)
        counted, head = _counted(tokens, beyond) if beyond is not None else (None, None)
        return _exact(first, last, "cardinal", value, unit=head, counted=counted)  # "three one-day internationals"
    core_last = None if head in _RATIO_NOUNS else last  # "20 times", "3.7 fold": the noun is the unit of a ratio
    return _exact(first, counted[1], "cardinal", value, unit=head, counted=counted, core_last=core_last)


def _beyond_hyphenated_number(tokens: Sequence[Token], index: int) -> int | None:
    """The token after a hyphenated measure at `index` ("one-day", "eight-second"), or None when there is none.

    That measure is a quantity of its own; the noun after it is still what the number before it counts."""
    if not hyphenated_number(tokens, index):
        return None
    position = index + 2
    while position + 2 < len(tokens) and tokens[position + 1].text == "-" and tokens[position + 1].glued:
        position += 2  # "eight-year-old"
    return position + 1


def _read_long_unit(tokens: Sequence[Token], index: int) -> Expression | None:
    """ "decade-long", "year-long", "century-old": a duration with no number."""
    word = tokens[index].lower
    glued_suffix = index + 2 < len(tokens) and tokens[index + 1].glued and tokens[index + 2].glued
    suffix = tokens[index + 2].lower if glued_suffix and tokens[index + 1].text == "-" else ""
    if word in LONG_UNITS and suffix in {"long", "old"}:
        size, unit = LONG_UNITS[word]
        counted, _ = _counted(tokens, index + 3)
        return _exact(index, index + 2, "duration", float(size), unit=unit, counted=counted)
    return None


def _read_fraction(tokens: Sequence[Token], index: int) -> Expression | None:
    """ "half of", "a third of", "two-thirds of", "three quarters"."""
    lower = tokens[index].lower
    if lower == "half" and _phrase_at(tokens, index + 1, ("of",)):
        counted, _ = _counted(tokens, index + 1)
        return _exact(index, index, "fraction", 0.5, counted=counted)
    numerator: float | None = None
    position = index
    if lower in {"a", "one"}:
        numerator = 1.0
    else:
        reading = read_number_words(tokens, index)
        numerator = reading.value if reading and not reading.ordinal and reading.value < 10 else None
    if numerator is None:
        return None
    position += 1
    if _phrase_at(tokens, position, ("-",)) and tokens[position].glued:
        position += 1
    if position < len(tokens) and tokens[position].lower in FRACTION_WORDS and tokens[position].lower != "half":
        if numerator == 1 and tokens[position].lower.endswith("s"):
            return None
        if lower == "a" and not _phrase_at(tokens, position + 1, ("of",)):
            return None
        counted, _ = _counted(tokens, position + 1)
        value = numerator * FRACTION_WORDS[tokens[position].lower]
        return _exact(index, position, "fraction", value, counted=counted)
    return None


def read_quantity(tokens: Sequence[Token], index: int) -> Expression | None:
    """A quantity without a preceding qualifier, starting at `index`."""
    token = tokens[index]
    if token.kind == "num" and _is_identifier(tokens, index):
        return None
    if token.text in SIGNS or token.text == ".":
        signed = read_signed(tokens, index)
        return _measure(tokens, index, signed) if signed is not None else None
    currency = _currency_before(tokens, index) or _pence(tokens, index)
    if currency is not None:
        return currency
    if token.kind == "num":
        decade = re.fullmatch(r"(\d{3})0", token.text)
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if decade and following is not None and following.glued and following.lower == "s":
            start = float(token.text)
            return Expression(index, index + 1, "year", None, start, start + 9, date=decade.group(1))
        span = _RANGE.fullmatch(token.text)
        if span and int(span.group(1)) < int(span.group(2)):
            low, high = float(span.group(1)), float(span.group(2))
            written = read_unit(tokens, index + 1)
            if written is not None:
                measured = _physical(index, low, written, tokens)
                return replace(measured, value=None, high=high, qualifier="vague")
            counted, head = _counted(tokens, index + 1)
            return Expression(index, index, "cardinal", None, low, high, unit=head, qualifier="vague", counted=counted)
    portion = read_portion(tokens, index, read_quantity)
    if portion is not None:
        return portion
    for reader in (_read_fraction, _read_long_unit, _read_vague, _read_time_offset):
        found = reader(tokens, index)
        if found is not None:
            return found
    if token.lower == "one" and _skip_one(tokens, index):
        return None
    reading = _read_number(tokens, index)
    if reading is None:
        ordinal = read_ordinal_word(tokens, index)
        if ordinal is None or (token.lower == "first" and index > 0 and tokens[index - 1].lower == "at"):
            return None
        if token.lower == "second" and index > 0 and tokens[index - 1].lower in {"a", "per", "one", "split"}:
            return None
        if token.text[0].isupper() and index + 1 < len(tokens) and tokens[index + 1].text in {",", ":"}:
            return None  # "First, ...": a discourse marker
        return _year_or_cardinal(tokens, index, ordinal, None)
    return _measure(tokens, index, reading)


def _skip_one(tokens: Sequence[Token], index: int) -> bool:
    """ "no one", "one another", "one of 12 countries": the pronoun, not a count ("one of the forays" counts 1)."""
    previous = tokens[index - 1].lower if index > 0 else ""
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    after_of = tokens[index + 2] if index + 2 < len(tokens) else None
    partitive_of_number = following == "of" and after_of is not None and after_of.kind == "num"
    pronoun = following in _NOT_ONE_AFTER or (following in _ONE_AS_SUBJECT and previous in _SUBORDINATORS)
    return previous in _NOT_ONE_BEFORE or pronoun or partitive_of_number


def _read_time_offset(tokens: Sequence[Token], index: int) -> Expression | None:
    """ "a day after", "an hour later": one unit of time; and bare plurals "hours", "years" as vague durations."""
    lower = tokens[index].lower
    if lower in VAGUE_TIME_PLURALS:
        previous = tokens[index - 1].lower if index > 0 else ""
        if previous in _NOT_BEFORE_TIME_PLURAL or (index > 0 and tokens[index - 1].kind == "num"):
            return None
        low, high, unit = VAGUE_TIME_PLURALS[lower]
        return Expression(index, index, "duration", None, low, high, high_open=True, unit=unit, qualifier="vague")
    after_qualifier = index > 0 and tokens[index - 1].lower in _BEFORE_ONE_UNIT
    if lower in {"a", "an"} and after_qualifier and index + 1 < len(tokens) and tokens[index + 1].lower in TIME_UNITS:
        one_unit = TIME_UNITS[tokens[index + 1].lower]
        if not tokens[index + 1].lower.endswith("s"):
            return _exact(index, index + 1, "duration", 1.0, unit=one_unit)
    if lower in {"a", "an"} and index + 2 < len(tokens) and tokens[index + 2].lower in _OFFSET_WORDS:
        offset_unit = TIME_UNITS.get(tokens[index + 1].lower)
        if offset_unit is not None and not tokens[index + 1].lower.endswith("s"):
            return _exact(index, index + 1, "duration", 1.0, unit=offset_unit)
    return None


_QUALIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
for _words, _qualifier in QUALIFIER_PHRASES:
    _QUALIFIERS_BY_FIRST.setdefault(_words[0], []).append((_words, _qualifier))

_STARTERS = frozenset(
    {"a", "an", "half", "one", "just", "tens", "rs"}
    | set(DOLLAR_PREFIXES)
    | set(CURRENCY_CODES)
    | set(UNITS_WORDS)
    | set(TENS_WORDS)
    | set(ORDINAL_WORDS)
    | set(LONG_UNITS)
    | set(VAGUE_PLURALS)
    | set(VAGUE_TIME_PLURALS)
    | {words[0] for words, _, _ in VAGUE_PHRASES}
)
"""Words a quantity can start with: any other word is passed over at once."""
EXPRESSION_STARTERS: frozenset[str] = _STARTERS | frozenset(_QUALIFIERS_BY_FIRST)
"""Words `read_expression` can start at (a quantity's or a qualifier's first word)."""


def read_expression(tokens: Sequence[Token], index: int) -> Expression | None:
    """[qualifier] quantity [postposed qualifier] at `index`, with the interval its qualifier allows."""
    token = tokens[index]
    if token.kind == "word" and token.lower not in EXPRESSION_STARTERS:
        return None
    if tokens[index].lower == "just" and index + 1 < len(tokens) and tokens[index + 1].lower in VAGUE_TIME_PLURALS:
        offset = _read_time_offset(tokens, index + 1)
        return replace(offset, first=index) if offset is not None else None
    for words, qualifier in _QUALIFIERS_BY_FIRST.get(token.lower, ()):
        if _phrase_at(tokens, index, words) and index + len(words) < len(tokens):
            core = read_quantity(tokens, index + len(words)) or _nested(tokens, index + len(words), qualifier)
            if core is not None and core.value is not None and core.kind not in {"year", "date", "ordinal"}:
                return _qualified(replace(core, first=index), qualifier)
            if core is not None and core.kind == "vague":
                return replace(core, first=index)
    core = read_quantity(tokens, index)
    if core is None or core.value is None or core.kind in {"year", "date", "ordinal"}:
        return core
    for words, qualifier in POSTPOSED_QUALIFIERS:
        if _phrase_at(tokens, core.last + 1, words):
            return _qualified(replace(core, last=core.last + len(words)), qualifier)
    return core


def _nested(tokens: Sequence[Token], index: int, outer: Qualifier) -> Expression | None:
    """A second qualifier after a first ("above ∼500 K", "up to at least 3Rp"): the first sets the interval."""
    if outer == "exact" or tokens[index].lower not in _QUALIFIERS_BY_FIRST:
        return None
    for words, _ in _QUALIFIERS_BY_FIRST[tokens[index].lower]:
        if _phrase_at(tokens, index, words) and index + len(words) < len(tokens):
            core = read_quantity(tokens, index + len(words))
            if core is not None and core.value is not None and core.kind not in {"year", "date", "ordinal"}:
                return core
    return None


def _qualified(core: Expression, qualifier: Qualifier) -> Expression:
    assert core.value is not None
    low, high, low_open, high_open = interval(core.value, qualifier)
    return replace(core, qualifier=qualifier, low=low, high=high, low_open=low_open, high_open=high_open)
