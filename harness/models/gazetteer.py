"""The general gazetteer shipped with the harness: countries, cities, demonyms, organizations, agencies, media.

It is general world knowledge in the goldset inventory format (never built from a goldset's annotations), so
the rule-based extractor and the corrupting wrapper can name entities without any gold data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from harness.core.spans import Entity, EntityInventory
from harness.errors import InputFileError

DEFAULT_GAZETTEER = Path(__file__).resolve().parent / "extractors" / "data" / "gazetteer.json"


@lru_cache(maxsize=8)
def load_gazetteer(path: str | Path | None = None) -> tuple[Entity, ...]:
    """Entities of a gazetteer file in inventory format (`{"entities": [...]}`); the shipped one by default."""
    source = Path(path) if path is not None else DEFAULT_GAZETTEER
    try:
        raw = source.read_text(encoding="utf-8")
    except OSError as error:
        raise InputFileError(source, f"cannot read the gazetteer: {error.strerror or error}") from None
    try:
        return tuple(EntityInventory.model_validate_json(raw).entities)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputFileError(source, f"not a valid gazetteer: {first['msg']}", field=where) from None
