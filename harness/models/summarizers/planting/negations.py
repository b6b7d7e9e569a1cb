"""Negation errors: an event flipped by an antonym ("accepted" -> "declined") or by adding or removing "not"."""

from __future__ import annotations

import re

from harness.models.summarizers.planting.sites import Site, match_case, site

_ANTONYM_PAIRS = (
    ("accept", "decline"),
    ("agree", "refuse"),
    ("confirm", "deny"),
    ("approve", "reject"),
    ("attend", "skip"),
    ("support", "oppose"),
    ("increase", "decrease"),
)
_IRREGULAR = {
    "accepts": "declines", "accepted": "declined", "accepting": "declining",
    "declines": "accepts", "declined": "accepted", "declining": "accepting",
    "rejects": "accepts", "rejected": "accepted", "rejecting": "accepting", "reject": "accept",
    "attended": "skipped", "attending": "skipping", "skipped": "attended", "skipping": "attending",
    "agreeing": "refusing", "refusing": "agreeing", "denied": "confirmed", "denies": "confirms",
    "confirms": "denies", "confirmed": "denied",
}  # fmt: skip
_MODALS = r"will|would|can|could|should|did|does|do|is|are|was|were|has|have|had|must|might|may"
_ADD_NOT = re.compile(rf"\b(?:{_MODALS})\b(?!\s+not\b|n['\u2019]t)", re.IGNORECASE)
_REMOVE_NOT = re.compile(rf"\b(?:{_MODALS})(\s+not)\b", re.IGNORECASE)
_CONTRACTED = {"won't": "will", "can't": "can", "didn't": "did", "doesn't": "does", "don't": "do",
               "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "wouldn't": "would",
               "couldn't": "could", "shouldn't": "should", "hasn't": "has", "haven't": "have"}  # fmt: skip


def _antonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for left, right in _ANTONYM_PAIRS:
        for a, b in ((left, right), (right, left)):
            for suffix in ("", "s", "ing", "ed"):
                stem_a = a[:-1] if a.endswith("e") and suffix in ("ing", "ed") else a
                stem_b = b[:-1] if b.endswith("e") and suffix in ("ing", "ed") else b
                table.setdefault(stem_a + suffix, stem_b + suffix)
    table.update(_IRREGULAR)
    return table


ANTONYMS = _antonyms()


def negation_sites(text: str) -> list[Site]:
    """Every polarity flip that could be planted in `text`."""
    sites: list[Site] = []
    for found in re.finditer(r"[A-Za-z]+", text):
        flipped = ANTONYMS.get(found.group().lower())
        if flipped:
            sites.append(
                site(text, found.start(), found.end(), match_case(found.group(), flipped), "negation", "antonym")
            )
    for found in _ADD_NOT.finditer(text):
        following = text[found.end() : found.end() + 20].split()
        if following and following[0].isalpha() and following[0].islower():
            sites.append(site(text, found.start(), found.end(), f"{found.group()} not", "negation", "add_not"))
    for found in _REMOVE_NOT.finditer(text):
        sites.append(site(text, found.start(1), found.end(1), "", "negation", "remove_not"))
    for found in re.finditer(r"\b\w+n['\u2019]t\b", text):
        plain = _CONTRACTED.get(found.group().lower().replace("\u2019", "'"))
        if plain:
            sites.append(
                site(text, found.start(), found.end(), match_case(found.group(), plain), "negation", "remove_not")
            )
    return sites
