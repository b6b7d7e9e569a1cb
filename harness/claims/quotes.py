"""Quotations in any text: the quoted words between straight or curly marks, and who said them.

Quote marks pair up left to right; a mark that finds no partner (an unclosed quote, a stray inch sign) is
dropped, never an error. The speaker comes from the nearest reporting cue: "..., said X", "..., X said",
"X said/told ... '...'", or "according to X"; a pronoun ("he said") takes the last named speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from harness.claims.entities import after_preposition, find_entities
from harness.core.claim_types import EntityClaim, QuoteClaim
from harness.core.spans import Entity, Span
from harness.core.text import TextSpan, sentences

CUE_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|declared|wrote|writes|insisted|explained|noted|warned|"
    "announced|argued|stressed|replied|confirmed|quoted as saying|called|calls|described|describes"
)
PARTICIPLE_CUES = "saying|adding"
_CUE = re.compile(rf"\b(?:{CUE_VERBS}|{PARTICIPLE_CUES})\b")
_TITLES = "Dr Mr Mrs Ms Prof Gov Sen Rep Gen Col Lt Sgt Capt Supt Insp Det Cllr".split()
_TITLE_STOP = "(?:{})\\.".format("|".join(rf"(?<=\b{title})" for title in _TITLES))
"""An abbreviated title's period, which does not end the phrase naming a speaker ("said Dr. Glen Hargrove")."""
_CUE_THEN_WHO = re.compile(rf"^[\s,]*(?P<cue>{CUE_VERBS})\s+(?P<who>(?:[^,.;:\n\"\u201c\u201d]|{_TITLE_STOP})+)")
_WHO_THEN_CUE = re.compile(rf"^[\s,]*(?P<who>[^,.;:\n\"\u201c\u201d]{{1,80}}?)\s+(?P<cue>{CUE_VERBS})\b")
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<who>[^,.;:\n\"\u201c\u201d]+)")
_APPOSITION = re.compile(r",\s+(?:the|a|an|who|whose)\b[^,;\"\u201c\u201d]{0,80},\s*")
"""An apposition between a name and its reporting cue: "Bridget Soames, the cabinet member for education, said"."""
_NEW_CLAUSE = re.compile(r"(?:and|but|or|while|as|then|so|whereas)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she"})
_UNNAMED_STARTS = ("a ", "an ", "the ", "one ", "two ", "some ")


@dataclass(frozen=True)
class _Speaker:
    entity: str | None
    text: str | None
    cue: Span | None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of paired quote marks; double marks first, then single curly marks outside them."""
    pairs: list[tuple[int, int]] = []
    pending: int | None = None
    for index, mark in enumerate(text):
        if mark not in '"\u201c\u201d':
            continue
        if pending is not None and "\n\n" in text[pending:index]:
            pending = None
        if mark == "\u201c" or (mark == '"' and pending is None):
            following = text[index + 1 : index + 2]
            pending = index if mark == "\u201c" or (following and not following.isspace()) else None
        elif pending is not None:
            pairs.append((pending, index))
            pending = None
    pairs.extend(_single_pairs(text, pairs))
    return sorted(pairs)


def _single_pairs(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    for match in re.finditer(r"(?<![\w\u2019])\u2018([^\u2018\u2019\n]+?)\u2019(?![\w])", text):
        if not any(open_ < match.start() < close for open_, close in doubles):
            pairs.append((match.start(), match.end() - 1))
    return pairs


class _Mentions:
    """A text's entity mentions in order of position, with the range look-ups that speaker finding makes."""

    def __init__(self, claims: list[EntityClaim]) -> None:
        self.claims = claims
        self._starts = [claim.span.start for claim in claims]

    def within(self, start: int, end: int) -> list[EntityClaim]:
        """The mentions that lie inside `start`..`end`, in order."""
        first, last = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [claim for claim in self.claims[first:last] if claim.span.end <= end]

    def last_person_before(self, offset: int) -> EntityClaim | None:
        """The last PERSON mention (in order of start) that ends at or before `offset`."""
        for claim in reversed(self.claims[: bisect_right(self._starts, offset)]):
            if claim.span.end <= offset and claim.type == "PERSON":
                return claim
        return None


def _content(text: str, open_: int, close: int) -> Span | None:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(start=start, end=end, text=text[start:end]) if end > start else None


def _speaker_in(who: str, offset: int, entities: _Mentions, cue: Span | None) -> _Speaker:
    """The speaker a phrase names: a person in it, the entity it ends or starts with, or nobody (unnamed)."""
    phrase = who.strip()
    start = offset + who.index(phrase) if phrase else offset
    end = start + len(phrase)
    inside = entities.within(start, end)
    people = [claim for claim in inside if claim.type == "PERSON"]
    ending = [claim for claim in inside if claim.span.end == end]
    leading = [claim for claim in inside if phrase[: claim.span.start - start].lower() in ("", "the ")]
    chosen = people[-1:] or ending or ([] if phrase.lower().startswith(_UNNAMED_STARTS) else leading[:1])
    entity = chosen[0].entity if chosen else None
    return _Speaker(entity, phrase or None, cue)


def _cue_span(offset: int, match: re.Match[str]) -> Span:
    return Span(start=offset + match.start("cue"), end=offset + match.end("cue"), text=match.group("cue"))


