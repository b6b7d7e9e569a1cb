"""Units of measure resolved to a canonical unit with a dimension through `pint`, so that quantities compare.

"1.5 km" and "1,500 metres" resolve to `kilometer` and `meter` of dimension `[length]`, with factors to the
base unit (1000 and 1), so both are 1500 m. Percent and percentage points are told apart: "%" is the
dimensionless `percent`, "percentage points" is `percentage_point`, a difference of percentages that never
compares equal to a share. Lookups are cached: the registry loads once (about half a second) on first use and
each distinct unit string is parsed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import pint

_SUPERSCRIPTS: Final[dict[str, str]] = {
    "\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2074": "4", "\u2075": "5", "\u2076": "6",
    "\u2077": "7", "\u2078": "8", "\u2079": "9", "\u207b": "-",
}  # fmt: skip
_MASS_SHARES: Final[dict[str, str]] = {
    "wt%": "weight_percent", "wt.%": "weight_percent", "wt. %": "weight_percent", "vol%": "volume_percent",
    "vol.%": "volume_percent", "vol. %": "volume_percent", "mol%": "mole_percent", "at%": "atom_percent",
    "at.%": "atom_percent",
}  # fmt: skip
"""Composition shares that pint does not define: dimensionless, kept apart from a plain percent."""
_COMPASS: Final[dict[str, str]] = {"n": "north", "s": "south", "e": "east", "w": "west"}
"""Latitudes and longitudes ("54 °N"): degrees of their own, that compare only with the same direction."""

_OWN_UNITS: Final[dict[str, tuple[str, str, float]]] = {
    "percent": ("percent", "share", 0.01),
    "percentage point": ("percentage_point", "percentage_point", 1.0),
    "percentage_point": ("percentage_point", "percentage_point", 1.0),
    "ph": ("pH", "pH", 1.0),
    **{written: (name, name, 0.01) for written, name in _MASS_SHARES.items()},
    **{name: (name, name, 0.01) for name in _MASS_SHARES.values()},
    **{f"\u00b0{letter}": (f"degree_{name}", "[angle]", 1.0) for letter, name in _COMPASS.items()},
    **{f"degree_{name}": (f"degree_{name}", "[angle]", 1.0) for name in _COMPASS.values()},
}  # fmt: skip
"""Units resolved without pint, by their written forms and their canonical names: (name, dimension, factor)."""


@dataclass(frozen=True)
class Unit:
    """A resolved unit: canonical `name` (pint's spelling), `dimension` and the factor to its base unit."""

    name: str
    dimension: str
    factor: float
    offset: bool = False

    def to_base(self, value: float) -> float:
        """`value` in the base unit of the dimension (kelvin for degrees, metres for km)."""
        if self.offset:
            return float(_registry().Quantity(value, self.name).to_base_units().magnitude)
        return value * self.factor


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    """pint's registry, its parsed definitions kept in the harness's cache folder (a fifth of a run's fixed
    cost otherwise); built without that cache when the folder cannot be used."""
    import pint

    from harness.core.paths import default_cache_dir

    try:
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=default_cache_dir() / "pint")
    except Exception:  # an unwritable folder or a damaged cache entry: the registry is the same without it
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


def normalize_unit_text(text: str) -> str:
    """Unit text as pint reads it: superscripts and the minus sign as ASCII, products and quotients explicit."""
    text = (
        text.strip()
        .replace("**", "^")
        .replace("\u2030", "permille")
        .replace("\u2212", "-")
        .replace("\u2013", "-")
        .replace("\u00b5", "\u03bc")
    )
    text = "".join(_SUPERSCRIPTS.get(char, char) for char in text)
    text = text.replace("\u00b7", " ").replace("\u22c5", " ").replace("*", " ").replace("^", "")
    text = re.sub(r"\s*/\s*", "/", re.sub(r"\s+per\s+", "/", text))
    text = re.sub(r"(?<=[^\W\d_])-\s+(\d)\b", r"-\1", text)  # "g- 1": an exponent set apart by extraction
    text = re.sub(r"(?<=[^\W\d_])(-?\d+)\b", r"**\1", text)  # "s-1" -> "s**-1", "m2" -> "m**2"
    text = re.sub(r"°\s*([CFK])\b", lambda m: {"C": "degC", "F": "degF", "K": "kelvin"}[m.group(1)], text)
    return re.sub(r"\s+", "*", text.strip())


@lru_cache(maxsize=4096)
def resolve_unit(text: str) -> Unit | None:
    """The canonical unit written as `text` ("km s−1", "mg/mL", "°C", "metres"), or None when it is no unit."""
    key = text.strip().lower()
    if text.strip() == "AU":
        return resolve_unit("astronomical_unit")  # pint's "AU" is the absorbance unit
    if key in {"%", "pct", "per cent", "percent", "percentage"}:
        key = "percent"
    if key in {"percentage point", "percentage points", "pp", "p.p."}:
        key = "percentage point"
    if key in _OWN_UNITS:
        name, dimension, factor = _OWN_UNITS[key]
        return Unit(name, dimension, factor)
    expression = normalize_unit_text(text)
    if not expression or not re.search(r"[^\W\d_]|°|Å|Ω", expression):
        return None
    registry = _registry()
    try:
        quantity: Any = registry.Quantity(1, expression)
        base = quantity.to_base_units()
    except Exception:  # pint raises many kinds of errors on text that is no unit
        return None
    units = quantity.units
    offset = not registry._units[str(units)].is_multiplicative if str(units) in registry._units else False
    dimension = str(quantity.dimensionality) or "dimensionless"
    return Unit(str(units).replace(" ", ""), dimension, float(base.magnitude), offset=offset)


def same_quantity(value: float, unit: str, other_value: float, other_unit: str, *, rel_tol: float = 1e-6) -> bool:
    """Whether two values with units name the same quantity ("1.5 km" and "1,500 metres")."""
    mine, theirs = resolve_unit(unit), resolve_unit(other_unit)
    if mine is None or theirs is None or mine.dimension != theirs.dimension:
        return False
    left, right = mine.to_base(value), theirs.to_base(other_value)
    return abs(left - right) <= rel_tol * max(abs(left), abs(right), 1e-300)
