"""Ranges, tolerances and non-quantities around an expression the grammar has read.

A range ("5–10 mm", "5 to 10 mm", "between 5 and 10", "from 2605 m to 2634 m") is one claim: value None,
the interval [low, high], qualifier `vague` (as the "5-10" written in one token always was), the unit of
either end. A tolerance ("3.2 ± 0.1") keeps the value and widens the interval. Citation markers ("[29]",
"(14–17)"), figure, table, equation, phase and page numbers ("Fig. 5", "phases 3, 5 and 7") and telephone numbers
are labels, not quantities: the finder passes over them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from harness.claims.numbers.labels import counts_a_noun, names_a_thing
from harness.claims.numbers.parse import EXPRESSION_STARTERS, Expression, read_expression
from harness.claims.numbers.tokens import Token
from harness.claims.numbers.units import resolve_unit

_DASHES: Final[frozenset[str]] = frozenset({"-", "\u2013", "\u2014", "\u2212"})
_RANGE_WORDS: Final[dict[str, frozenset[str]]] = {"between": frozenset({"and"}), "from": frozenset({"to"})}
_TOLERANCE: Final[frozenset[str]] = frozenset({"\u00b1", "+/-"})
_RANGE_KINDS: Final[frozenset[str]] = frozenset({"cardinal", "percent", "money", "duration", "fraction"})
LABEL_NOUNS: Final[frozenset[str]] = frozenset({
    "fig", "figs", "figure", "figures", "table", "tables", "tab", "eq", "eqs", "equation", "equations", "section",
    "sections", "sec", "chapter", "chapters", "appendix", "page", "pages", "p", "pp", "ref", "refs", "reference",
    "references", "phase", "phases", "step", "steps", "stage", "stages", "model", "version", "no", "nos",
    "panel", "panels", "box", "item", "items", "row", "rows", "column", "columns", "lane",
    "lanes", "sample", "site", "sites", "experiment", "experiments", "example", "exp", "supplementary",
    "article", "articles", "paragraph", "clause", "route", "highway", "flight",
})  # fmt: skip
"""Nouns that a number labels rather than counts ("Table 2", "phase 3", "Flight 17")."""
_ENDS: Final[frozenset[str]] = frozenset({"exact", "approximately"})
"""Qualifiers a range's ends may carry: "∼2–3 mA", "from 50% to around 80%"."""
_LIST_JOINERS: Final[frozenset[str]] = frozenset({",", "and", "or", "&", "-", "\u2013", "to", ";"})


def _second(tokens: Sequence[Token], index: int) -> Expression | None:
    if index >= len(tokens):
        return None
    found = read_expression(tokens, index)
    if found is None or found.value is None or found.kind not in _RANGE_KINDS or found.qualifier not in _ENDS:
        return None
    return found


def as_range(tokens: Sequence[Token], core: Expression) -> Expression | None:
    """`core` followed by a dash or "to" and a second quantity of the same kind: the range over both."""
    bare = core.kind in {"cardinal", "year"} and core.unit is None and core.counted is None
    if core.value is None or (core.kind not in _RANGE_KINDS and not bare) or core.qualifier not in _ENDS:
        return None
    joint = core.last + 1
    if joint >= len(tokens):
        return None
    word = tokens[joint]
    starter = tokens[core.first - 1].lower if core.first > 0 else ""
    allowed = _RANGE_WORDS.get(starter, frozenset({"to"}))
    if word.text in _DASHES and word.glued and joint + 1 < len(tokens) and tokens[joint + 1].glued:
        pass
    elif word.text == "\u2013" and not word.glued and joint + 1 < len(tokens) and not tokens[joint + 1].glued:
        pass  # "68 – 70%": an en dash set apart by spaces still joins a range
    elif word.lower not in allowed:
        return None
    other = _second(tokens, joint + 1)
    if other is None or other.value is None or other.value == core.value:
        return None
    if other.value < core.value and not (starter in _RANGE_WORDS and _measured(other)):
        return None  # "from 10 ms to 0.1 ms" runs either way; "5-3" and "from three to one reporter" are no range
    if other.kind != core.kind and not (bare and other.unit is not None):
        return None  # "5 to 10 mm" and "7 to 20%" take the unit of their second end; "2003 to 2004" stays two years
    if core.unit is not None and other.unit is not None and core.unit != other.unit:
        return None
    unit = other.unit or core.unit
    low, high = sorted((core.value, other.value))
    return replace(
        core, last=other.last, kind=other.kind, value=None, low=low, high=high, unit=unit,
        qualifier="vague", counted=other.counted or core.counted, date=None, low_open=False, high_open=False,
        core_last=other.core_last,
    )  # fmt: skip


def _measured(end: Expression) -> bool:
    """A quantity in a unit of measure, other than a share: a range of such may be written downward."""
    return end.unit is not None and end.unit != "percent" and resolve_unit(end.unit) is not None


def with_tolerance(tokens: Sequence[Token], core: Expression) -> Expression:
    """ "3.2 ± 0.1": the value kept, the interval [3.1, 3.3]; the unit may follow either number."""
    joint = core.last + 1
    if core.value is None or joint + 1 >= len(tokens) or tokens[joint].text not in _TOLERANCE:
        return core
    other = read_expression(tokens, joint + 1)
    if other is None or other.value is None or other.kind not in _RANGE_KINDS:
        return core
    unit = core.unit or other.unit
    return replace(
        core, last=other.last, low=core.value - other.value, high=core.value + other.value, unit=unit,
        core_last=other.core_last,
    )  # fmt: skip


