"""The OpenAI-compatible client and summarizer against a local HTTP server speaking /v1/chat/completions."""

from __future__ import annotations

import pytest

from harness.errors import ConfigError, ModelError
from harness.models.openai_client import ChatClient
from harness.models.protocols import SourceCluster
from harness.models.summarizers.openai_chat import OpenAIChatSummarizer
from tests.models.chat_server import ChatServer

SECRET = "sk-test-0123456789abcdef"


@pytest.fixture
def secret_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HARNESS_TEST_KEY", SECRET)
    return SECRET


def _model(server: ChatServer, **options: object) -> OpenAIChatSummarizer:
    settings: dict[str, object] = {"api_key_env": "HARNESS_TEST_KEY", "backoff_s": 0.0, "timeout_s": 2.0, **options}
    return OpenAIChatSummarizer(base_url=server.url, model="tiny-chat", **settings)  # type: ignore[arg-type]


def test_normal_answer_and_request(chat_server: ChatServer, cluster: SourceCluster, secret_key: str) -> None:
    chat_server.default = (200, "  Russia invited 12 countries.  ", 0.0)
    model = _model(chat_server, system_prompt="Be exact.", temperature=0.2, max_tokens=50)
    summary = model.summarize(cluster)
    assert summary.text == "Russia invited 12 countries."
    (request,) = chat_server.requests
    assert request["model"] == "tiny-chat"
    assert request["temperature"] == 0.2 and request["max_tokens"] == 50
    assert request["messages"][0] == {"role": "system", "content": "Be exact."}
    user = request["messages"][1]["content"]
    assert "Russia has invited 12 countries" in user and "At least four senior Taliban" in user
    assert "\n\n-----\n\n" in user
    assert chat_server.headers[0]["Authorization"] == f"Bearer {secret_key}"


def test_no_key_variable_sends_no_authorization(chat_server: ChatServer, cluster: SourceCluster) -> None:
    _model(chat_server, api_key_env=None).summarize(cluster)
    assert "Authorization" not in chat_server.headers[0]


def test_server_error_then_success_is_retried(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.script = [(500, "boom", 0.0), (429, "slow down", 0.0)]
    assert _model(chat_server, max_retries=2).summarize(cluster).text == "A summary."
    assert len(chat_server.requests) == 3


def test_retries_run_out(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.default = (503, "down", 0.0)
    with pytest.raises(ModelError, match=r"gave up after 2 attempts: .*HTTP 503"):
        _model(chat_server, max_retries=1).summarize(cluster)
    assert len(chat_server.requests) == 2


def test_unauthorized_is_clear_and_never_shows_the_key(
    chat_server: ChatServer, cluster: SourceCluster, secret_key: str
) -> None:
    chat_server.default = (401, f"bad key {secret_key}", 0.0)
    model = _model(chat_server)
    with pytest.raises(ModelError, match=r"HTTP 401.*HARNESS_TEST_KEY") as caught:
        model.summarize(cluster)
    assert len(chat_server.requests) == 1
    assert secret_key not in str(caught.value)
    assert secret_key not in repr(model) and secret_key not in repr(model.client)


def test_client_error_body_is_scrubbed_of_the_key(
    chat_server: ChatServer, cluster: SourceCluster, secret_key: str
) -> None:
    chat_server.default = (400, f"echo {secret_key}", 0.0)
    with pytest.raises(ModelError, match="HTTP 400") as caught:
        _model(chat_server).summarize(cluster)
    assert secret_key not in str(caught.value)


def test_slow_answer_times_out(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.default = (200, "late", 1.0)
    with pytest.raises(ModelError, match=r"within 0\.2 s"):
        _model(chat_server, timeout_s=0.2, max_retries=1).summarize(cluster)
    assert len(chat_server.requests) == 2


def test_slow_answer_then_fast_one_succeeds(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.script = [(200, "late", 1.0)]
    assert _model(chat_server, timeout_s=0.3, max_retries=1).summarize(cluster).text == "A summary."


def test_concurrency_never_above_the_limit(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.default = (200, "ok", 0.1)
    model = _model(chat_server, concurrency=2)
    summaries = model.summarize_many([cluster] * 8)
    assert [s.text for s in summaries if not isinstance(s, ModelError)] == ["ok"] * 8
    assert chat_server.most_in_flight == 2


def test_batch_keeps_failures_in_place(chat_server: ChatServer, cluster: SourceCluster) -> None:
    chat_server.script = [(404, "", 0.0)]
    client = ChatClient(chat_server.url.removesuffix("/v1") + "/wrong", "m", api_key_env=None, concurrency=1)
    answers = client.complete_many([[{"role": "user", "content": "hi"}]] * 2)
    assert all(isinstance(answer, ModelError) for answer in answers)


def test_prompt_needs_the_documents_slot() -> None:
    with pytest.raises(ConfigError, match="documents"):
        OpenAIChatSummarizer(base_url="http://127.0.0.1:1", model="m", prompt="Summarize.")
