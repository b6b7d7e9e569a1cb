"""Quote errors: a word inside a quotation altered (`word`), or the quotation given to another speaker (`speaker`)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from harness.claims.entities import find_entities
from harness.claims.quotes import find_quotes
from harness.core.spans import Entity
from harness.models.summarizers.planting.entities import INVENTED_PEOPLE
from harness.models.summarizers.planting.sites import Site, match_case, site

_ALTERED = {
    "positive": "negative", "negative": "positive", "direct": "indirect", "productive": "pointless",
    "peace": "war", "definitely": "perhaps", "leaders": "enemies", "accepted": "rejected", "will": "might",
    "not": "also", "begin": "end", "support": "oppose", "future": "past", "help": "hinder",
}  # fmt: skip
_FILLERS = ("urgent", "secret", "final", "limited", "formal", "separate")
_SKIP_WORDS = "the a an and or of to in on at for with by from that this it is are was were be"
_SKIP = frozenset(_SKIP_WORDS.split())


def _word_site(text: str, start: int, end: int, rng: random.Random) -> Site | None:
    candidates = [m for m in re.finditer(r"[A-Za-z]+", text[start:end]) if m.group().lower() not in _SKIP]
    if not candidates:
        return None
    known = [m for m in candidates if m.group().lower() in _ALTERED]
    chosen = rng.choice(known or [m for m in candidates if len(m.group()) >= 4] or candidates)
    word = chosen.group()
    replacement = _ALTERED.get(word.lower()) or rng.choice([f for f in _FILLERS if f != word.lower()])
    return site(text, start + chosen.start(), start + chosen.end(), match_case(word, replacement), "quote", "word")


def _speaker_site(
    text: str, cue_start: int, speaker: str, gazetteer: Sequence[Entity], rng: random.Random
) -> Site | None:
    window_start = max(0, cue_start - len(speaker) - 4)
    window = text[window_start : cue_start + len(speaker) + 40]
    found = window.find(speaker)
    if found < 0:
        return None
    phrase_start = window_start + found
    inside = [
        claim
        for claim in find_entities(speaker, gazetteer)
        if claim.type in (None, "PERSON") and claim.span.text[:1].isupper()
    ]
    if not inside:
        return None
    named = inside[-1]
    others = [name for name in INVENTED_PEOPLE if name not in text]
    start = phrase_start + named.span.start
    return site(text, start, start + len(named.span.text), rng.choice(others), "quote", "speaker")


def quote_sites(text: str, gazetteer: Sequence[Entity], rng: random.Random) -> list[Site]:
    """Every quote error that could be planted in `text`."""
    sites: list[Site] = []
    for quote in find_quotes(text, gazetteer):
        altered = _word_site(text, quote.content.start, quote.content.end, rng)
        if altered is not None:
            sites.append(altered)
        if quote.speaker_text and quote.cue is not None:
            swapped = _speaker_site(text, quote.cue.start, quote.speaker_text, gazetteer, rng)
            if swapped is not None:
                sites.append(swapped)
    return sites
