from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.db.base import Base, IdMixin, TimestampMixin, WorkspaceOwned


class Contact(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """A customer, keyed by WhatsApp id within a workspace (unique, so concurrent get-or-create is safe)."""

    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("workspace_id", "wa_id"),)

    wa_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), default="")
    profile_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str | None] = mapped_column(String(8))
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    opted_out_marketing: Mapped[bool] = mapped_column(default=False)
    opted_out_at: Mapped[datetime | None]
    opt_out_source: Mapped[str | None] = mapped_column(String(40))
    last_inbound_at: Mapped[datetime | None]


class Tag(IdMixin, WorkspaceOwned, Base):
    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    name: Mapped[str] = mapped_column(String(60))


class ContactTag(WorkspaceOwned, Base):
    __tablename__ = "contact_tags"

    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
