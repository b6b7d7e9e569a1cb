"""Lists of values written with one unit ("4.5, 6 and 13 kg", "34 and 38 °C") or with none ("1997, 2003, and 2008").

Each value stays its own claim, as a summary may repeat one of them alone; the values written without a unit
take the unit of the list ("6" of "6 and 13 kg" is 6 kg), and every member keeps the span of the whole list as
`listed`, the span an annotator marks as one list quantity (MeasEval's IsList). Values that each write their
unit ("80% and 81%") are whole quantities and no list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from harness.claims.numbers.units import resolve_unit
from harness.core.claim_types import NumberClaim
from harness.core.spans import Span

_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", re.IGNORECASE)
"""What stands between two members: a comma, "and", "or", or a comma and either."""
_MEMBER_KINDS: Final[frozenset[str]] = frozenset({"cardinal", "percent", "year"})


def _member(claim: NumberClaim) -> bool:
    measured = claim.unit is None or claim.unit == "percent" or resolve_unit(claim.unit) is not None
    return claim.kind in _MEMBER_KINDS and claim.counted is None and claim.quantity is None and measured


def _joined(text: str, left: NumberClaim, right: NumberClaim) -> bool:
    return _JOINER.fullmatch(text[left.span.end : right.span.start]) is not None


def _unit_of(run: Sequence[NumberClaim]) -> str | bool | None:
    """The one unit the members write (None for bare values), or False when they write two."""
    units = {claim.unit for claim in run if claim.unit is not None}
    if len(units) > 1:
        return False
    return units.pop() if units else None


def _as_list(text: str, run: list[NumberClaim]) -> list[NumberClaim]:
    unit = _unit_of(run)
    if len(run) < 2 or unit is False or (unit is not None and run[-1].unit is None):
        return run
    if unit is not None and all(claim.unit is not None for claim in run):
        return run  # "80% and 81%": each value writes its unit and is a whole quantity
    kind = run[-1].kind
    if unit is None and any(claim.kind != kind for claim in run):
        return run  # "February 3, 1959": a day is no year
    if any(claim.kind != kind and (claim.kind != "cardinal" or claim.unit is not None) for claim in run):
        return run  # "in 2003 and 5 kg": a year is no kilogram
    start, end = run[0].span.start, run[-1].span.end
    listed = Span(start=start, end=end, text=text[start:end])
    return [
        claim.model_copy(update={"listed": listed, "unit": unit, "kind": kind if claim.unit is None else claim.kind})
        for claim in run
    ]


def mark_lists(text: str, claims: list[NumberClaim]) -> list[NumberClaim]:
    """`claims` (in text order) with the members of each list of values sharing one unit marked."""
    marked: list[NumberClaim] = []
    run: list[NumberClaim] = []
    for claim in claims:
        if run and _member(claim) and _joined(text, run[-1], claim) and claim.span.start >= run[-1].span.end:
            run.append(claim)
            continue
        marked.extend(_as_list(text, run))
        run = [claim] if _member(claim) else []
        if not run:
            marked.append(claim)
    marked.extend(_as_list(text, run))
    return marked
