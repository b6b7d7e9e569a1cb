"""The chat client's own guarantees: an echoed API key never comes back, token counts default to zero."""

from __future__ import annotations

import pytest

from harness.models.openai_client import ChatClient
from tests.models.chat_server import ChatServer

SECRET = "sk-client-secret-42"


def test_an_answer_echoing_the_key_comes_back_scrubbed(
    chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARNESS_CLIENT_KEY", SECRET)
    chat_server.default = (200, f"your key is {SECRET}.", 0.0)
    client = ChatClient(chat_server.url, "m", api_key_env="HARNESS_CLIENT_KEY", backoff_s=0.0)
    answer = client.complete_with_usage([{"role": "user", "content": "hi"}])
    assert answer.text == "your key is ***."
    assert (answer.prompt_tokens, answer.completion_tokens) == (0, 0)
    assert client.complete_many([[{"role": "user", "content": "hi"}]] * 2) == ["your key is ***."] * 2
