"""Background work of the WhatsApp channel: process stored webhook events, send queued messages, fetch media."""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import get_settings
from imaradesk.conversations.events import ConversationRead, MessageQueued
from imaradesk.core import clock
from imaradesk.jobs import enqueue, job, subscriber
from imaradesk.whatsapp import inbound, media, numbers, outbound, statuses, templates
from imaradesk.whatsapp.repository import WebhookEventRepository

log = structlog.get_logger(__name__)


# Batchable: webhook bursts are processed many events to a transaction (jobs/worker.py). It only
# reads and writes the database; media downloads are their own job.
@job(max_attempts=6, backoff_seconds=1.0, timeout_seconds=30, batchable=True)
async def process_event(session: AsyncSession, payload: dict[str, Any]) -> None:
    event = await WebhookEventRepository(session).get(uuid.UUID(payload["event_id"]))
    if event is None or event.processed_at is not None:
        return
    if event.kind == "message":
        number = await numbers.get(session, event.workspace_id, event.number_id)
        stored = await inbound.handle_message(session, event, number)
        if stored is not None and stored.media is not None:
            await enqueue(
                session,
                download_media,
                {"workspace_id": str(event.workspace_id), "message_id": str(stored.id)},
                workspace_id=event.workspace_id,
            )
    elif event.kind == "status":
        await statuses.handle_status(session, event)
    elif event.kind == "message_template_status_update":
        await templates.handle_status_update(session, event)
    else:
        log.info("whatsapp.event.logged", kind=event.kind, event_id=str(event.id))
    event.processed_at = clock.now()


@job(max_attempts=5, backoff_seconds=5.0, timeout_seconds=120, waits_on_network=True)
async def download_media(session: AsyncSession, payload: dict[str, Any]) -> None:
    await media.download_inbound(
        session, get_settings(), uuid.UUID(payload["workspace_id"]), uuid.UUID(payload["message_id"])
    )


@subscriber(ConversationRead, max_attempts=2, backoff_seconds=5.0, timeout_seconds=30, waits_on_network=True)
async def mark_conversation_read(session: AsyncSession, event: ConversationRead) -> None:
    await outbound.mark_read(session, get_settings(), event)


# In turn, not beside the others (waits_on_network): an agent's messages reach the customer in order.
@subscriber(MessageQueued, max_attempts=3, backoff_seconds=2.0, timeout_seconds=90)
async def send_queued_message(session: AsyncSession, event: MessageQueued) -> None:
    await outbound.send_queued(session, get_settings(), event)


@job(max_attempts=1, timeout_seconds=30, waits_on_network=True)
async def show_typing(session: AsyncSession, payload: dict[str, Any]) -> None:
    await outbound.show_typing(
        session, get_settings(), uuid.UUID(payload["workspace_id"]), uuid.UUID(payload["conversation_id"])
    )


async def queue_typing(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> bool:
    """An agent is typing: queue 'typing…' for the customer (one pending per conversation); False if not shown."""
    if not await outbound.can_show_typing(session, workspace_id, conversation_id):
        return False
    payload = {"workspace_id": str(workspace_id), "conversation_id": str(conversation_id)}
    await enqueue(session, show_typing, payload, dedupe_key=f"typing:{conversation_id}", workspace_id=workspace_id)
    return True


@job(max_attempts=5, backoff_seconds=5.0, timeout_seconds=60, waits_on_network=True)
async def sync_templates(session: AsyncSession, payload: dict[str, Any]) -> None:
    await templates.sync(session, get_settings(), uuid.UUID(payload["workspace_id"]))
