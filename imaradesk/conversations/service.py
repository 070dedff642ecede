"""The inbox: receive and queue messages, delivery states, assignment, status, tags."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.schemas import Classification
from imaradesk.contacts import service as contacts
from imaradesk.contacts.models import Contact
from imaradesk.conversations import live
from imaradesk.conversations.assignment import Candidate, pick_agent
from imaradesk.conversations.delivery import merged_status
from imaradesk.conversations.events import (
    ConversationAssigned,
    ConversationRead,
    ConversationResolved,
    MessageQueued,
    MessageReceived,
)
from imaradesk.conversations.models import (
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
)
from imaradesk.conversations.repository import (
    ConversationRepository,
    MessageRepository,
    SnoozedConversationRepository,
)
from imaradesk.conversations.views import conversation_reads, message_read
from imaradesk.core import clock
from imaradesk.core.errors import FieldInvalid
from imaradesk.core.ids import new_id
from imaradesk.jobs import publish
from imaradesk.workspaces import service as workspaces

# A detection this sure becomes the conversation's language, which short messages then keep.
CONFIDENT_LANGUAGE = 0.7

_PREVIEW = 120


def _preview(text: str, kind: str) -> str:
    return (text or f"[{kind}]").replace("\n", " ")[:_PREVIEW]


async def get(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> Conversation:
    return await ConversationRepository(session, workspace_id).get_or_404(conversation_id, "conversation")


async def get_message(session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID) -> Message:
    return await MessageRepository(session, workspace_id).get_or_404(message_id, "message")


async def get_message_by_wamid(session: AsyncSession, workspace_id: uuid.UUID, wamid: str) -> Message | None:
    return await MessageRepository(session, workspace_id).get_by_wamid(wamid)


async def _open_conversation(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    contact: Contact,
    number_id: uuid.UUID,
    team_id: uuid.UUID | None,
    at: datetime,
) -> Conversation:
    conversations = ConversationRepository(session, workspace_id)
    conversation = await conversations.get_for_contact(contact.id, number_id)
    if conversation is None:
        conversation = conversations.add(
            Conversation(id=new_id(), contact_id=contact.id, number_id=number_id, team_id=team_id, last_message_at=at)
        )
        await conversations.flush()
    elif conversation.status != ConversationStatus.open:
        conversation.status = ConversationStatus.open
        conversation.snoozed_until = None
        conversation.resolved_at = None
    if conversation.assignee_id is None:
        await _auto_assign(session, workspace_id, conversation)
    return conversation


async def _auto_assign(session: AsyncSession, workspace_id: uuid.UUID, conversation: Conversation) -> None:
    agents = await ConversationRepository(session, workspace_id).agent_loads(conversation.team_id)
    candidates = [Candidate(member, True, limit, order) for order, (member, limit, _) in enumerate(agents)]
    load = {member: count for member, _, count in agents}
    chosen = pick_agent(candidates, load)
    if chosen is not None:
        conversation.assignee_id = chosen
        await publish(
            session,
            ConversationAssigned(
                workspace_id=workspace_id,
                conversation_id=conversation.id,
                assignee_id=chosen,
                team_id=conversation.team_id,
            ),
        )


async def receive_message(
    session: AsyncSession,
    *,
    workspace_id: uuid.UUID,
    number_id: uuid.UUID,
    team_id: uuid.UUID | None,
    contact: Contact,
    wamid: str,
    kind: str,
    text: str,
    content: dict[str, Any],
    media: dict[str, Any] | None,
    context_wamid: str | None,
    at: datetime,
) -> Message | None:
    """Store a customer's message; None when this wamid was already stored (a redelivery)."""
    messages = MessageRepository(session, workspace_id)
    if await messages.get_by_wamid(wamid) is not None:
        return None
    conversation = await _open_conversation(session, workspace_id, contact, number_id, team_id, at)
    message = messages.add(
        Message(
            id=new_id(),
            conversation_id=conversation.id,
            direction=Direction.inbound,
            type=kind,
            text=text,
            content=content,
            media=media,
            wamid=wamid,
            context_wamid=context_wamid,
            status=DeliveryStatus.received,
            created_at=at,
        )
    )
    conversation.last_message_at = max(conversation.last_message_at, at)
    conversation.last_inbound_at = max(conversation.last_inbound_at or at, at)
    conversation.last_message_preview = _preview(text, kind)
    conversation.unread_count += 1
    contact.last_inbound_at = conversation.last_inbound_at
    await messages.flush()
    await publish(
        session,
        MessageReceived(
            workspace_id=workspace_id,
            conversation_id=conversation.id,
            message_id=message.id,
            contact_id=contact.id,
        ),
    )
    await _notify_message(session, workspace_id, message, conversation, "message.created", contact)
    return message


