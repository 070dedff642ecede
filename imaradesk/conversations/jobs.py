from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.conversations import enrichment
from imaradesk.conversations import service as conversations
from imaradesk.conversations.events import MessageReceived
from imaradesk.jobs import every, subscriber


@every(seconds=30)
async def wake_snoozed_conversations(session: AsyncSession, payload: dict[str, Any]) -> None:
    await conversations.wake_snoozed(session)


@subscriber(MessageReceived, max_attempts=4, backoff_seconds=5.0, timeout_seconds=120, waits_on_network=True)
async def enrich_received_message(session: AsyncSession, event: MessageReceived) -> None:
    await enrichment.enrich_message(session, event)
