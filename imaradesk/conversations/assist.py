"""AI help an agent asks for: a reply drafted in the customer's language, a missing translation, a summary.

Each of these waits on a provider, so the request's read transaction is released first (on SQLite
it would hold the one write lock); the AI layer opens its own short units of work.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import service as ai
from imaradesk.ai.schemas import Summary, Translation, Turn
from imaradesk.conversations import enrichment, service
from imaradesk.conversations.models import Direction, Message
from imaradesk.conversations.repository import MessageRepository
from imaradesk.conversations.schemas import DraftTranslationRead, MessageRead, SummaryRead
from imaradesk.conversations.views import message_read
from imaradesk.core.errors import AppError
from imaradesk.db.session import database_of, release_before_slow_io
from imaradesk.workspaces import service as workspaces

# Enough history for a ticket; older turns rarely change what the ticket is about.
SUMMARY_TURNS = 60


class CustomerLanguageUnknown(AppError):
    status_code = 409
    code = "customer_language_unknown"


class NothingToTranslate(AppError):
    status_code = 409
    code = "nothing_to_translate"


class NothingToSummarise(AppError):
    status_code = 409
    code = "nothing_to_summarise"


async def translate_draft(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID, text: str
) -> DraftTranslationRead:
    """The agent's draft in the customer's language, for the agent to check before sending."""
    conversation = await service.get(session, workspace_id, conversation_id)
    workspace = await workspaces.get_workspace(session, workspace_id)
    target, source = conversation.language, workspace.language
    if target is None:
        raise CustomerLanguageUnknown("The customer's language is not known yet: wait for them to write a sentence.")
    if target == source:
        raise NothingToTranslate(f"The customer writes in the workspace language ({source}); nothing to translate.")
    database = database_of(session)
    await release_before_slow_io(session)
    translated = await ai.translate(database, workspace_id, text, target_language=target, source_language=source)
    return _draft_read(translated)


async def retranslate_message(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID, message_id: uuid.UUID
) -> MessageRead:
    """Try again to translate a customer's message (a provider was down, or a key was added since)."""
    message = await service.get_message(session, workspace_id, message_id)
    if message.conversation_id != conversation_id or message.direction != Direction.inbound:
        raise NothingToTranslate("Only a customer's message can be translated.")
    workspace = await workspaces.get_workspace(session, workspace_id)
    if message.language is None:
        raise NothingToTranslate("This message has not been understood yet; its translation follows shortly.")
    if message.language == workspace.language:
        raise NothingToTranslate(f"This message is already in the workspace language ({workspace.language}).")
    database = database_of(session)
    text, language, confidence = message.text.strip(), message.language, message.language_confidence or 0.0
    await release_before_slow_io(session)
    translation = await enrichment.translation_for(
        database, workspace_id, text, language=language, confidence=confidence, workspace_language=workspace.language
    )
    stored = await service.record_translation(session, workspace_id, message_id, translation)
    return message_read(stored)


async def summarize(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> SummaryRead:
    await service.get(session, workspace_id, conversation_id)
    messages = await MessageRepository(session, workspace_id).page(conversation_id, limit=SUMMARY_TURNS, before=None)
    turns = _turns(messages)
    if not turns:
        raise NothingToSummarise("There is no text in this conversation to summarise yet.")
    database = database_of(session)
    await release_before_slow_io(session)
    summary = await ai.summarize(database, workspace_id, turns)
    return _summary_read(summary)


def _turns(messages: Sequence[Message]) -> list[Turn]:
    turns = []
    for message in messages:
        if message.direction == Direction.note or not message.text.strip():
            continue
        role = "customer" if message.direction == Direction.inbound else "agent" if message.author_id else "bot"
        turns.append(Turn(role=role, text=message.text.strip()))
    return turns


def _draft_read(translated: Translation) -> DraftTranslationRead:
    return DraftTranslationRead(
        text=translated.text,
        source_language=translated.source_language,
        target_language=translated.target_language,
        provider=translated.source.provider,
        model=translated.source.model,
    )


def _summary_read(summary: Summary) -> SummaryRead:
    return SummaryRead(
        title=summary.title,
        description=summary.description,
        extractive=summary.extractive,
        provider=summary.source.provider,
        model=summary.source.model,
    )
