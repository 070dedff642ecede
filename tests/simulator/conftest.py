"""Harness: the simulator app over ASGITransport, and a tiny webhook receiver that checks every
signature with its own HMAC code (nothing from imaradesk.whatsapp is imported here)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
from collections.abc import AsyncIterator, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from imaradesk.config import SimulatorSettings
from imaradesk.core import clock
from imaradesk.simulator import Simulator, create_simulator_app, simulator_of

APP_SECRET = "test-app-secret"
ACCESS_TOKEN = "test-access-token"
VERIFY_TOKEN = "test-verify-token"
WEBHOOK_URL = "http://receiver.test/webhooks/whatsapp"
PHONE_ID = "106540352242922"
SECOND_PHONE_ID = "106540352242999"
WABA_ID = "102290129340398"
WANJIRU = "254712000101"
GRACE = "233244123456"
KOFI = "233201234567"  # not on WhatsApp
MAX_BODY = 3 * 1024 * 1024


@dataclass
class Received:
    body: bytes
    signature: str | None
    is_signed_correctly: bool
    payload: dict[str, Any] | None
    answered: int


class Receiver:
    """The business's webhook endpoint: verifies, records, and answers as told."""

    def __init__(self, secret: str = APP_SECRET) -> None:
        self.secret = secret
        self.received: list[Received] = []
        self.answers: list[int] = []  # statuses to answer with before falling back to 200
        self.delay = 0.0

    def is_valid(self, raw: bytes, header: str | None) -> bool:
        if not header or not header.startswith("sha256="):
            return False
        want = hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
        return hmac.compare_digest(want, header[len("sha256=") :])

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["method"] == "GET":
            await self._handshake(scope, send)
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        signature = headers.get("x-hub-signature-256")
        is_valid = self.is_valid(body, signature)
        payload = None
        if len(body) <= MAX_BODY:
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
        if len(body) > MAX_BODY:
            status = 413
        elif not is_valid:
            status = 403
        elif payload is None:
            status = 400
        else:
            status = self.answers.pop(0) if self.answers else 200
        self.received.append(Received(body, signature, is_valid, payload, status))
        if self.delay:
            await asyncio.sleep(self.delay)
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def _handshake(self, scope: MutableMapping[str, Any], send: Any) -> None:
        query = {k: v[0] for k, v in parse_qs(scope["query_string"].decode()).items()}
        is_ok = query.get("hub.mode") == "subscribe" and query.get("hub.verify_token") == VERIFY_TOKEN
        body = query.get("hub.challenge", "").encode() if is_ok else b"forbidden"
        await send({"type": "http.response.start", "status": 200 if is_ok else 403, "headers": []})
        await send({"type": "http.response.body", "body": body})

    @property
    def accepted(self) -> list[dict[str, Any]]:
        return [r.payload for r in self.received if r.answered == 200 and r.payload is not None]

    def values(self, field: str = "messages") -> list[dict[str, Any]]:
        return [
            change["value"]
            for payload in self.accepted
            for entry in payload["entry"]
            for change in entry["changes"]
            if change["field"] == field
        ]

    def messages(self) -> list[dict[str, Any]]:
        return [m for value in self.values() for m in value.get("messages", [])]

    def statuses(self, wamid: str | None = None) -> list[dict[str, Any]]:
        found = [s for value in self.values() for s in value.get("statuses", [])]
        return [s for s in found if wamid is None or s["id"] == wamid]

    def status_names(self, wamid: str) -> list[str]:
        return [s["status"] for s in self.statuses(wamid)]

    async def wait_for(self, predicate: Callable[[], object], timeout: float = 3.0) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():
                await asyncio.sleep(0.005)


def fast_settings(**overrides: Any) -> SimulatorSettings:
    values: dict[str, Any] = {
        "access_token": ACCESS_TOKEN,
        "app_secret": APP_SECRET,
        "verify_token": VERIFY_TOKEN,
        "webhook_url": WEBHOOK_URL,
        "sent_delay_seconds": 0.01,
        "delivered_delay_seconds": 0.03,
        "auto_read_delay_seconds": None,
        "template_approval_delay_seconds": 0.02,
        "retry_base_seconds": 0.02,
        "retry_max_seconds": 0.1,
        "webhook_timeout_seconds": 1.0,
        "delivery_workers": 2,
        "seed": 7,
    }
    values.update(overrides)
    return SimulatorSettings.model_validate(values)


@dataclass
class SimHarness:
    app: FastAPI
    simulator: Simulator
    receiver: Receiver
    client: httpx.AsyncClient

    async def send(self, body: dict[str, Any], *, phone_id: str = PHONE_ID) -> httpx.Response:
        payload = {"messaging_product": "whatsapp", **body}
        return await self.client.post(f"/v21.0/{phone_id}/messages", json=payload, headers=auth())

    async def send_ok(self, body: dict[str, Any]) -> str:
        response = await self.send(body)
        assert response.status_code == 200, response.text
        wamid: str = response.json()["messages"][0]["id"]
        return wamid

    async def customer_says(self, wa_id: str = WANJIRU, **body: Any) -> dict[str, Any]:
        body.setdefault("type", "text")
        if body["type"] == "text":
            body.setdefault("text", "Habari")
        response = await self.client.post(f"/_sim/customers/{wa_id}/messages", json=body)
        assert response.status_code == 201, response.text
        message: dict[str, Any] = response.json()["message"]
        return message


def auth(token: str = ACCESS_TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@asynccontextmanager
async def running(config: SimulatorSettings, receiver: Receiver | None = None) -> AsyncIterator[SimHarness]:
    receiver = receiver or Receiver(config.app_secret)
    app = create_simulator_app(config, webhook_transport=httpx.ASGITransport(app=receiver))
    simulator = simulator_of(app)
    await simulator.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://sim.test") as client:
            yield SimHarness(app, simulator, receiver, client)
    finally:
        await simulator.stop()


@pytest.fixture
async def sim() -> AsyncIterator[SimHarness]:
    async with running(fast_settings()) as harness:
        yield harness


class FrozenClock:
    def __init__(self) -> None:
        self.value = clock.now()

    def now(self) -> datetime:
        return self.value

    def advance(self, delta: timedelta) -> None:
        self.value += delta


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FrozenClock]:
    """Time that does not move by itself, for rate limits measured in milliseconds."""
    frozen = FrozenClock()
    monkeypatch.setattr(clock, "now", frozen.now)
    yield frozen


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@asynccontextmanager
async def serve(app: Any) -> AsyncIterator[str]:
    """Runs `app` on a real loopback port with uvicorn; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(5):
        while not server.started:
            await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The §7.1 error object, checked for exactly Meta's keys."""
    body = response.json()
    assert list(body) == ["error"]
    error: dict[str, Any] = body["error"]
    assert set(error) <= {"message", "type", "code", "error_data", "fbtrace_id"}
    assert error["type"] == "OAuthException"
    assert len(error["fbtrace_id"]) == 23
    if "error_data" in error:
        assert set(error["error_data"]) == {"messaging_product", "details"}
        assert error["error_data"]["messaging_product"] == "whatsapp"
        assert error["message"] == f"(#{error['code']}) " + error["message"].split(") ", 1)[1]
    return error
