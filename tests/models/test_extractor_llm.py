"""The LLM extractor against a local chat server: JSON parsing, location of texts, malformed answers."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from harness.errors import ConfigError, ModelError
from harness.models.extractors.llm import LLMExtractor, Locator
from harness.models.protocols import SourceDocument
from tests.models.chat_server import ChatServer

TEXT = 'Russia invited 12 countries. Russia hopes for talks on Sept. 4. "We will go," said Zabihullah Mujahid.'
DOC = SourceDocument("d", TEXT, dt.date(2018, 8, 22))


def _model(server: ChatServer) -> LLMExtractor:
    return LLMExtractor(base_url=server.url, model="tiny", api_key_env=None, backoff_s=0.0, max_retries=0)


def test_locator_takes_successive_occurrences() -> None:
    locate = Locator(TEXT)
    first, second, third = locate.find("Russia"), locate.find("Russia"), locate.find("Russia")
    assert first is not None and second is not None
    assert (first.start, second.start, third) == (0, 29, None)


def test_claims_located_and_normalized_by_the_harness(chat_server: ChatServer) -> None:
    answer = {
        "entities": [
            {"text": "Russia", "type": "GPE"},
            {"text": "Russia", "type": "GPE"},
            {"text": "Zabihullah Mujahid", "type": "PERSON"},
            {"text": "Moscow", "type": "GPE"},
        ],
        "numbers": [{"text": "12 countries"}, {"text": "Sept. 4"}, {"text": "40 years"}],
        "quotes": [{"text": "We will go", "speaker": "Zabihullah Mujahid"}],
    }
    chat_server.default = (200, "```json\n" + json.dumps(answer) + "\n```", 0.0)
    claims = _model(chat_server).extract(DOC)
    assert [(e.span.start, e.span.text, e.type) for e in claims.entities] == [
        (0, "Russia", "GPE"),
        (29, "Russia", "GPE"),
        (TEXT.index("Zabihullah"), "Zabihullah Mujahid", "PERSON"),
    ]
    assert [(n.span.text, n.value, n.date) for n in claims.numbers] == [
        ("12 countries", 12.0, None),
        ("Sept. 4", None, "2018-09-04"),
    ]
    assert [(q.content.text, q.speaker_text) for q in claims.quotes] == [("We will go", "Zabihullah Mujahid")]
    request = chat_server.requests[0]
    assert request["response_format"] == {"type": "json_object"}
    assert TEXT in request["messages"][0]["content"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Sure! Here are the entities: Russia", "not valid JSON"),
        ("[1, 2]", "not an object"),
        ('{"entities": [{"name": "Russia"}]}', "'entities' must be a list"),
    ],
)
def test_malformed_answers_are_model_errors(chat_server: ChatServer, content: str, message: str) -> None:
    chat_server.default = (200, content, 0.0)
    with pytest.raises(ModelError, match=f"document 'd'.*{message}"):
        _model(chat_server).extract(DOC)


def test_prompt_needs_the_document_slot() -> None:
    with pytest.raises(ConfigError, match="document"):
        LLMExtractor(base_url="http://127.0.0.1:1", model="m", prompt="Extract.")


def test_extract_many_sends_concurrent_requests_and_puts_a_failure_in_its_place(chat_server: ChatServer) -> None:
    good = json.dumps({"entities": [{"text": "Russia", "type": "GPE"}], "numbers": [], "quotes": []})
    chat_server.script = [(200, good, 0.2), (200, "not json", 0.2), (200, good, 0.2)]
    chat_server.default = (200, good, 0.0)
    model = LLMExtractor(base_url=chat_server.url, model="tiny", api_key_env=None, max_retries=0, concurrency=3)
    first, second, third = model.extract_many([DOC, DOC, DOC])
    assert model.batch_size == 3 and chat_server.most_in_flight == 3
    answers = [answer for answer in (first, second, third) if not isinstance(answer, ModelError)]
    assert len(answers) == 2 and all(claims == model.extract(DOC) for claims in answers)
    assert sum(isinstance(answer, ModelError) for answer in (first, second, third)) == 1
