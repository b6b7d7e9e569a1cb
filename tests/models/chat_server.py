"""A local HTTP server speaking the OpenAI /v1/chat/completions protocol, scripted per test."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class ChatServer:
    """A local /v1/chat/completions endpoint: answers from `script` in order, then `default`."""

    url: str = ""
    script: list[tuple[int, str, float]] = field(default_factory=list)
    default: tuple[int, str, float] = (200, "A summary.", 0.0)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    first_request_at: float | None = None
    last_answer_at: float | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self) -> tuple[int, str, float]:
        with self.lock:
            return self.script.pop(0) if self.script else self.default


def handler(server: ChatServer) -> type[BaseHTTPRequestHandler]:
    """A request handler class answering from `server`'s script and counting requests in flight."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            with server.lock:
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
                server.first_request_at = server.first_request_at or time.perf_counter()
                server.requests.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                server.headers.append(dict(self.headers))
            status, content, delay = server.next_answer()
            time.sleep(delay)
            with server.lock:
                server.in_flight -= 1
                server.last_answer_at = time.perf_counter()
            if self.path != "/v1/chat/completions":
                status, content = 404, "no such path"
            body = (
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
                if status == 200
                else {"error": {"message": content}}
            )
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@contextmanager
def listening(handler_class: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler_class` on a free port of 127.0.0.1 for the duration of the block; yields the `/v1` URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def serving() -> Iterator[ChatServer]:
    """A `ChatServer` listening on a free port of 127.0.0.1 for the duration of the block."""
    state = ChatServer()
    with listening(handler(state)) as url:
        state.url = url
        yield state
