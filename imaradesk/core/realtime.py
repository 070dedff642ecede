"""Publish/subscribe for live updates: in memory (embedded) or Redis (scale-out, the only redis import).

Messages are small JSON objects; delivery is best-effort (a client that reconnects reloads its
data), so nothing here needs to be durable.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

from imaradesk.config import Settings

Message = dict[str, Any]
_QUEUE_SIZE = 1000


class Broker(Protocol):
    async def publish(self, channel: str, message: Message) -> None: ...
    def subscribe(self, channel: str) -> contextlib.AbstractAsyncContextManager[AsyncIterator[Message]]: ...
    async def close(self) -> None: ...


class MemoryBroker:
    """Fan-out inside one process; a slow subscriber drops messages instead of blocking publishers."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Message]]] = {}

    async def publish(self, channel: str, message: Message) -> None:
        for queue in list(self._queues.get(channel, ())):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(message)

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        queue: asyncio.Queue[Message] = asyncio.Queue(_QUEUE_SIZE)
        self._queues.setdefault(channel, set()).add(queue)

        async def messages() -> AsyncIterator[Message]:
            while True:
                yield await queue.get()

        try:
            yield messages()
        finally:
            self._queues[channel].discard(queue)
            if not self._queues[channel]:
                del self._queues[channel]

    async def close(self) -> None:
        self._queues.clear()


class RedisBroker:
    """Fan-out across API processes through Redis pub/sub."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self._redis = redis.Redis.from_url(url)

    async def publish(self, channel: str, message: Message) -> None:
        await self._redis.publish(channel, json.dumps(message))

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(channel)

        async def messages() -> AsyncIterator[Message]:
            async for raw in pubsub.listen():
                if raw.get("type") == "message":
                    yield json.loads(raw["data"])

        try:
            yield messages()
        finally:
            await pubsub.unsubscribe(channel)
            await pubsub.aclose()  # type: ignore[no-untyped-call]

    async def close(self) -> None:
        await self._redis.aclose()


def create_broker(settings: Settings) -> Broker:
    return RedisBroker(settings.redis_url) if settings.redis_url else MemoryBroker()


_broker: Broker = MemoryBroker()


def install_broker(broker: Broker) -> None:
    """Called once per process (app lifespan, worker start): API and jobs then share it."""
    global _broker
    _broker = broker


def current_broker() -> Broker:
    return _broker
