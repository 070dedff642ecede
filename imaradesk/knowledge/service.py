"""Knowledge-base rules: upload, ingest all-or-nothing, delete and replace, list."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import uuid
from collections.abc import Sequence

import numpy as np
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.embeddings import Vectors
from imaradesk.core import clock
from imaradesk.core.errors import AppError
from imaradesk.core.ids import new_id
from imaradesk.core.storage import FileStorage, ObjectNotFound, clean_original_name
from imaradesk.db.session import after_commit, database_of, release_before_slow_io
from imaradesk.jobs import publish
from imaradesk.knowledge import chunking, embedding
from imaradesk.knowledge.events import DocumentUploaded
from imaradesk.knowledge.extract import ExtractionError, extract
from imaradesk.knowledge.models import Chunk, ChunkVector, Document, DocumentStatus, KnowledgeState
from imaradesk.knowledge.repository import ChunkRepository, DocumentRepository, StateRepository, VectorRepository

log = structlog.get_logger(__name__)


class ModelSwitched(RuntimeError):
    """Retried by the job queue: the next attempt embeds with the new model."""


class FileTooLarge(AppError):
    status_code = 413
    code = "file_too_large"


class EmptyFile(AppError):
    status_code = 422
    code = "empty_file"


async def state(session: AsyncSession, workspace_id: uuid.UUID) -> KnowledgeState:
    repository = StateRepository(session, workspace_id)
    existing = await repository.get_state()
    if existing is not None:
        return existing
    created = KnowledgeState(
        workspace_id=workspace_id, embedder=embedding.LOCAL, active_model=embedding.local_embedder().model, version=0
    )
    session.add(created)
    await session.flush()
    return created


async def upload(
    session: AsyncSession,
    storage: FileStorage,
    workspace_id: uuid.UUID,
    member_id: uuid.UUID | None,
    *,
    filename: str,
    data: bytes,
    collection: str | None,
    max_bytes: int,
    replaces: uuid.UUID | None = None,
) -> Document:
    check_upload(filename, data, max_bytes)
    if replaces is not None:
        await get(session, workspace_id, replaces)
    await state(session, workspace_id)
    name = clean_original_name(filename)
    stored = await storage.put(data, content_type="application/octet-stream", original_name=name)
    document = DocumentRepository(session, workspace_id).add(
        Document(
            id=new_id(),
            filename=name,
            storage_key=stored.key,
            collection=(collection or "").strip() or None,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            status=DocumentStatus.processing,
            uploaded_by=member_id,
            replaces_id=replaces,
        )
    )
    await session.flush()
    await publish(session, DocumentUploaded(workspace_id=workspace_id, document_id=document.id))
    return document


def check_upload(filename: str, data: bytes, max_bytes: int) -> None:
    name = clean_original_name(filename)
    if not data:
        raise EmptyFile(f"{name} is empty.", details={"field": "files", "filename": name})
    if len(data) > max_bytes:
        raise FileTooLarge(
            f"{name} is {len(data) / 1_048_576:.1f} MB; the limit is {max_bytes / 1_048_576:.0f} MB.",
            details={"field": "files", "filename": name, "limit_bytes": max_bytes},
        )


async def get(session: AsyncSession, workspace_id: uuid.UUID, document_id: uuid.UUID) -> Document:
    return await DocumentRepository(session, workspace_id).get_or_404(document_id, "document")


async def listing(session: AsyncSession, workspace_id: uuid.UUID, collection: str | None) -> Sequence[Document]:
    return await DocumentRepository(session, workspace_id).listing(collection)


async def delete(session: AsyncSession, storage: FileStorage, workspace_id: uuid.UUID, document_id: uuid.UUID) -> None:
    """The document, its chunks and vectors go in one transaction; the file once that has committed."""
    document = await get(session, workspace_id, document_id)
    await _remove(session, storage, workspace_id, document)


async def _remove(session: AsyncSession, storage: FileStorage, workspace_id: uuid.UUID, document: Document) -> None:
    key = document.storage_key
    await DocumentRepository(session, workspace_id).delete(document)
    await StateRepository(session, workspace_id).bump()

    async def delete_file() -> None:
        with contextlib.suppress(ObjectNotFound):
            await storage.delete(key)

    after_commit(session, delete_file)


async def ingest(session: AsyncSession, storage: FileStorage, workspace_id: uuid.UUID, document_id: uuid.UUID) -> None:
    """Extract → chunk → embed → store, all or nothing: the document is searchable only when every
    chunk and vector is written, in the same transaction that marks it ready."""
    document = await DocumentRepository(session, workspace_id).get(document_id)
    if document is None or document.status != DocumentStatus.processing:
        return
    key, filename = document.storage_key, document.filename
    embedder = (await state(session, workspace_id)).embedder
    database = database_of(session)
    await release_before_slow_io(session)
    try:
        data = await storage.get(key)
        extracted = await asyncio.to_thread(extract, data, filename)
        chunks = chunking.chunk_blocks(extracted.blocks)
        embedded = await embedding.embed(database, workspace_id, embedder, [chunk.text for chunk in chunks])
    except ExtractionError as exc:
        await _fail(session, workspace_id, document_id, exc.code, exc.message)
        return
    except ObjectNotFound:
        await _fail(session, workspace_id, document_id, "file_missing", "The uploaded file is no longer in storage.")
        return
    except embedding.EmbedderUnavailable as exc:
        # Failed with the reason rather than left "processing": replacing the file tries again.
        await _fail(session, workspace_id, document_id, exc.code, exc.message)
        return
    if (await state(session, workspace_id)).active_model != embedded.model:
        # The knowledge base switched models while this file was being embedded: do it again.
        raise ModelSwitched(f"the knowledge base now embeds with another model than {embedded.model}")
    document = await get(session, workspace_id, document_id)
    if document.status != DocumentStatus.processing:
        return  # deleted or replaced while we were reading it
    _store_chunks(session, workspace_id, document, chunks, embedded.vectors, embedded.model)
    document.kind = extracted.kind
    document.pages = extracted.pages
    document.chunk_count = len(chunks)
    document.status = DocumentStatus.ready
    document.ready_at = clock.now()
    await session.flush()
    if document.replaces_id is not None:
        await _retire_replaced(session, storage, workspace_id, document.replaces_id)
    await StateRepository(session, workspace_id).bump()
    log.info("knowledge.document.ready", document_id=str(document_id), chunks=len(chunks), kind=extracted.kind)


def _store_chunks(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    document: Document,
    chunks: Sequence[chunking.Chunk],
    vectors: Vectors,
    model: str,
) -> None:
    chunk_repository = ChunkRepository(session, workspace_id)
    vector_repository = VectorRepository(session, workspace_id)
    for chunk, vector in zip(chunks, vectors, strict=True):
        row = chunk_repository.add(
            Chunk(
                id=new_id(),
                document_id=document.id,
                ordinal=chunk.ordinal,
                text=chunk.text,
                heading=chunk.heading[:300] if chunk.heading else None,
                page=chunk.page,
            )
        )
        vector_repository.add(
            ChunkVector(
                chunk_id=row.id,
                model=model,
                document_id=document.id,
                dim=int(vector.shape[0]),
                vector=np.asarray(vector, dtype="<f4").tobytes(),
            )
        )


async def _retire_replaced(
    session: AsyncSession, storage: FileStorage, workspace_id: uuid.UUID, replaced_id: uuid.UUID
) -> None:
    old = await DocumentRepository(session, workspace_id).get(replaced_id)
    if old is not None:
        await _remove(session, storage, workspace_id, old)


async def _fail(
    session: AsyncSession, workspace_id: uuid.UUID, document_id: uuid.UUID, code: str, message: str
) -> None:
    document = await DocumentRepository(session, workspace_id).get(document_id)
    if document is None:
        return
    document.status = DocumentStatus.failed
    document.error_code = code
    document.error_message = message
    log.info("knowledge.document.failed", document_id=str(document_id), code=code)
