"""Digits that name rather than measure, beyond label nouns and citation markers (`ranges.is_label`).

A capitalized name right before a bare integer that nothing measures ("Voyager 1 and", "OAE 2,", "Claudin
19,"), an ordinal label noun of a schedule or a listing ("day 14", "month 7", "line 12", "type 1"), a number
glued after a closing bracket or an exponent sign (the "2" of "Mg(ClO4)2", the "1" of "tan−1"), a footnote
glued after a sentence ("respectively.4"), the coefficient of a chemical formula ("2Mg3N2"), an equation
number glued to the text around it ("as(5)ρ"), the degrees of freedom of a statistic ("F(3, 8.9)", "t(39)") and
isotopes in a ratio ("206Pb/238U").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from harness.claims.numbers.counted import STOP_WORDS
from harness.claims.numbers.dates import MONTHS, WEEKDAYS
from harness.claims.numbers.lexicon import CURRENCY_CODES, QUALIFIER_PHRASES
from harness.claims.numbers.tokens import Token

ORDERING_NOUNS: Final[frozenset[str]] = frozenset({
    "day", "week", "month", "line", "lines", "listing", "definition", "algorithm", "theorem", "lemma", "type",
    "fraction", "fractions", "clone", "complex", "case", "numbered", "supplement", "patient", "subject", "axis",
})  # fmt: skip
"""Nouns a following number orders or names ("on day 14", "type 1 diabetes", "lines 13–17")."""

_NOT_NAMES: Final[frozenset[str]] = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(CURRENCY_CODES) | {words[0] for words, _ in QUALIFIER_PHRASES}
    | {"ad", "bc", "bce", "ce", "no", "nos", "age", "aged"}
)  # fmt: skip
ELEMENTS: Final[frozenset[str]] = frozenset(
    """
    H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr
    Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir
    Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh
    Fl Mc Lv Ts Og
""".split()
)
"""Chemical element symbols: a mass number glued before one is an isotope ("40Ar", "206Pb"), not a quantity."""
_SENTENCE_ENDS: Final[frozenset[str]] = frozenset({".", "!", "?", ":", ";", "\n"})
_EXPONENT_SIGNS: Final[frozenset[str]] = frozenset({"\u2212"})
"""The minus sign of an exponent ("tan−1", "mol−1"); a hyphen after a word is a prefix ("post-2019", "mid-20s")."""


def _name_before(tokens: Sequence[Token], index: int) -> bool:
    """ "Voyager 1 and", "OAE 2,", "Pioneer 11 (1979)": a capitalized word that does not open its sentence, an
    integer after it, and nothing after the integer that it could count or measure."""
    if index < 2 or not tokens[index].text.isdigit() or tokens[index].glued or _year_like(tokens[index].text):
        return False
    name = tokens[index - 1]
    if not name.is_word or not name.text[:1].isupper() or "'" in name.text:
        return False
    if name.lower in _NOT_NAMES or name.lower in STOP_WORDS:
        return False
    if tokens[index - 2].text in _SENTENCE_ENDS or _score(tokens, index):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None or following.kind == "punct":
        return following is None or not following.glued or following.text in {",", ")", ";", ".", ":"}
    return following.lower in STOP_WORDS and following.lower not in MONTHS  # "Published 3 May 2020" is a date


def _year_like(digits: str) -> bool:
    """ "Euro 2016", "London 2012": a year after a name still dates something a summary may get wrong."""
    return len(digits) == 4 and 1000 <= int(digits) <= 2100


def _capitals(tokens: Sequence[Token], index: int, step: int) -> int:
    """The index after the run of capitalized words from `index` in direction `step` (+1 or -1)."""
    while 0 <= index < len(tokens) and tokens[index].is_word and tokens[index].text[:1].isupper():
        index += step
    return index


def _score(tokens: Sequence[Token], index: int) -> bool:
    """ "Liverpool 2, Leeds United 0", "Cardiff Devils 5 Sheffield Steelers 6": a score beside another name's."""
    after = index + 1 + (index + 1 < len(tokens) and tokens[index + 1].text == ",")
    end = _capitals(tokens, after, 1)
    if end > after and end < len(tokens) and tokens[end].kind == "num":
        return True
    start = _capitals(tokens, index - 1, -1)
    start -= start >= 0 and tokens[start].text == ","
    return start >= 0 and tokens[start].kind == "num" and start < index - 1


def _glued_subscript(tokens: Sequence[Token], index: int) -> bool:
    """The "2" of "Mg(ClO4)2" and the "1" of "tan−1" or "mol−1": written against a bracket or an exponent sign."""
    if not tokens[index].glued or index == 0:
        return False
    previous = tokens[index - 1]
    if previous.text in {")", "]"}:
        return tokens[index].text.isdigit() and len(tokens[index].text) <= 2  # "(ClO4)2", not ")4,808 Liberia"
    after_word = index >= 2 and previous.glued and tokens[index - 2].is_word
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    footnote = previous.text == "." and (following is None or not following.glued)  # "respectively.4 The"
    return after_word and (previous.text in _EXPONENT_SIGNS or footnote)


def _bracketed_marker(tokens: Sequence[Token], index: int) -> bool:
    """An equation number glued to its text ("as(5)ρV", "[20](1)Mnc"), or degrees of freedom ("F(3, 8.9)")."""
    start = index
    while start > 0 and (tokens[start - 1].kind == "num" or tokens[start - 1].text == ","):
        start -= 1
    if start < 2 or tokens[start - 1].text != "(" or not tokens[start - 1].glued:
        return False
    before = tokens[start - 2]
    if before.is_word and len(before.text) == 1:
        return True  # "F(3, 8.9)", "t(39)", "χ(2)"
    end = index
    while end + 1 < len(tokens) and tokens[end + 1].kind == "num":
        end += 1
    closing = tokens[end + 1] if end + 1 < len(tokens) else None
    after = tokens[end + 2] if end + 2 < len(tokens) else None
    return closing is not None and closing.text == ")" and after is not None and after.glued and after.is_word


def _chemical(tokens: Sequence[Token], index: int) -> bool:
    """ "206Pb/238U", "187Os/188Os": mass numbers glued to element symbols on either side of a slash; "2Mg3N2":
    the coefficient of a formula."""
    symbol = tokens[index + 1] if index + 1 < len(tokens) else None
    if symbol is None or not symbol.glued or symbol.text not in ELEMENTS:
        return False
    before = index > 0 and tokens[index].glued and tokens[index - 1].text == "/"
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return before or (after is not None and after.glued and (after.text == "/" or after.kind == "num"))


def _ordering_noun_before(tokens: Sequence[Token], index: int) -> bool:
    return index > 0 and not tokens[index].glued and tokens[index - 1].lower in ORDERING_NOUNS


def names_a_thing(tokens: Sequence[Token], index: int) -> bool:
    """Whether the number at `index` names, orders or indexes something instead of measuring it."""
    if tokens[index].kind != "num":
        return False
    return (
        _glued_subscript(tokens, index)
        or _ordering_noun_before(tokens, index)
        or _name_before(tokens, index)
        or _bracketed_marker(tokens, index)
        or _chemical(tokens, index)
    )


def label_end(tokens: Sequence[Token], index: int) -> int:
    """The last token of the label that starts with the number at `index`: a panel letter glued on ("3I")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    glued_letter = following is not None and following.glued and following.is_word and len(following.text) <= 2
    return index + 1 if glued_letter else index


def counts_a_noun(tokens: Sequence[Token], index: int) -> bool:
    """Whether the number at `index` is followed by a content word it may count ("350 electrons")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.is_word and not following.glued and following.lower not in STOP_WORDS
