"""Live updates reach subscribers: in one process (memory) and across connections (real Redis)."""

import asyncio
from collections.abc import AsyncIterator

import pytest

from imaradesk.core.realtime import Broker, MemoryBroker, RedisBroker

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture(params=["memory", "redis"])
async def brokers(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Broker, Broker]]:
    if request.param == "memory":
        broker = MemoryBroker()
        yield broker, broker
        return
    publisher, subscriber = RedisBroker(REDIS_URL), RedisBroker(REDIS_URL)  # as two API processes would
    yield publisher, subscriber
    await publisher.close()
    await subscriber.close()


async def test_subscribers_receive_what_is_published_on_their_channel(brokers: tuple[Broker, Broker]) -> None:
    publisher, subscriber = brokers
    async with subscriber.subscribe("workspace:a") as messages:
        await asyncio.sleep(0.05)  # let Redis register the subscription
        await publisher.publish("workspace:b", {"type": "other-tenant"})
        await publisher.publish("workspace:a", {"type": "message.created", "id": 1})
        received = await asyncio.wait_for(anext(messages), 5)
    assert received == {"type": "message.created", "id": 1}


async def test_a_full_subscriber_drops_instead_of_blocking_the_publisher() -> None:
    broker = MemoryBroker()
    async with broker.subscribe("w") as _messages:
        for i in range(1500):
            await asyncio.wait_for(broker.publish("w", {"i": i}), 1)
