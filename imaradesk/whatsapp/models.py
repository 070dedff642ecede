from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.core import clock
from imaradesk.db.base import Base, IdMixin, TimestampMixin, WorkspaceOwned

GRAPH_BASE_URL = "https://graph.facebook.com"


class WhatsAppNumber(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """A connected WhatsApp Business number; its token and app secret are encrypted at rest."""

    __tablename__ = "whatsapp_numbers"

    phone_number_id: Mapped[str] = mapped_column(String(64), unique=True)
    display_phone_number: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(120), default="")
    waba_id: Mapped[str] = mapped_column(String(64), index=True)
    access_token_sealed: Mapped[str] = mapped_column(Text)
    app_secret_sealed: Mapped[str] = mapped_column(Text)
    verify_token: Mapped[str] = mapped_column(String(200))
    graph_base_url: Mapped[str] = mapped_column(String(300), default=GRAPH_BASE_URL)
    api_version: Mapped[str] = mapped_column(String(10), default="v21.0")
    send_rate_per_second: Mapped[int] = mapped_column(default=80)
    default_team_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))


class WebhookEvent(IdMixin, WorkspaceOwned, Base):
    """One message, status or notification from a webhook POST, stored before the 200 (ARCHITECTURE §4).

    `dedupe_key` is unique, so a redelivered event inserts nothing: `message:<wamid>`,
    `status:<wamid>:<status>`, or the field name and a hash of the item for other notifications.
    """

    __tablename__ = "whatsapp_webhook_events"

    number_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("whatsapp_numbers.id", ondelete="CASCADE"))
    dedupe_key: Mapped[str] = mapped_column(String(320), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(default=clock.now)
    processed_at: Mapped[datetime | None]


class RejectedWebhook(IdMixin, Base):
    """A webhook we refused (bad signature, unknown number, malformed body), kept for the admin to see."""

    __tablename__ = "whatsapp_rejected_webhooks"

    workspace_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True, doc="Set when the named number is ours"
    )
    received_at: Mapped[datetime] = mapped_column(default=clock.now, index=True)
    reason: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(String(500), default="")
    remote_addr: Mapped[str] = mapped_column(String(64), default="")
    body_excerpt: Mapped[str] = mapped_column(Text, default="")


class Template(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    __tablename__ = "whatsapp_templates"
    __table_args__ = (UniqueConstraint("workspace_id", "name", "language"),)

    waba_id: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(512))
    language: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(30), default="LOCAL")
    components: Mapped[list[dict[str, Any]]]
    # NAMED templates use {{customer_name}} variables and send `parameter_name` with each value.
    parameter_format: Mapped[str] = mapped_column(String(16), default="POSITIONAL", server_default="POSITIONAL")
    meta_id: Mapped[str | None] = mapped_column(String(64))
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