async def queue_outbound(
    session: AsyncSession,
    *,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    author_id: uuid.UUID | None,
    kind: str,
    text: str,
    content: dict[str, Any],
    media: dict[str, Any] | None = None,
    context_wamid: str | None = None,
    idempotency_key: str | None = None,
) -> Message:
    """Record a message for the channel to send; the channel subscribes to MessageQueued."""
    messages = MessageRepository(session, workspace_id)
    if idempotency_key is not None:
        existing = await messages.get_by_idempotency_key(idempotency_key)
        if existing is not None:
            return existing
    conversation = await get(session, workspace_id, conversation_id)
    message = messages.add(
        Message(
            id=new_id(),
            conversation_id=conversation.id,
            direction=Direction.outbound,
            type=kind,
            text=text,
            content=content,
            media=media,
            context_wamid=context_wamid,
            idempotency_key=idempotency_key,
            status=DeliveryStatus.queued,
            author_id=author_id,
            created_at=clock.now(),
        )
    )
    conversation.last_message_at = message.created_at
    conversation.last_message_preview = _preview(text, kind)
    conversation.unread_count = 0
    await messages.flush()
    await publish(
        session,
        MessageQueued(workspace_id=workspace_id, conversation_id=conversation.id, message_id=message.id),
    )
    await _notify_message(session, workspace_id, message, conversation, "message.created")
    return message


async def add_note(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    author_id: uuid.UUID | None,
    text: str,
) -> Message:
    conversation = await get(session, workspace_id, conversation_id)
    messages = MessageRepository(session, workspace_id)
    note = messages.add(
        Message(
            id=new_id(),
            conversation_id=conversation.id,
            direction=Direction.note,
            type="note",
            text=text,
            content={},
            status=DeliveryStatus.received,
            author_id=author_id,
            created_at=clock.now(),
        )
    )
    await messages.flush()
    await _notify_message(session, workspace_id, note, conversation, "message.created")
    return note


async def record_sent(session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID, wamid: str) -> None:
    message = await get_message(session, workspace_id, message_id)
    message.wamid = wamid
    if merged_status(message.status, DeliveryStatus.sent) is not None:
        message.status = DeliveryStatus.sent
        message.sent_at = message.sent_at or clock.now()
    await _notify_message(session, workspace_id, message, None, "message.updated")


async def record_failure(
    session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID, error: dict[str, Any]
) -> None:
    message = await get_message(session, workspace_id, message_id)
    message.error = error
    message.status = DeliveryStatus.failed
    message.failed_at = clock.now()
    await _notify_message(session, workspace_id, message, None, "message.updated")


async def record_delivery(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    message: Message,
    status: DeliveryStatus,
    at: datetime,
    error: dict[str, Any] | None = None,
) -> bool:
    """Merge a delivery status into an outbound message; False when it changed nothing."""
    if error is not None:
        message.error = error
        message.failed_at = message.failed_at or at
    new_status = merged_status(message.status, status)
    if new_status is None and error is None:
        return False
    if new_status is not None:
        message.status = new_status
    stamps = {
        DeliveryStatus.sent: "sent_at",
        DeliveryStatus.delivered: "delivered_at",
        DeliveryStatus.read: "read_at",
    }
    if status in (DeliveryStatus.read, DeliveryStatus.played):
        message.delivered_at = message.delivered_at or at  # read implies delivered (§3.2)
        message.read_at = message.read_at or at
    elif status in stamps and getattr(message, stamps[status]) is None:
        setattr(message, stamps[status], at)
    message.sent_at = message.sent_at or (at if status != DeliveryStatus.failed else None)
    await _notify_message(session, workspace_id, message, None, "message.updated")
    return True


async def _notify_message(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    message: Message,
    conversation: Conversation | None,
    kind: str,
    contact: Contact | None = None,
) -> None:
    payload: dict[str, Any] = {"message": message_read(message).model_dump(mode="json")}
    if conversation is not None:
        known = [contact] if contact is not None else []
        (read,) = await conversation_reads(session, workspace_id, [conversation], known_contacts=known)
        payload["conversation"] = read.model_dump(mode="json")
    live.notify(session, workspace_id, kind, payload)


async def notify_conversation(session: AsyncSession, workspace_id: uuid.UUID, conversation: Conversation) -> None:
    (read,) = await conversation_reads(session, workspace_id, [conversation])
    live.notify(session, workspace_id, "conversation.updated", {"conversation": read.model_dump(mode="json")})


