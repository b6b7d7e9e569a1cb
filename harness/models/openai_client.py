"""A small client for OpenAI-compatible chat endpoints (vLLM, llama.cpp server, Ollama, hosted APIs).

Retries 429, 5xx, timeouts and connection errors with exponential backoff (tenacity; longer when the server
sends `Retry-After`), caps the number of
requests in flight with a semaphore, and reads the API key from the environment variable named in config.
The key is never logged and never appears in a repr, an error message or an answer (an endpoint that echoes
it back has it replaced by `***`). Each answer comes with the token counts the endpoint reported (`usage`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
from tenacity import RetryCallState, RetryError, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from harness.errors import ConfigError, ModelError

Message = dict[str, str]


@dataclass(frozen=True)
class Completion:
    """One answer and the tokens the endpoint counted for it (0 when it reported no `usage`)."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


def _tokens(usage: Any, key: str) -> int:
    value = usage.get(key) if isinstance(usage, dict) else None
    return value if isinstance(value, int) and value >= 0 else 0


class _Retryable(Exception):
    """A failure worth another try: rate limit, server error, timeout or lost connection."""

    def __init__(self, message: str, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float:
    """The seconds a `Retry-After` header asks for (0 when absent or given as a date)."""
    try:
        return max(0.0, float(response.headers.get("Retry-After", "0")))
    except ValueError:
        return 0.0


class ChatClient:
    """Sends chat completions to `base_url` + `/chat/completions` and returns the answer text."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str | None = "OPENAI_API_KEY",
        timeout_s: float = 60.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        max_backoff_s: float = 30.0,
        concurrency: int = 4,
    ) -> None:
        if concurrency < 1:
            raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
        if max_retries < 0 or timeout_s <= 0 or backoff_s < 0:
            raise ConfigError("max_retries and backoff_s must be 0 or more and timeout_s above 0")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key_env = api_key_env
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.concurrency = concurrency
        self._slots = threading.BoundedSemaphore(concurrency)
        self._http = httpx.Client(timeout=httpx.Timeout(timeout_s))

    def __repr__(self) -> str:
        return f"ChatClient(base_url={self.base_url!r}, model={self.model!r}, api_key_env={self.api_key_env!r})"

    def _key(self) -> str | None:
        return os.environ.get(self.api_key_env) if self.api_key_env else None

    def _scrub(self, message: str) -> str:
        key = self._key()
        return message.replace(key, "***") if key else message

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        key = self._key()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        url = f"{self.base_url}/chat/completions"
        try:
            with self._slots:
                response = self._http.post(url, json=payload, headers=headers)
        except httpx.TimeoutException:
            raise _Retryable(f"no answer from {url} within {self.timeout_s} s") from None
        except httpx.TransportError as error:
            raise _Retryable(f"cannot reach {url}: {type(error).__name__}") from None
        if response.status_code in (401, 403):
            where = f"environment variable {self.api_key_env}" if self.api_key_env else "no key configured"
            raise ModelError(f"{url} refused the request (HTTP {response.status_code}); check the API key ({where})")
        if response.status_code == 429 or response.status_code >= 500:
            raise _Retryable(f"{url} answered HTTP {response.status_code}", _retry_after(response))
        if response.status_code >= 400:
            raise ModelError(self._scrub(f"{url} answered HTTP {response.status_code}: {response.text[:300]}"))
        try:
            body: dict[str, Any] = response.json()
        except ValueError:
            raise ModelError(f"{url} answered with something that is not JSON: {response.text[:200]!r}") from None
        return body

    def _wait(self, state: RetryCallState) -> float:
        """Exponential backoff, or longer when the server said how long (`Retry-After`), at most `max_backoff_s`."""
        backoff = wait_exponential(multiplier=self.backoff_s, max=self.max_backoff_s)(state)
        error = state.outcome.exception() if state.outcome is not None else None
        asked = error.retry_after if isinstance(error, _Retryable) else 0.0
        return min(max(backoff, asked), self.max_backoff_s)

    def complete(self, messages: Sequence[Message], **options: Any) -> str:
        """The assistant's answer to `messages`; `options` (temperature, max_tokens, ...) go into the request."""
        return self.complete_with_usage(messages, **options).text

    def complete_with_usage(self, messages: Sequence[Message], **options: Any) -> Completion:
        """The answer to `messages` with the prompt and completion tokens the endpoint reported."""
        payload = {"model": self.model, "messages": list(messages), **options}
        retrying = Retrying(
            retry=retry_if_exception_type(_Retryable),
            stop=stop_after_attempt(self.max_retries + 1),
            wait=self._wait,
            reraise=False,
        )
        try:
            body = retrying(self._post, payload)
        except RetryError as error:
            last = error.last_attempt.exception()
            raise ModelError(f"gave up after {self.max_retries + 1} attempts: {last}") from None
        try:
            content = body["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ModelError(self._scrub(f"answer without choices[0].message.content: {str(body)[:200]}")) from None
        if not isinstance(content, str):
            raise ModelError(f"choices[0].message.content is {type(content).__name__}, not text")
        usage = body.get("usage")
        return Completion(self._scrub(content), _tokens(usage, "prompt_tokens"), _tokens(usage, "completion_tokens"))

    def complete_many(self, conversations: Sequence[Sequence[Message]], **options: Any) -> list[str | ModelError]:
        """Answers to several conversations, at most `concurrency` in flight; a failure is returned in its place."""
        return [
            answer if isinstance(answer, ModelError) else answer.text
            for answer in self.complete_many_with_usage(conversations, **options)
        ]

    def complete_many_with_usage(
        self,
        conversations: Sequence[Sequence[Message]],
        on_done: Callable[[], None] | None = None,
        **options: Any,
    ) -> list[Completion | ModelError]:
        """`complete_with_usage` on several conversations at once; `on_done` is called after each (a progress bar)."""

        def one(messages: Sequence[Message]) -> Completion | ModelError:
            try:
                return self.complete_with_usage(messages, **options)
            except ModelError as error:
                return error
            finally:
                if on_done is not None:
                    on_done()

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            return list(pool.map(one, conversations))

    def check_reachable(self, timeout_s: float = 5.0) -> None:
        """Raise `ModelError` at once when nothing answers at `base_url` (any HTTP answer, even 404, will do)."""
        url = f"{self.base_url}/models"
        try:
            self._http.get(url, timeout=timeout_s)
        except httpx.TransportError as error:
            raise ModelError(f"cannot reach {url}: {type(error).__name__}") from None

    def close(self) -> None:
        self._http.close()