def read_span(tokens: Sequence[Token], index: int) -> Expression | None:
    """The expression at `index` with its range or tolerance; "between"/"from" start a range only; "pH" before
    a value is its unit ("pH 7–8", "pH∼2")."""
    starter = tokens[index].lower
    if starter in _MODIFIER_WORDS:
        return _modified(tokens, index)
    if tokens[index].text == "pH" and index + 1 < len(tokens):
        acidity = read_span(tokens, index + 1)
        if acidity is None or acidity.kind not in {"cardinal", "year"}:
            return None
        if acidity.unit is not None and acidity.counted is None:
            return None
        last = acidity.core_last if acidity.core_last is not None else acidity.last
        return replace(acidity, first=index, last=last, kind="cardinal", unit="pH", date=None, counted=None,
                       core_last=None)  # fmt: skip
    if starter in _RANGE_WORDS:
        if index + 1 >= len(tokens):
            return None
        core = read_expression(tokens, index + 1)
        ranged = as_range(tokens, core) if core is not None else None
        return replace(ranged, first=index) if ranged is not None else None
    core = read_expression(tokens, index)
    if core is None:
        return None
    return as_range(tokens, core) or with_tolerance(tokens, core)


_MODIFIER_WORDS: Final[frozenset[str]] = frozenset({"range", "average", "mean", "median"})
"""Words that say a quantity is a range or a mean, kept in its span as MeasEval's guidelines keep modifiers."""


def _modified(tokens: Sequence[Token], index: int) -> Expression | None:
    """ "range of 10–15%", "range from 4 to 88 days", "average 3–4 nT": the modifier word and the quantity after
    it (a range after "range")."""
    position = index + 1
    if tokens[index].lower == "range" and position < len(tokens) and tokens[position].lower == "of":
        position += 1
    if position >= len(tokens):
        return None
    found = read_span(tokens, position)
    if found is None or found.kind in {"year", "date", "ordinal", "vague"} or found.core_last is not None:
        return None
    if tokens[index].lower == "range" and found.value is not None:
        return None
    return replace(found, first=index)


def _label_before(tokens: Sequence[Token], index: int) -> bool:
    position = index - 1
    if position >= 0 and tokens[position].text == "(":
        position -= 1  # "Eqs. (9.2)"
    if position >= 0 and tokens[position].text == ".":
        position -= 1
    return position >= 0 and tokens[position].lower in LABEL_NOUNS


_PHONE_MARKS: Final[frozenset[str]] = frozenset({"+", "(", ")", "-", "."})


def _phone(tokens: Sequence[Token], index: int) -> bool:
    """A telephone number: digit groups with an international "+" ("(+91) 120 4565994", "+44 20 7946 0958"), or
    three or more groups holding at least nine digits ("020 7946 0958")."""
    first = index
    while first > 0 and (tokens[first - 1].kind == "num" or tokens[first - 1].text in _PHONE_MARKS):
        first -= 1
    last = index
    while last + 1 < len(tokens) and (tokens[last + 1].kind == "num" or tokens[last + 1].text in _PHONE_MARKS):
        last += 1
    groups = [token.text for token in tokens[first : last + 1] if token.kind == "num"]
    if not all(group.isdigit() for group in groups) or len(groups) < 2:
        return False
    plus = any(token.text == "+" and tokens[position + 1].kind == "num" for position, token in
               enumerate(tokens[first:last], start=first))  # fmt: skip
    return plus or (len(groups) >= 3 and sum(map(len, groups)) >= 9)


def is_label(tokens: Sequence[Token], index: int, previous_label_end: int | None) -> bool:
    """Digits that name rather than measure: after a label noun ("Fig. 5"), continuing a list of labels
    ("phases 3, 5, and 7"), alone in brackets as a citation ("[29]", "(14–17)", "[3, 5]"), a phone number, or
    a name, an index or a subscript of `labels.names_a_thing` ("Voyager 1", "day 14", "Mg(ClO4)2")."""
    if tokens[index].text == "+" and index + 1 < len(tokens) and _phone(tokens, index + 1):
        return True
    if tokens[index].kind != "num":
        return False
    if _phone(tokens, index):
        return True
    if _label_before(tokens, index) or names_a_thing(tokens, index):
        return True
    if previous_label_end is not None and all(
        token.lower in _LIST_JOINERS for token in tokens[previous_label_end + 1 : index]
    ):
        return not counts_a_noun(tokens, index)  # "Fig. 10, 350 electrons": the list of labels has ended
    return _citation(tokens, index)


def _citation(tokens: Sequence[Token], index: int) -> bool:
    start = index
    while start > 0 and (tokens[start - 1].kind == "num" or tokens[start - 1].text in {",", "\u2013", "-"}):
        start -= 1
    end = index
    while end + 1 < len(tokens) and (tokens[end + 1].kind == "num" or tokens[end + 1].text in {",", "\u2013", "-"}):
        end += 1
    if start == 0 or end + 1 >= len(tokens):
        return False
    opening, closing = tokens[start - 1].text, tokens[end + 1].text
    numbers = [token for token in tokens[start : end + 1] if token.kind == "num"]
    plain = all(token.text.isdigit() and len(token.text) <= 3 for token in numbers)
    return plain and (opening, closing) in {("[", "]"), ("(", ")")} and (opening == "[" or not tokens[start - 1].glued)


SPAN_STARTERS: Final[frozenset[str]] = EXPRESSION_STARTERS | _MODIFIER_WORDS | frozenset(_RANGE_WORDS) | {"ph"}
"""The only words `read_span` can start at: at any other word it finds nothing."""
