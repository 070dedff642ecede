"""What the three fake LLM vendors share: a real loopback HTTP server, a script of replies, a request log.

The vendor modules only translate a `Reply` into their own wire format. Nothing here imports
imaradesk: the fakes speak the vendors' formats, not our types (ARCHITECTURE §5).
"""

from __future__ import annotations

import hashlib
import math
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette

CLASSIFICATION = {
    "intent": "order_status",
    "intent_confidence": 0.91,
    "sentiment": -0.2,
    "language": "en",
    "language_confidence": 0.97,
}
TRANSLATION = {"text": "Where is my order?", "source_language": "fr"}
SUMMARY = {"title": "Order 1042 has not arrived", "description": "The customer asks where order 1042 is."}
TEXT = "Hello from the fake model."
EMBEDDING_DIM = 8


@dataclass
class Reply:
    """One scripted answer. `status` other than 200 answers with the vendor's error body for it;
    `delay` sleeps first (a slow answer); `payload` overrides the default answer (a dict is the
    structured output, a str the text); `raw_arguments` is sent verbatim as the tool-call
    arguments (malformed JSON); `raw_body` replaces the whole 200 response body."""

    status: int = 200
    delay: float = 0.0
    payload: Any = None
    raw_arguments: str | None = None
    raw_body: str | None = None


OUTAGE = Reply(status=503)
SERVER_ERROR = Reply(status=500)
RATE_LIMITED = Reply(status=429)
UNAUTHORIZED = Reply(status=401)
MALFORMED = Reply(raw_arguments='{"intent": "order_status", "intent_confidence": 0.9,')
BROKEN_BODY = Reply(raw_body='{"id": "x", "choices": [')
OFF_SCHEMA = Reply(payload={**CLASSIFICATION, "intent": "shopping_spree"})


def slow(seconds: float = 2.0) -> Reply:
    return Reply(delay=seconds)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def default_payload(properties: set[str]) -> Any:
    """The answer a well-behaved model gives, chosen by the output schema it was asked for."""
    if "intent" in properties:
        return dict(CLASSIFICATION)
    if "title" in properties:
        return dict(SUMMARY)
    if "source_language" in properties:
        return dict(TRANSLATION)
    return TEXT


def fake_vector(text: str, dim: int = EMBEDDING_DIM) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    raw = [b / 255.0 - 0.5 for b in digest[:dim]]
    norm = math.sqrt(sum(v * v for v in raw)) or 1.0
    return [v / norm for v in raw]


@dataclass
class FakeLLMServer:
    """Subclasses add routes; tests script replies with `script()` / `always()` and read `requests`."""

    requests: list[Recorded] = field(default_factory=list)
    replies: deque[Reply] = field(default_factory=deque)
    default: Reply = field(default_factory=Reply)
    port: int = 0
    _server: uvicorn.Server | None = None
    _thread: threading.Thread | None = None

    def app(self) -> Starlette:
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        self.requests.clear()
        self.replies.clear()
        self.default = Reply()

    def script(self, *replies: Reply) -> None:
        """The next requests get these replies in order; later ones get the default."""
        self.replies.extend(replies)

    def always(self, reply: Reply) -> None:
        self.default = reply

    def next_reply(self) -> Reply:
        return self.replies.popleft() if self.replies else self.default

    def calls(self, path_part: str = "") -> list[Recorded]:
        return [r for r in self.requests if path_part in r.path]

    def start(self) -> Self:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app(),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake LLM server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)