def _sentence_around(spans: list[TextSpan], starts: list[int], position: int, text: str) -> TextSpan:
    index = bisect_right(starts, position) - 1
    if index >= 0 and position < spans[index].end:
        return spans[index]
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    return TextSpan(line_start, line_end, text[line_start:line_end])


def _speaker_after(text: str, close: int, limit: int, entities: _Mentions) -> _Speaker | None:
    offset = close + 1
    tail = text[offset:limit]
    cue_first = _CUE_THEN_WHO.match(tail)
    if cue_first is not None:
        return _speaker_in(
            cue_first.group("who"), offset + cue_first.start("who"), entities, _cue_span(offset, cue_first)
        )
    who_first = _WHO_THEN_CUE.match(tail)
    if who_first is not None and not _NEW_CLAUSE.match(who_first.group("who")):
        return _speaker_in(
            who_first.group("who"), offset + who_first.start("who"), entities, _cue_span(offset, who_first)
        )
    return None


_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")
_COMMAS_AND_SPACES = re.compile(r"[\s,]*")


def _speaker_before(text: str, sentence: TextSpan, open_: int, entities: _Mentions) -> _Speaker | None:
    start = sentence.start
    head = text[start:open_]
    cues = list(_CUE.finditer(head))
    if not cues or _QUOTE_MARK.search(head, cues[-1].end()):
        return None
    cue = cues[-1]
    cue_span = Span(start=start + cue.start(), end=start + cue.end(), text=cue.group())
    before_cue = entities.within(start, cue_span.start)
    if cue.group() in PARTICIPLE_CUES.split("|"):
        leading = [claim for claim in before_cue if len(text[start : claim.span.start].split()) <= 6]
        return _Speaker(leading[0].entity, leading[0].span.text, cue_span) if leading else None
    appositive = [claim for claim in before_cue if _APPOSITION.fullmatch(text, claim.span.end, cue_span.start)]
    if appositive:
        return _Speaker(appositive[-1].entity, appositive[-1].span.text, cue_span)
    adjacent = [
        claim
        for claim in before_cue
        if _COMMAS_AND_SPACES.fullmatch(text, claim.span.end, cue_span.start) and not after_preposition(text, claim)
    ]
    if adjacent:
        return _Speaker(adjacent[-1].entity, adjacent[-1].span.text, cue_span)
    clause_start = head.rfind(", ", 0, cue.start()) + 2 if ", " in head[: cue.start()] else 0
    return _speaker_in(head[clause_start : cue.start()], start + clause_start, entities, cue_span)


def _speaker_according(text: str, sentence: TextSpan, entities: _Mentions) -> _Speaker | None:
    match = _ACCORDING_TO.search(sentence.text)
    if match is None:
        return None
    return _speaker_in(match.group("who"), sentence.start + match.start("who"), entities, None)


def _resolve_pronoun(speaker: _Speaker, previous: _Speaker | None, entities: _Mentions, before: int) -> _Speaker:
    if speaker.entity is not None or (speaker.text or "").lower() not in _PRONOUNS:
        return speaker
    if previous is not None and previous.entity is not None:
        return _Speaker(previous.entity, speaker.text, speaker.cue)
    person = entities.last_person_before(before)
    return _Speaker(person.entity, speaker.text, speaker.cue) if person is not None else speaker


def _continues(text: str, previous_close: int, open_: int) -> bool:
    """True when a quote opens its paragraph right after the paragraph of the previous quote (same speaker)."""
    gap = text[previous_close + 1 : open_]
    line_end = open_
    while line_end > 0 and text[line_end - 1] in " \t":
        line_end -= 1
    opens_line = line_end > 0 and text[line_end - 1] == "\n"
    return opens_line and gap.count("\n\n") <= 1 and len(gap) < 200 and not _QUOTE_MARK.search(gap)


def find_quotes(text: str, inventory: Sequence[Entity] = ()) -> list[QuoteClaim]:
    """Every quotation in `text` with its speaker (entity id when an inventory name links it) and cue."""
    entities = _Mentions(find_entities(text, inventory))
    spans = sentences(text)
    starts = [sentence.start for sentence in spans]
    claims: list[QuoteClaim] = []
    previous: _Speaker | None = None
    previous_close = -1
    for open_, close in quote_spans(text):
        content = _content(text, open_, close)
        if content is None:
            continue
        opening = _sentence_around(spans, starts, open_, text)
        closing = _sentence_around(spans, starts, close, text)
        same_sentence = previous is not None and previous_close >= opening.start
        speaker = _speaker_after(text, close, max(closing.end, close + 1), entities)
        if speaker is None and same_sentence:
            speaker = previous
        speaker = (
            speaker or _speaker_before(text, opening, open_, entities) or _speaker_according(text, opening, entities)
        )
        if speaker is None and previous is not None and _continues(text, previous_close, open_):
            speaker = _Speaker(previous.entity, previous.text, None)
        speaker = _resolve_pronoun(speaker or _Speaker(None, None, None), previous, entities, open_)
        claims.append(QuoteClaim(content=content, speaker=speaker.entity, speaker_text=speaker.text, cue=speaker.cue))
        previous, previous_close = speaker, close
    return claims
