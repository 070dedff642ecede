from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.core import clock
from imaradesk.db.base import Base, IdMixin, TimestampMixin, WorkspaceOwned


class ConversationStatus(StrEnum):
    open = "open"
    pending = "pending"
    snoozed = "snoozed"
    resolved = "resolved"


class Direction(StrEnum):
    inbound = "inbound"
    outbound = "outbound"
    note = "note"


class DeliveryStatus(StrEnum):
    received = "received"
    queued = "queued"
    sent = "sent"
    delivered = "delivered"
    read = "read"
    played = "played"
    failed = "failed"


def _enum(cls: type[StrEnum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=20, validate_strings=True)


class Conversation(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """One thread per contact and WhatsApp number; resolving and reopening keep the history together."""

    __tablename__ = "conversations"
    __table_args__ = (
        UniqueConstraint("workspace_id", "contact_id", "number_id"),
        Index(
            "ix_conversations_workspace_id_status_last_message_at",
            "workspace_id",
            "status",
            "last_message_at",
        ),
    )

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    number_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("whatsapp_numbers.id", ondelete="CASCADE"))
    status: Mapped[ConversationStatus] = mapped_column(
        _enum(ConversationStatus, "conversation_status"), default=ConversationStatus.open
    )
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("memberships.id", ondelete="SET NULL"), index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    snoozed_until: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    last_message_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_inbound_at: Mapped[datetime | None]
    last_message_preview: Mapped[str] = mapped_column(String(200), default="")
    unread_count: Mapped[int] = mapped_column(default=0)
    # The customer's last confidently detected language: short messages ("ok", "asante") keep it.
    language: Mapped[str | None] = mapped_column(String(8))


class Message(IdMixin, WorkspaceOwned, Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("workspace_id", "wamid"),
        UniqueConstraint("workspace_id", "idempotency_key"),
        Index("ix_messages_conversation_id_created_at", "conversation_id", "created_at"),
    )

    conversation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    direction: Mapped[Direction] = mapped_column(_enum(Direction, "direction"))
    type: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    media: Mapped[dict[str, Any] | None]
    wamid: Mapped[str | None] = mapped_column(String(255))
    context_wamid: Mapped[str | None] = mapped_column(String(255))
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[DeliveryStatus] = mapped_column(_enum(DeliveryStatus, "delivery_status"))
    error: Mapped[dict[str, Any] | None]
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("memberships.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    sent_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    read_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]
    # AI understanding (enrichment.py), written in one statement so a message is never half-labelled.
    intent: Mapped[str | None] = mapped_column(String(32))
    intent_confidence: Mapped[float | None]
    sentiment: Mapped[float | None]
    language: Mapped[str | None] = mapped_column(String(8))
    language_confidence: Mapped[float | None]
    insight_sources: Mapped[dict[str, Any] | None]
    translation: Mapped[dict[str, Any] | None]
    enriched_at: Mapped[datetime | None]


class ConversationTag(WorkspaceOwned, Base):
    __tablename__ = "conversation_tags"

    conversation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
