"""Summaries from a chat model behind an OpenAI-compatible endpoint, with a prompt template from config.

The runner hands it `batch_size` clusters at a time (default: `concurrency`), sent with at most `concurrency`
requests in flight, so a run goes at the endpoint's speed rather than one request after another.
"""

from __future__ import annotations

from collections.abc import Sequence

from harness.errors import ConfigError, ModelError
from harness.models.batching import batch_size_setting
from harness.models.openai_client import ChatClient, Message
from harness.models.protocols import SourceCluster, Summary

DEFAULT_PROMPT = (
    "Summarize the following news articles in one paragraph of at most 100 words. Keep every number, date, "
    "name and quotation exactly as the articles give them.\n\n{documents}"
)


class OpenAIChatSummarizer:
    """Sends the cluster's documents, joined by `separator`, in the `{documents}` slot of `prompt`."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str | None = "OPENAI_API_KEY",
        prompt: str = DEFAULT_PROMPT,
        system_prompt: str | None = None,
        separator: str = "\n\n-----\n\n",
        temperature: float = 0.0,
        max_tokens: int = 256,
        timeout_s: float = 60.0,
        max_retries: int = 3,
        backoff_s: float = 1.0,
        concurrency: int = 4,
        batch_size: int | None = None,
    ) -> None:
        if "{documents}" not in prompt:
            raise ConfigError("openai_chat: prompt must contain the placeholder {documents}")
        self.batch_size = batch_size_setting("openai_chat", batch_size, concurrency)
        self.prompt = prompt
        self.system_prompt = system_prompt
        self.separator = separator
        self.options = {"temperature": temperature, "max_tokens": max_tokens}
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
        return f"OpenAIChatSummarizer(client={self.client!r})"

    def messages(self, cluster: SourceCluster) -> list[Message]:
        """The chat messages sent for `cluster`."""
        documents = self.separator.join(document.text.strip() for document in cluster.documents)
        messages = [{"role": "system", "content": self.system_prompt}] if self.system_prompt else []
        return [*messages, {"role": "user", "content": self.prompt.replace("{documents}", documents)}]

    def summarize(self, cluster: SourceCluster) -> Summary:
        text = self.client.complete(self.messages(cluster), **self.options).strip()
        return Summary(text, metadata={"model": self.client.model})

    def summarize_many(self, clusters: Sequence[SourceCluster]) -> list[Summary | ModelError]:
        """Summaries of several clusters, at most `concurrency` requests in flight."""
        answers = self.client.complete_many([self.messages(cluster) for cluster in clusters], **self.options)
        return [
            answer if isinstance(answer, ModelError) else Summary(answer.strip(), metadata={"model": self.client.model})
            for answer in answers
        ]
