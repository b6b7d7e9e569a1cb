"""Read the judge model's JSON answers; anything else raises `MalformedAnswer` saying what was wrong."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

VERDICTS = ("supported", "contradicted", "not_in_sources")
Verdict = Literal["supported", "contradicted", "not_in_sources"]

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class MalformedAnswer(ValueError):
    """An answer that does not follow the requested JSON form; the message says how, for the retry prompt."""


@dataclass(frozen=True)
class SplitClaim:
    """One claim as the model wrote it and the stretch of the summary it says states it."""

    claim: str
    span: str


@dataclass(frozen=True)
class Judgement:
    """The model's verdict on one claim, the passage number it rests on (1-based) and the deciding words."""

    verdict: Verdict
    passage: int | None
    quote: str | None
    reason: str


def json_object(answer: str) -> dict[str, Any]:
    """The JSON object of an answer, allowing a Markdown code fence or text around the braces."""
    text = answer.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise MalformedAnswer("the answer holds no JSON object")
    try:
        value = json.loads(text[start : end + 1])
    except json.JSONDecodeError as error:
        raise MalformedAnswer(f"the JSON does not parse ({error.msg} at character {error.pos})") from None
    if not isinstance(value, dict):
        raise MalformedAnswer("the answer is not a JSON object")
    return value


def parse_split(answer: str) -> list[SplitClaim]:
    """The claims of a claim-splitting answer: `{"claims": [{"claim": ..., "span": ...}]}`."""
    claims = json_object(answer).get("claims")
    if not isinstance(claims, list):
        raise MalformedAnswer('"claims" must be a list')
    parsed = []
    for index, item in enumerate(claims):
        if not isinstance(item, dict):
            raise MalformedAnswer(f"claims[{index}] must be an object")
        claim, span = item.get("claim"), item.get("span")
        if not isinstance(claim, str) or not claim.strip() or not isinstance(span, str) or not span.strip():
            raise MalformedAnswer(f'claims[{index}] needs non-empty text under "claim" and "span"')
        parsed.append(SplitClaim(claim.strip(), span.strip()))
    return parsed


def parse_judgement(answer: str, passages: int) -> Judgement:
    """A verification answer; a supported or contradicted verdict must name one of the `passages` shown."""
    value = json_object(answer)
    verdict = value.get("verdict")
    if verdict not in VERDICTS:
        raise MalformedAnswer(f'"verdict" must be one of {", ".join(VERDICTS)}, got {verdict!r}')
    passage, quote, reason = value.get("passage"), value.get("quote"), value.get("reason")
    if passage is not None and (isinstance(passage, bool) or not isinstance(passage, int)):
        raise MalformedAnswer(f'"passage" must be a passage number or null, got {passage!r}')
    if passage is not None and not 1 <= passage <= passages:
        raise MalformedAnswer(f'"passage" must be between 1 and {passages}, got {passage}')
    if verdict != "not_in_sources" and passage is None:
        raise MalformedAnswer(f'a "{verdict}" verdict must give the number of the passage it rests on')
    if quote is not None and not isinstance(quote, str):
        raise MalformedAnswer('"quote" must be text or null')
    return Judgement(verdict, passage, quote or None, reason if isinstance(reason, str) else "")
