"""Inbox reads: filtered conversation pages, message pages, media bytes, the live event stream."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.conversations import live
from imaradesk.conversations import service as conversations
from imaradesk.conversations.repository import ConversationFilter, ConversationRepository, MessageRepository
from imaradesk.conversations.schemas import ConversationPage, ConversationRead, MessageRead
from imaradesk.conversations.views import conversation_reads, message_read
from imaradesk.core.errors import NotFound
from imaradesk.core.realtime import current_broker
from imaradesk.core.storage import FileStorage, ObjectNotFound, StoredObject

KEEPALIVE_SECONDS = 15.0


async def list_conversations(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    flt: ConversationFilter,
    *,
    limit: int,
    before: datetime | None,
) -> ConversationPage:
    page = await ConversationRepository(session, workspace_id).page(flt, limit=limit + 1, before=before)
    items = await conversation_reads(session, workspace_id, page[:limit])
    next_before = page[limit - 1].last_message_at if len(page) > limit else None
    return ConversationPage(items=items, next_before=next_before)


async def read_conversation(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> ConversationRead:
    conversation = await conversations.get(session, workspace_id, conversation_id)
    return (await conversation_reads(session, workspace_id, [conversation]))[0]


async def list_messages(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    *,
    limit: int,
    before: datetime | None,
) -> list[MessageRead]:
    await conversations.get(session, workspace_id, conversation_id)
    page = await MessageRepository(session, workspace_id).page(conversation_id, limit=limit, before=before)
    return [message_read(m) for m in page]


async def media_of(
    session: AsyncSession,
    storage: FileStorage,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> tuple[StoredObject, bytes]:
    message = await conversations.get_message(session, workspace_id, message_id)
    key = (message.media or {}).get("key")
    if message.conversation_id != conversation_id or not key:
        raise NotFound("This message has no stored file.", code="media_not_found")
    try:
        return await storage.describe(str(key)), await storage.get(str(key))
    except ObjectNotFound as exc:
        raise NotFound("The file is no longer in storage.", code="media_not_found") from exc


async def event_stream(workspace_id: uuid.UUID, keepalive_seconds: float = KEEPALIVE_SECONDS) -> AsyncGenerator[str]:
    """Server-sent events for one workspace's inbox; a comment every 15 s keeps proxies from closing it."""
    yield "retry: 3000\n\n"
    async with current_broker().subscribe(live.channel_for(workspace_id)) as messages:
        # A pump into a queue: timing out a wait on the subscription itself would close it.
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

        async def pump() -> None:
            async for message in messages:
                await queue.put(message)

        pumping = asyncio.create_task(pump())
        try:
            while True:  # the server cancels the stream when the agent disconnects
                try:
                    message = await asyncio.wait_for(queue.get(), keepalive_seconds)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                yield f"event: {message['type']}\ndata: {json.dumps(message['data'])}\n\n"
        finally:
            pumping.cancel()
