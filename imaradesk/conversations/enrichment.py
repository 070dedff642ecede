"""On MessageReceived: what the AI understood of a customer's message, and its translation.

Runs as a job so the webhook stays fast. Classification always yields all three labels (the local
provider is the routers' last resort), stored in one write, so a message is never half-labelled.
A translation is attempted only when the customer writes in another language than the
workspace's; offline there is no translation model and the message says so instead.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import service as ai
from imaradesk.conversations import service
from imaradesk.conversations.events import MessageReceived
from imaradesk.conversations.models import Direction
from imaradesk.db.session import Database, database_of, release_before_slow_io
from imaradesk.workspaces import service as workspaces

# Below this the detected language is a guess; translating on a guess would show agents nonsense.
MIN_TRANSLATION_CONFIDENCE = 0.5


@dataclass(frozen=True)
class _Work:
    message_id: uuid.UUID
    text: str
    previous_language: str | None
    workspace_language: str


async def enrich_message(session: AsyncSession, event: MessageReceived) -> None:
    work = await _work_for(session, event)
    if work is None:
        return
    database = database_of(session)
    await release_before_slow_io(session)
    insight = await ai.understand_message(
        database, event.workspace_id, work.text, previous_language=work.previous_language
    )
    translation = await translation_for(
        database,
        event.workspace_id,
        work.text,
        language=insight.language,
        confidence=insight.language_confidence,
        workspace_language=work.workspace_language,
    )
    await service.record_insight(session, event.workspace_id, work.message_id, insight, translation)


async def _work_for(session: AsyncSession, event: MessageReceived) -> _Work | None:
    message = await service.get_message(session, event.workspace_id, event.message_id)
    text = message.text.strip()
    if message.direction != Direction.inbound or message.enriched_at is not None or not text:
        return None  # media without a caption has nothing to understand (transcripts come later)
    conversation = await service.get(session, event.workspace_id, message.conversation_id)
    workspace = await workspaces.get_workspace(session, event.workspace_id)
    return _Work(
        message_id=message.id,
        text=text,
        previous_language=conversation.language,
        workspace_language=workspace.language,
    )


async def translation_for(
    database: Database,
    workspace_id: uuid.UUID,
    text: str,
    *,
    language: str,
    confidence: float,
    workspace_language: str,
) -> dict[str, Any] | None:
    """The stored translation of an inbound message: translated, unavailable with the reason, or None (not needed)."""
    if language == workspace_language or confidence < MIN_TRANSLATION_CONFIDENCE:
        return None
    try:
        translated = await ai.translate(
            database,
            workspace_id,
            text,
            target_language=workspace_language,
            source_language=language,
        )
    except ai.TranslationUnavailable as exc:
        return {"status": "unavailable", "language": workspace_language, "reason": exc.message}
    return {
        "status": "translated",
        "language": workspace_language,
        "text": translated.text,
        "provider": translated.source.provider,
        "model": translated.source.model,
    }
