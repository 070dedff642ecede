from __future__ import annotations

import uuid

from imaradesk.jobs import Event


class MessageReceived(Event):
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    message_id: uuid.UUID
    contact_id: uuid.UUID


class MessageQueued(Event):
    """An outbound message waits for its channel to send it."""

    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    message_id: uuid.UUID


class ConversationAssigned(Event):
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
    assignee_id: uuid.UUID | None
    team_id: uuid.UUID | None


class ConversationRead(Event):
    """An agent opened the conversation: the channel may show the customer blue ticks."""

    workspace_id: uuid.UUID
    conversation_id: uuid.UUID


class ConversationResolved(Event):
    workspace_id: uuid.UUID
    conversation_id: uuid.UUID
