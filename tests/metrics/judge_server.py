"""A local OpenAI-compatible judge on 127.0.0.1 that answers the judge's prompts from their content alone.

Claim splitting: one claim per summary sentence, its span the sentence. Verification: "supported" by the
first passage holding every word of the claim; "contradicted" by a passage holding its words but another
number; else "not_in_sources". A claim containing "garbled" always gets a malformed answer, one containing
"wobbly" a malformed first answer and a good one on the retry. `failures` are answered (HTTP status, delay)
before any real answer (a 429 with `Retry-After: retry_after`); `echo_key` puts the request's Authorization
header into each reason.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.models.chat_server import listening

_WORD = re.compile(r"\w+")
_PASSAGE = re.compile(r"^\[(\d+)\] \(([^)]*)\) (.*)$", re.MULTILINE)


def _between(text: str, tag: str) -> str:
    return text.split(f"<{tag}>\n", 1)[1].split(f"\n</{tag}>", 1)[0]


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def split_answer(summary: str) -> dict[str, Any]:
    sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+", summary) if part.strip()]
    return {"claims": [{"claim": sentence, "span": sentence} for sentence in sentences]}


def verify_answer(passages: str, claim: str) -> dict[str, Any]:
    words = _words(claim)
    numbers = {word for word in words if word.isdigit()}
    found = [(int(number), text) for number, _, text in _PASSAGE.findall(passages)]
    for number, text in found:
        if words <= _words(text):
            return {"verdict": "supported", "passage": number, "quote": text, "reason": "stated"}
    for number, text in found:
        other = {word for word in _words(text) if word.isdigit()}
        if numbers and other and (words - numbers) <= _words(text) and not numbers <= other:
            return {"verdict": "contradicted", "passage": number, "quote": text, "reason": "another number"}
    return {"verdict": "not_in_sources", "passage": None, "quote": None, "reason": "not found"}


@dataclass
class JudgeServer:
    """State of the fake endpoint: what it was asked, and the failures to answer first."""

    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[int, float]] = field(default_factory=list)
    echo_key: bool = False
    delay: float = 0.0
    retry_after: float = 0.0
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, body: dict[str, Any], authorization: str) -> str:
        messages = body["messages"]
        asked = messages[1]["content"]
        retry = len(messages) > 2
        if "<claim>" in asked:
            claim = _between(asked, "claim")
            if "garbled" in claim or ("wobbly" in claim and not retry):
                return "I think it is probably fine."
            verdict = verify_answer(_between(asked, "passages"), claim)
            if self.echo_key:
                verdict["reason"] += f" ({authorization})"
            return json.dumps(verdict)
        return "```json\n" + json.dumps(split_answer(_between(asked, "summary"))) + "\n```"


def _handler(server: JudgeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", str(server.retry_after))
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self) -> None:
            self._send(200, {"data": [{"id": "fake-judge"}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with server.lock:
                server.requests.append(body)
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
                status, delay = server.failures.pop(0) if server.failures else (200, server.delay)
            time.sleep(delay + 0.01)
            with server.lock:
                server.in_flight -= 1
            if status != 200:
                self._send(status, {"error": {"message": "try later"}})
                return
            content = server.answer(body, self.headers.get("Authorization", ""))
            prompt_words = sum(len(message["content"].split()) for message in body["messages"])
            usage = {"prompt_tokens": prompt_words, "completion_tokens": len(content.split())}
            choice = {"index": 0, "message": {"role": "assistant", "content": content}}
            self._send(200, {"choices": [choice], "usage": usage})

    return Handler


@contextmanager
def judge_server() -> Iterator[JudgeServer]:
    state = JudgeServer()
    with listening(_handler(state)) as url:
        state.url = url
        yield state
