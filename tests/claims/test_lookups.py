"""Index look-ups and backward matches give what the plain scans they replace give, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.claims.event_lexicon import TRIGGERS
from harness.claims.events import _CLAUSE_BREAK
from harness.claims.name_index import name_matches, name_pattern, name_starts
from harness.claims.trigger_scan import each_pattern_matches, trigger_matches
from harness.core.text import ABBREVIATIONS, TITLES, TextSpan, sentences

_PIECES = [
    "Gen.",
    "U.S.",
    "Sept.",
    "J.",
    "Mr.",
    "a.b.",
    "New York",
    "new york",
    "York's",
    "Yorks",
    "New-York",
    "NewYork",
    "\u00dfen",
    "Sen",
    "said",
    "it",
    ".",
    ". ",
    "!",
    "?",
    '."',
    ".)",
    "\u201d",
    ",",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "#",
    "1999",
    "x" * 30,
]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
names = st.sampled_from(["New York", "York", "new", "Sen", "\u00dfen", "U.S.", "J.", "x", "#", "1999", "it said"])


@settings(max_examples=300, deadline=None)
@given(texts, names)
def test_name_starts_are_every_match_of_the_pattern(text: str, name: str) -> None:
    pattern = name_pattern(name)
    every = [start for start in range(len(text) + 1) if pattern.match(text, start)]
    assert list(name_starts(text, name)) == every
    assert name_matches(text, name) == [found.span() for found in pattern.finditer(text)]


_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)|\n\s*\n|\n(?=\s*[#*])")


def _sentences_by_prefix_search(text: str) -> list[TextSpan]:
    """The sentence splitter as it searched the whole text before each period, kept here as the reference."""
    spans: list[TextSpan] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        head = text[:end].rstrip("\"'\u201d\u2019)]")
        tail = re.search(r"(\w+(?:\.\w+)*)\.$", head) if head.endswith(".") else None
        token = tail.group(1) if tail else ""
        abbreviation = tail is not None and (
            token.lower() in ABBREVIATIONS or "." in token or (len(token) == 1 and token.isupper())
        )
        if match.group().startswith(".") and abbreviation:
            following = text[end:].lstrip()[:1]
            last_word = re.search(r"(\w+)\.$", text[:end].rstrip())
            if (
                following.islower()
                or following.isdigit()
                or (last_word is not None and last_word.group(1).lower() in TITLES)
            ):
                continue
        chunk = text[start:end]
        if chunk.strip():
            offset = start + chunk.index(chunk.strip())
            spans.append(TextSpan(offset, offset + len(chunk.strip()), chunk.strip()))
        start = end
    chunk = text[start:]
    if chunk.strip():
        offset = start + chunk.index(chunk.strip())
        spans.append(TextSpan(offset, offset + len(chunk.strip()), chunk.strip()))
    return spans


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_match_the_whole_prefix_reading(text: str) -> None:
    assert sentences(text) == _sentences_by_prefix_search(text)


def test_sentences_are_fresh_lists_of_one_split() -> None:
    text = "Gen. Smith spoke. Then he left."
    first = sentences(text)
    first.clear()
    assert [span.text for span in sentences(text)] == ["Gen. Smith spoke.", "Then he left."]


_TRIGGER_WORDS = [
    "invited",
    "invitation",
    "turned down",
    "turn",
    "down",
    "voted down",
    "accept",
    "Accepted",
    "declined",
    "refusal",
    "vetoes",
    "brushed aside",
    "held talks",
    "attend",
    "skip",
    "boycotted",
    "re-invited",
    "invited-",
    "\u017fkip",
    "\u0130nvited",
    "\u0131nvited",
    "\u212aeep",
    "\u00e9",
    "not go",
    "n't go",
    "go",
    "not",
    "the",
    ",",
    ";",
    "\n",
]
trigger_texts = st.lists(st.sampled_from(_TRIGGER_WORDS), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(trigger_texts)
def test_trigger_matches_are_each_patterns_own_matches(text: str) -> None:
    assert trigger_matches(text) == each_pattern_matches(text)
    assert len(trigger_matches("They turned down and boycotted the invitation.")) == 3


_CLAUSE_BREAK_AS_WRITTEN = re.compile(
    r";|\s[\u2013\u2014]\s|,\s+and\b|\bbut\b|\bwhile\b|\bwhereas\b|"
    r"\b(?:hours |days |weeks |just hours )?after\b|\bbefore\b|\bwhich\b|\bwho\b|\bsince\b|\bbecause\b|\balthough\b"
)
_CLAUSE_WORDS = ["but", "abut", "butter", "while", "who", "whose", "hours", "just", "days", "after", "afterwards"]
clause_texts = st.lists(
    st.sampled_from([*_CLAUSE_WORDS, ",", ";", " \u2013 ", "and", "x", "-", "\n"]), max_size=30
).map(lambda parts: "".join(part + (" " if index % 3 else "") for index, part in enumerate(parts)))


@settings(max_examples=300, deadline=None)
@given(clause_texts)
def test_clause_breaks_are_the_written_pattern_s(text: str) -> None:
    expected = [found.span() for found in _CLAUSE_BREAK_AS_WRITTEN.finditer(text)]
    assert [found.span() for found in _CLAUSE_BREAK.finditer(text)] == expected


def _core(pattern: str) -> str:
    """A trigger pattern without its word-boundary look-arounds, for generating text it matches."""
    return re.sub(r"\)\(\?!\[\\w-\]\)$", ")", re.sub(r"^\(\?<!\[\\w-\]\)", "", pattern))


_LEXICON_WORDS = st.one_of(
    *(st.from_regex(_core(entry.pattern.pattern), fullmatch=True) for entry in TRIGGERS),
    st.sampled_from(_TRIGGER_WORDS),
)


def _cased(word: str, flips: list[bool]) -> str:
    padded = flips + [False] * len(word)
    return "".join(char.upper() if flip else char for char, flip in zip(word, padded[: len(word)], strict=True))


lexicon_texts = st.lists(
    st.tuples(_LEXICON_WORDS, st.lists(st.booleans(), max_size=8), st.sampled_from([" ", ", ", "-", "\n", "x "])),
    max_size=12,
).map(lambda parts: "".join(_cased(word, flips) + gap for word, flips, gap in parts))


@settings(max_examples=300, deadline=None)
@given(lexicon_texts)
def test_every_trigger_of_the_lexicon_is_found_as_its_pattern_finds_it(text: str) -> None:
    assert trigger_matches(text) == each_pattern_matches(text)
