"""Signed webhook delivery with redelivery on failure and fault injection (§1.2, §1.3, §11).

Each chat's events go through one of `delivery_workers` queues, picked by the chat key, so a
chat's events leave in order (unless the reorder fault is on) while chats proceed in parallel.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import secrets
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from imaradesk.config import SimulatorSettings
from imaradesk.core import clock
from imaradesk.simulator.faults import (
    FaultInjector,
    FaultKind,
    forged_signature,
    malformed_body,
    oversized_payload,
)
from imaradesk.simulator.scheduler import Scheduler

_LOG_SIZE = 5000
ResultCallback = Callable[[bool], None]


def serialise(payload: dict[str, Any]) -> bytes:
    # Meta signs an escaped-unicode body (§1.2): ASCII only, lowercase \uXXXX, surrogate pairs.
    return json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def sign(body: bytes, app_secret: str) -> str:
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class Delivery:
    id: int
    key: str
    description: str
    body: bytes
    signature: str
    fault: str | None = None  # set on deliberate bad copies, which are never retried
    attempt: int = 0
    on_result: ResultCallback | None = None


class Dispatcher:
    def __init__(self, config: SimulatorSettings, scheduler: Scheduler, faults: FaultInjector) -> None:
        self.config = config
        self.scheduler = scheduler
        self.faults = faults
        self.log: deque[dict[str, Any]] = deque(maxlen=_LOG_SIZE)
        self._ids = itertools.count(1)
        self._queues: list[asyncio.Queue[Delivery]] = []
        self._workers: list[asyncio.Task[None]] = []
        self._held: dict[str, list[Delivery]] = {}  # chat key → held back, oldest first
        self._client: httpx.AsyncClient | None = None
        self._in_flight = 0

    async def start(self, transport: httpx.AsyncBaseTransport | None) -> None:
        if self._workers:
            return
        self._client = httpx.AsyncClient(transport=transport, follow_redirects=False)
        if not self._queues:
            self._queues = [asyncio.Queue() for _ in range(self.config.delivery_workers)]
        self._workers = [
            asyncio.create_task(self._work(queue), name=f"simulator-webhooks-{index}")
            for index, queue in enumerate(self._queues)
        ]

    async def stop(self) -> None:
        for task in self._workers:
            task.cancel()
        for task in self._workers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._workers = []
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def reset(self) -> None:
        for queue in self._queues:
            while not queue.empty():
                queue.get_nowait()
        self._held.clear()
        self.log.clear()

    @property
    def is_idle(self) -> bool:
        return self._in_flight == 0 and not self._held and all(q.empty() for q in self._queues)

    def emit(
        self,
        payload: dict[str, Any],
        *,
        key: str,
        description: str,
        on_result: ResultCallback | None = None,
    ) -> None:
        """Queue one event for delivery, applying the configured faults."""
        body = serialise(payload)
        delivery = Delivery(
            next(self._ids), key, description, body, sign(body, self.config.app_secret), on_result=on_result
        )
        plan = self.faults.plan()
        extras = [self._bad_copy(delivery, payload, kind) for kind in plan.extras]
        if plan.is_dropped:
            self._record(delivery, None, "dropped by fault injection", fault="drop")
            if on_result is not None:
                on_result(False)
            batch = extras
        else:
            batch = [delivery, *extras]
            if plan.is_duplicated:
                twin = Delivery(next(self._ids), key, description, body, delivery.signature, "duplicate")
                batch.insert(1, twin)
        if not batch:
            return
        if plan.latency > 0:
            self.scheduler.call_later(plan.latency, lambda: self._route(batch, is_held=plan.is_held))
        else:
            self._route(batch, is_held=plan.is_held)

    def inject(self, payload: dict[str, Any], kind: FaultKind, *, key: str) -> None:
        """Send one deliberately bad event now (control API)."""
        body = serialise(payload)
        genuine = Delivery(0, key, f"injected {kind}", body, sign(body, self.config.app_secret))
        self._put(self._bad_copy(genuine, payload, kind))

    def _bad_copy(self, delivery: Delivery, payload: dict[str, Any], kind: FaultKind) -> Delivery:
        body, signature = delivery.body, forged_signature(delivery.body)
        if kind == "malformed_json":
            body = malformed_body(delivery.body)
            signature = sign(body, self.config.app_secret)
        elif kind == "oversized":
            body = serialise(oversized_payload(payload))
            signature = sign(body, self.config.app_secret)
        return Delivery(next(self._ids), delivery.key, delivery.description, body, signature, kind)

    def _route(self, batch: list[Delivery], *, is_held: bool) -> None:
        """Reordering: held events wait until an event of the same chat is let through (or the
        hold time ends), then follow it newest first, so `read` can overtake `delivered` (§1.3)."""
        key = batch[0].key
        held = self._held.get(key)
        if is_held:
            if held is None:
                held = self._held[key] = []
                hold = self.faults.settings.reorder_hold_seconds
                self.scheduler.call_later(hold, lambda: self._release(key, held))
            held.extend(reversed(batch))
            return
        for delivery in batch:
            self._put(delivery)
        if held is not None:
            self._release(key, held)

    def _release(self, key: str, held: list[Delivery]) -> None:
        if self._held.get(key) is held:
            del self._held[key]
            for delivery in reversed(held):
                self._put(delivery)

    def _put(self, delivery: Delivery) -> None:
        if not self._queues:
            self._queues = [asyncio.Queue() for _ in range(self.config.delivery_workers)]
        shard = zlib.crc32(delivery.key.encode()) % len(self._queues)
        self._queues[shard].put_nowait(delivery)

    async def _work(self, queue: asyncio.Queue[Delivery]) -> None:
        while True:
            delivery = await queue.get()
            self._in_flight += 1
            try:
                await self._attempt(delivery)
            finally:
                self._in_flight -= 1

    async def _attempt(self, delivery: Delivery) -> None:
        assert self._client is not None
        delivery.attempt += 1
        status: int | None = None
        error: str | None = None
        headers = {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": delivery.signature,
            "User-Agent": "facebookexternalua",
        }
        timeout = self.config.webhook_timeout_seconds
        try:
            # httpx's own timeout does not cover in-process transports; this one covers both.
            async with asyncio.timeout(timeout):
                response = await self._client.post(
                    self.config.webhook_url, content=delivery.body, headers=headers, timeout=timeout
                )
            status = response.status_code
        except TimeoutError:
            error = f"no answer within {timeout} s"
        except Exception as exc:  # noqa: BLE001 (any failure of the receiver is a failed delivery)
            error = f"{exc.__class__.__name__}: {exc}"[:300]
        self._record(delivery, status, error, fault=delivery.fault)
        if status == 200 or delivery.fault is not None:
            if status == 200 and delivery.on_result is not None:
                delivery.on_result(True)
            return
        if delivery.attempt < self.config.retry_max_attempts:
            # Meta retries with growing gaps for up to 7 days (§1.3); same schedule, compressed.
            backoff = self.config.retry_base_seconds * 2 ** (delivery.attempt - 1)
            self.scheduler.call_later(min(backoff, self.config.retry_max_seconds), lambda: self._put(delivery))
        elif delivery.on_result is not None:
            delivery.on_result(False)

    def _record(self, delivery: Delivery, status: int | None, error: str | None, *, fault: str | None) -> None:
        self.log.append(
            {
                "delivery_id": delivery.id,
                "description": delivery.description,
                "attempt": delivery.attempt,
                "status_code": status,
                "error": error,
                "fault": fault,
                "bytes": len(delivery.body),
                "at": clock.now().isoformat(),
            }
        )

    async def verify_subscription(self) -> dict[str, Any]:
        """The GET handshake Meta makes when the callback URL is saved (§1.1)."""
        challenge = str(secrets.randbelow(9 * 10**9) + 10**9)
        params = {
            "hub.mode": "subscribe",
            "hub.verify_token": self.config.verify_token,
            "hub.challenge": challenge,
        }
        client = self._client or httpx.AsyncClient()
        try:
            response = await client.get(self.config.webhook_url, params=params, timeout=5.0)
        except httpx.HTTPError as exc:
            return {"ok": False, "status_code": None, "body": None, "error": exc.__class__.__name__}
        finally:
            if client is not self._client:
                await client.aclose()
        is_ok = response.status_code == 200 and response.text == challenge
        return {"ok": is_ok, "status_code": response.status_code, "body": response.text[:200], "error": None}
