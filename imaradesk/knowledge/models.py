"""Knowledge base tables: documents, their chunks, and the chunks' vectors (one row per embedding model)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Enum, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.core import clock
from imaradesk.db.base import Base, IdMixin, TimestampMixin, WorkspaceOwned


class DocumentStatus(StrEnum):
    processing = "processing"
    ready = "ready"
    failed = "failed"


class Document(IdMixin, WorkspaceOwned, TimestampMixin, Base):
    """An uploaded file. Searchable only once `ready`: its chunks and vectors were written in one transaction."""

    __tablename__ = "kb_documents"
    __table_args__ = (Index("ix_kb_documents_workspace_id_collection", "workspace_id", "collection"),)

    filename: Mapped[str] = mapped_column(String(255), doc="The original name, cleaned; metadata only")
    storage_key: Mapped[str] = mapped_column(String(300), doc="UUID object name in file storage")
    collection: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str | None] = mapped_column(String(16), doc="Type read from the bytes: pdf, docx, csv, …")
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[DocumentStatus] = mapped_column(
        Enum(DocumentStatus, name="kb_document_status", native_enum=False, length=16, validate_strings=True),
        default=DocumentStatus.processing,
    )
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(default=0)
    chunk_count: Mapped[int] = mapped_column(default=0)
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("memberships.id", ondelete="SET NULL"))
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("kb_documents.id", ondelete="SET NULL"), doc="Removed once this document is ready"
    )
    ready_at: Mapped[datetime | None]


class Chunk(IdMixin, WorkspaceOwned, Base):
    __tablename__ = "kb_chunks"
    __table_args__ = (Index("ix_kb_chunks_document_id_ordinal", "document_id", "ordinal", unique=True),)

    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kb_documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    heading: Mapped[str | None] = mapped_column(String(300))
    page: Mapped[int | None]


class ChunkVector(WorkspaceOwned, Base):
    """A chunk's embedding under one model: float32 little-endian bytes, never JSON text.

    Several models can coexist while the knowledge base is re-embedded; search reads only the
    workspace's active model.
    """

    __tablename__ = "kb_chunk_vectors"
    __table_args__ = (Index("ix_kb_chunk_vectors_workspace_id_model", "workspace_id", "model"),)

    chunk_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kb_chunks.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(80), primary_key=True)
    document_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kb_documents.id", ondelete="CASCADE"))
    dim: Mapped[int]
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class KnowledgeState(WorkspaceOwned, Base):
    """Per workspace: the embedding model searches use, a re-embedding in progress, and a version
    bumped on every change so each process knows when its in-memory index is stale."""

    __tablename__ = "kb_state"

    workspace_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True)
    embedder: Mapped[str] = mapped_column(String(40), default="local", doc="local, or an AI provider's name")
    active_model: Mapped[str] = mapped_column(String(80), doc="The model of the vectors searches use")
    target_embedder: Mapped[str | None] = mapped_column(String(40), doc="Set while re-embedding")
    target_model: Mapped[str | None] = mapped_column(String(80), doc="Known once the first batch is embedded")
    reembed_done: Mapped[int] = mapped_column(default=0)
    reembed_total: Mapped[int] = mapped_column(default=0)
    reembed_error: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now, onupdate=clock.now)
