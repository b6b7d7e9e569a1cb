"""Extraction by a chat model that answers in JSON, over the same OpenAI-compatible client as the summarizer.

The model lists each claim by its text only; the harness finds that text in the document (the k-th listing
of the same text takes its k-th occurrence) and drops what it cannot find, so offsets never come from the
model. Numbers are then normalized by the harness's number grammar. Malformed JSON is a ModelError for that
document. The runner hands it `batch_size` documents per `extract_many` call (default: `concurrency`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from harness.claims.numbers.find import find_numbers
from harness.core.claim_types import ClaimSet, EntityClaim, NumberClaim, QuoteClaim
from harness.core.spans import Span
from harness.errors import ConfigError, ModelError
from harness.models.batching import batch_size_setting
from harness.models.openai_client import ChatClient, Message
from harness.models.protocols import SourceDocument

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PUBLICATION")
DEFAULT_PROMPT = (
    "List the named entities, numeric expressions and direct quotations of the article below. Answer with one "
    'JSON object only: {"entities": [{"text": "...", "type": "PERSON|ORG|GPE|LOC|NORP|PUBLICATION"}], '
    '"numbers": [{"text": "..."}], "quotes": [{"text": "...", "speaker": "..."}]}. Copy every text exactly '
    "as it appears in the article; list a repeated mention once per occurrence.\n\nArticle:\n{document}"
)
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


class Locator:
    """Finds listed texts in a document, each repeat of the same text at its next occurrence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: Counter[str] = Counter()

    def find(self, wanted: str) -> Span | None:
        wanted = wanted.strip()
        if not wanted:
            return None
        occurrences = [m.start() for m in re.finditer(re.escape(wanted), self.text)]
        index = self._seen[wanted]
        self._seen[wanted] += 1
        if index >= len(occurrences):
            return None
        start = occurrences[index]
        return Span(start=start, end=start + len(wanted), text=wanted)


def _items(answer: dict[str, Any], layer: str, document: str) -> list[dict[str, Any]]:
    items = answer.get(layer, [])
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and isinstance(item.get("text"), str) for item in items
    ):
        raise ModelError(f"document '{document}': '{layer}' must be a list of objects with a 'text' string")
    return items


def parse_answer(content: str, document: str) -> dict[str, Any]:
    """The JSON object of a model answer (code fences allowed); ModelError when it is not one."""
    try:
        answer = json.loads(_FENCE.sub("", content.strip()))
    except json.JSONDecodeError as error:
        raise ModelError(
            f"document '{document}': the model's answer is not valid JSON ({error.msg}): {content[:120]!r}"
        ) from None
    if not isinstance(answer, dict):
        raise ModelError(f"document '{document}': the model's answer is JSON but not an object")
    return answer


class LLMExtractor:
    """Entities, numbers and quotes listed by a chat model, located and normalized by the harness."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str | None = "OPENAI_API_KEY",
        prompt: str = DEFAULT_PROMPT,
        json_mode: bool = True,
        temperature: float = 0.0,
        max_tokens: int = 2048,
        timeout_s: float = 120.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        concurrency: int = 4,
        batch_size: int | None = None,
    ) -> None:
        if "{document}" not in prompt:
            raise ConfigError("llm extractor: prompt must contain the placeholder {document}")
        self.batch_size = batch_size_setting("llm extractor", batch_size, concurrency)
        self.prompt = prompt
        self.options: dict[str, Any] = {"temperature": temperature, "max_tokens": max_tokens}
        if json_mode:
            self.options["response_format"] = {"type": "json_object"}
        self.client = ChatClient(
            base_url,
            model,
            api_key_env=api_key_env,
            timeout_s=timeout_s,
            max_retries=max_retries,
            backoff_s=backoff_s,
            concurrency=concurrency,
        )

    def __repr__(self) -> str:
        return f"LLMExtractor(client={self.client!r})"

    def claims(self, document: SourceDocument, answer: dict[str, Any]) -> ClaimSet:
        """The claims of a parsed answer, located in `document`; unlocatable items are dropped."""
        entities, quotes, numbers = [], [], []
        locate = Locator(document.text)
        for item in _items(answer, "entities", document.id):
            span = locate.find(item["text"])
            if span is not None:
                kind = item.get("type")
                entities.append(EntityClaim(span=span, type=kind if kind in ENTITY_TYPES else None))
        locate = Locator(document.text)
        for item in _items(answer, "quotes", document.id):
            span = locate.find(item["text"])
            if span is not None:
                speaker = item.get("speaker")
                quotes.append(QuoteClaim(content=span, speaker_text=speaker if isinstance(speaker, str) else None))
        normalized = find_numbers(document.text, anchor=document.date)
        taken: set[int] = set()
        locate = Locator(document.text)
        for item in _items(answer, "numbers", document.id):
            span = locate.find(item["text"])
            if span is None:
                continue
            for index, claim in enumerate(normalized):
                if index not in taken and claim.span.start < span.end and span.start < claim.span.end:
                    taken.add(index)
                    numbers.append(claim)
                    break
        by_start: list[NumberClaim] = sorted(numbers, key=lambda claim: claim.span.start)
        return ClaimSet(
            layers=("entities", "numbers", "quotes"),
            entities=tuple(sorted(entities, key=lambda c: c.span.start)),
            numbers=tuple(by_start),
            quotes=tuple(sorted(quotes, key=lambda c: c.content.start)),
        )

    def messages(self, document: SourceDocument) -> list[Message]:
        """The chat messages sent for `document`."""
        return [{"role": "user", "content": self.prompt.replace("{document}", document.text)}]

    def extract(self, document: SourceDocument) -> ClaimSet:
        content = self.client.complete(self.messages(document), **self.options)
        return self.claims(document, parse_answer(content, document.id))

    def extract_many(self, documents: Sequence[SourceDocument]) -> list[ClaimSet | ModelError]:
        """Claims of several documents, at most `concurrency` requests in flight; a failure stands in its place."""
        answers = self.client.complete_many([self.messages(document) for document in documents], **self.options)
        results: list[ClaimSet | ModelError] = []
        for document, answer in zip(documents, answers, strict=True):
            if isinstance(answer, ModelError):
                results.append(answer)
                continue
            try:
                results.append(self.claims(document, parse_answer(answer, document.id)))
            except ModelError as error:
                results.append(error)
        return results
