from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.core import clock
from imaradesk.db.base import Base, IdMixin, TimestampMixin, WorkspaceOwned


class AIProviderConfig(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """One cloud provider a workspace has configured; its key is sealed with SecretBox, never returned."""

    __tablename__ = "ai_providers"
    __table_args__ = (UniqueConstraint("workspace_id", "kind"),)

    kind: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(200))
    base_url: Mapped[str | None] = mapped_column(String(500))
    embedding_model: Mapped[str | None] = mapped_column(String(200))
    api_key_sealed: Mapped[str | None] = mapped_column(Text)
    api_key_last4: Mapped[str | None] = mapped_column(String(4))
    timeout_seconds: Mapped[float] = mapped_column(default=20.0)
    is_enabled: Mapped[bool] = mapped_column(default=True)


class AISettings(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """Per-workspace routing order per task and intent example phrases; one row per workspace."""

    __tablename__ = "ai_settings"
    __table_args__ = (UniqueConstraint("workspace_id"),)

    routing: Mapped[dict[str, Any]] = mapped_column(default=dict)
    intent_examples: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AICall(IdMixin, WorkspaceOwned, Base):
    """Every provider call and every cache hit: for analytics, cost and debugging fallbacks."""

    __tablename__ = "ai_calls"
    __table_args__ = (Index("ix_ai_calls_workspace_created", "workspace_id", "created_at"),)

    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    task: Mapped[str] = mapped_column(String(32))
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(200))
    latency_ms: Mapped[float] = mapped_column(default=0.0)
    input_tokens: Mapped[int] = mapped_column(default=0)
    output_tokens: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[str] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(String(300))
    is_fallback: Mapped[bool] = mapped_column(default=False)
    fallback_from: Mapped[str | None] = mapped_column(String(32))


class AICacheEntry(WorkspaceOwned, Base):
    """A cached classification (JSON) or embedding (float32 bytes), keyed by the hash in cache.py."""

    __tablename__ = "ai_cache_entries"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    task: Mapped[str] = mapped_column(String(32))
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(200))
    value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_used_at: Mapped[datetime] = mapped_column(default=clock.now, index=True)