async def assign(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    *,
    assignee_id: uuid.UUID | None,
    team_id: uuid.UUID | None,
) -> Conversation:
    conversation = await get(session, workspace_id, conversation_id)
    if assignee_id is not None and not await workspaces.is_member(session, workspace_id, assignee_id):
        raise FieldInvalid("assignee_id", f"No member with id {assignee_id} in this workspace.")
    if team_id is not None and not await workspaces.is_team(session, workspace_id, team_id):
        raise FieldInvalid("team_id", f"No team with id {team_id} in this workspace.")
    conversation.assignee_id = assignee_id
    conversation.team_id = team_id
    if assignee_id is None and team_id is not None:
        await _auto_assign(session, workspace_id, conversation)
    await publish(
        session,
        ConversationAssigned(
            workspace_id=workspace_id,
            conversation_id=conversation.id,
            assignee_id=conversation.assignee_id,
            team_id=team_id,
        ),
    )
    await notify_conversation(session, workspace_id, conversation)
    return conversation


async def set_status(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    status: ConversationStatus,
    snoozed_until: datetime | None,
) -> Conversation:
    conversation = await get(session, workspace_id, conversation_id)
    if status == ConversationStatus.snoozed:
        if snoozed_until is None or snoozed_until <= clock.now():
            raise FieldInvalid("snoozed_until", "Give a time in the future to snooze until.")
        conversation.snoozed_until = snoozed_until
    else:
        conversation.snoozed_until = None
    conversation.status = status
    conversation.resolved_at = clock.now() if status == ConversationStatus.resolved else None
    if status == ConversationStatus.resolved:
        await publish(session, ConversationResolved(workspace_id=workspace_id, conversation_id=conversation.id))
    await notify_conversation(session, workspace_id, conversation)
    return conversation


async def wake_snoozed(session: AsyncSession) -> int:
    """Reopen every conversation whose snooze has ended, in all workspaces."""
    woken = await SnoozedConversationRepository(session).due_to_wake(clock.now())
    for conversation in woken:
        conversation.status = ConversationStatus.open
        conversation.snoozed_until = None
        await notify_conversation(session, conversation.workspace_id, conversation)
    return len(woken)


async def set_tags(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID, names: list[str]
) -> Conversation:
    conversation = await get(session, workspace_id, conversation_id)
    tags = await contacts.ensure_tags(session, workspace_id, names)
    await ConversationRepository(session, workspace_id).replace_tags(conversation.id, [t.id for t in tags])
    await notify_conversation(session, workspace_id, conversation)
    return conversation


async def mark_read(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> Conversation:
    conversation = await get(session, workspace_id, conversation_id)
    if conversation.unread_count:
        conversation.unread_count = 0
        await publish(session, ConversationRead(workspace_id=workspace_id, conversation_id=conversation.id))
        await notify_conversation(session, workspace_id, conversation)
    return conversation


async def last_inbound_wamid(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> str | None:
    return await MessageRepository(session, workspace_id).last_inbound_wamid(conversation_id)


async def attach_media(
    session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID, media: dict[str, Any]
) -> None:
    message = await get_message(session, workspace_id, message_id)
    message.media = media
    await _notify_message(session, workspace_id, message, None, "message.updated")


async def record_insight(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    message_id: uuid.UUID,
    insight: Classification,
    translation: dict[str, Any] | None,
) -> Message:
    """Store every AI label of a message at once, and remember the customer's language when it is confident."""
    message = await get_message(session, workspace_id, message_id)
    message.intent = insight.intent
    message.intent_confidence = insight.intent_confidence
    message.sentiment = insight.sentiment
    message.language = insight.language
    message.language_confidence = insight.language_confidence
    message.insight_sources = {
        "intent": insight.intent_source.model_dump(),
        "sentiment": insight.sentiment_source.model_dump(),
        "language": insight.language_source.model_dump(),
    }
    message.translation = translation
    message.enriched_at = clock.now()
    changed = None
    if insight.language_confidence >= CONFIDENT_LANGUAGE:
        conversation = await get(session, workspace_id, message.conversation_id)
        if conversation.language != insight.language:
            conversation.language = insight.language
            changed = conversation  # open inboxes learn the customer's language (the composer offers translation)
    await _notify_message(session, workspace_id, message, changed, "message.updated")
    return message


async def record_translation(
    session: AsyncSession, workspace_id: uuid.UUID, message_id: uuid.UUID, translation: dict[str, Any] | None
) -> Message:
    message = await get_message(session, workspace_id, message_id)
    message.translation = translation
    await _notify_message(session, workspace_id, message, None, "message.updated")
    return message
