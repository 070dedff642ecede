"""Read models for the inbox: conversations with their contact, tags and window; messages for display."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.contacts import service as contacts
from imaradesk.contacts.models import Contact
from imaradesk.conversations.models import Conversation, Message
from imaradesk.conversations.repository import ConversationRepository
from imaradesk.conversations.schemas import (
    ContactSummary,
    ConversationRead,
    InsightSource,
    MediaRead,
    MessageError,
    MessageInsight,
    MessageRead,
    MessageTranslation,
)
from imaradesk.conversations.window import is_window_open, window_expires_at
from imaradesk.core import clock

API_PREFIX = "/api/v1"


async def conversation_reads(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversations: Sequence[Conversation],
    *,
    known_contacts: Sequence[Contact] = (),
) -> list[ConversationRead]:
    """`known_contacts`: contacts the caller has already loaded, not read again."""
    ids = [c.id for c in conversations]
    tags = await ConversationRepository(session, workspace_id).tag_names(ids) if ids else {}
    people = {c.id: c for c in known_contacts}
    missing = [c.contact_id for c in conversations if c.contact_id not in people]
    if missing:
        people.update(await contacts.get_many(session, workspace_id, missing))
    now = clock.now()
    return [
        ConversationRead(
            id=c.id,
            status=c.status,
            contact=ContactSummary.model_validate(people[c.contact_id]),
            number_id=c.number_id,
            assignee_id=c.assignee_id,
            team_id=c.team_id,
            tags=tags.get(c.id, []),
            snoozed_until=c.snoozed_until,
            last_message_at=c.last_message_at,
            last_message_preview=c.last_message_preview,
            last_inbound_at=c.last_inbound_at,
            unread_count=c.unread_count,
            is_window_open=is_window_open(c.last_inbound_at, now),
            window_expires_at=window_expires_at(c.last_inbound_at),
            updated_at=c.updated_at,
            language=c.language,
        )
        for c in conversations
    ]


def media_url(message: Message) -> str:
    return f"{API_PREFIX}/conversations/{message.conversation_id}/messages/{message.id}/media"


def message_read(message: Message) -> MessageRead:
    media = None
    if message.media is not None:
        media = MediaRead(
            mime_type=str(message.media.get("mime_type", "")),
            filename=str(message.media.get("filename", "")),
            size=message.media.get("size"),
            state=message.media.get("state", "stored" if message.media.get("key") else "pending"),
            error=message.media.get("error"),
            url=media_url(message) if message.media.get("key") else None,
        )
    error = MessageError.model_validate(message.error) if message.error else None
    return MessageRead(
        id=message.id,
        conversation_id=message.conversation_id,
        direction=message.direction,
        type=message.type,
        text=message.text,
        content=message.content,
        media=media,
        wamid=message.wamid,
        context_wamid=message.context_wamid,
        status=message.status,
        error=error,
        author_id=message.author_id,
        created_at=message.created_at,
        sent_at=message.sent_at,
        delivered_at=message.delivered_at,
        read_at=message.read_at,
        insight=message_insight(message),
        translation=MessageTranslation.model_validate(message.translation) if message.translation else None,
    )


def message_insight(message: Message) -> MessageInsight | None:
    if message.enriched_at is None or message.intent is None:
        return None
    return MessageInsight(
        intent=message.intent,
        intent_confidence=message.intent_confidence or 0.0,
        sentiment=message.sentiment or 0.0,
        language=message.language or "",
        language_confidence=message.language_confidence or 0.0,
        sources={key: InsightSource.model_validate(value) for key, value in (message.insight_sources or {}).items()},
    )
