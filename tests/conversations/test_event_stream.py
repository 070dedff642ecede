"""The inbox event stream survives quiet periods and delivers what is published afterwards."""

import asyncio
import uuid

from imaradesk.conversations import live
from imaradesk.conversations.inbox import event_stream
from imaradesk.core.realtime import MemoryBroker, install_broker


async def test_keep_alives_then_an_event_on_the_same_stream() -> None:
    broker = MemoryBroker()
    install_broker(broker)
    workspace_id = uuid.uuid4()
    stream = event_stream(workspace_id, keepalive_seconds=0.05)
    assert await anext(stream) == "retry: 3000\n\n"
    first_keepalive = asyncio.ensure_future(anext(stream))
    assert await first_keepalive == ": keep-alive\n\n"
    assert await anext(stream) == ": keep-alive\n\n"  # still open after a quiet period
    await broker.publish(live.channel_for(uuid.uuid4()), {"type": "message.created", "data": {"x": "other tenant"}})
    await broker.publish(live.channel_for(workspace_id), {"type": "message.created", "data": {"text": "Habari"}})
    chunks = [await anext(stream) for _ in range(3)]
    events = [c for c in chunks if c.startswith("event:")]
    assert events[0] == 'event: message.created\ndata: {"text": "Habari"}\n\n'
    assert "other tenant" not in "".join(chunks)
    await stream.aclose()
