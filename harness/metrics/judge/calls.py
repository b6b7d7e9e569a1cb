"""Send judge prompts: cached answers first, the rest concurrently; a malformed answer gets a second chance.

A retry continues the conversation with the malformed answer and a note saying what was wrong, so it is a
new input with its own cache entry: a rerun replays the same exchange from the cache without a request.
An answer still malformed after `attempts` tries yields its reason instead of a value, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from tqdm import tqdm

from harness.errors import ModelError
from harness.metrics.judge.cache import CallCache, call_key
from harness.metrics.judge.parsing import MalformedAnswer
from harness.models.openai_client import ChatClient, Completion, Message

T = TypeVar("T")

RETRY_NOTE = "Your answer could not be used: {reason}. Answer again with the JSON object only, in the form asked."


@dataclass
class Outcome(Generic[T]):
    """A parsed answer (or why none could be read) and the tokens and requests it took."""

    value: T | None = None
    problem: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0
    messages: list[Message] = field(default_factory=list)


class Caller:
    """Sends conversations through a `ChatClient` with fixed options, caching each exchange on disk."""

    def __init__(
        self,
        client: ChatClient,
        cache: CallCache | None,
        identity: dict[str, Any],
        options: dict[str, Any],
        attempts: int,
        progress: bool = True,
    ) -> None:
        self.client = client
        self.cache = cache
        self.identity = identity
        self.options = options
        self.attempts = attempts
        self.progress = progress

    def _key(self, messages: list[Message]) -> str:
        return call_key({**self.identity, "options": self.options, "messages": messages})

    def _send(self, conversations: list[list[Message]], description: str) -> list[tuple[Completion, bool]]:
        """Each conversation's answer and whether a request was sent for it; a failed request raises."""
        answers: list[tuple[Completion, bool] | None] = [None] * len(conversations)
        keys = [self._key(messages) for messages in conversations]
        missing: list[int] = []
        for index, key in enumerate(keys):
            cached = self.cache.get(key) if self.cache is not None else None
            if cached is None:
                missing.append(index)
            else:
                answers[index] = (cached, False)
        if missing:
            with tqdm(total=len(missing), desc=description, unit="call", disable=not self.progress or None) as bar:
                sent = self.client.complete_many_with_usage(
                    [conversations[index] for index in missing], on_done=lambda: bar.update(1), **self.options
                )
            for index, answer in zip(missing, sent, strict=True):
                if isinstance(answer, ModelError):
                    raise ModelError(f"judge call failed: {answer}")
                if self.cache is not None:
                    self.cache.put(keys[index], answer)
                answers[index] = (answer, True)
        return [answer for answer in answers if answer is not None]

    def run(
        self, conversations: Sequence[list[Message]], parse: Sequence[Callable[[str], T]], description: str
    ) -> list[Outcome[T]]:
        """One outcome per conversation, parsed by its own `parse` (which raises `MalformedAnswer`)."""
        outcomes: list[Outcome[T]] = [Outcome(messages=list(messages)) for messages in conversations]
        pending = list(range(len(outcomes)))
        for attempt in range(self.attempts):
            if not pending:
                break
            answers = self._send([outcomes[index].messages for index in pending], description)
            still: list[int] = []
            for index, (answer, sent) in zip(pending, answers, strict=True):
                outcome = outcomes[index]
                outcome.prompt_tokens += answer.prompt_tokens
                outcome.completion_tokens += answer.completion_tokens
                outcome.requests += int(sent)
                try:
                    outcome.value, outcome.problem = parse[index](answer.text), None
                except MalformedAnswer as problem:
                    outcome.problem = f"{problem} (after {attempt + 1} attempt(s))"
                    outcome.messages = [
                        *outcome.messages,
                        {"role": "assistant", "content": answer.text},
                        {"role": "user", "content": RETRY_NOTE.format(reason=problem)},
                    ]
                    still.append(index)
            pending = still
        return outcomes
