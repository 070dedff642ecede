"""Every query on the knowledge-base tables, scoped to one workspace."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select, update

from imaradesk.db.repository import WorkspaceRepository
from imaradesk.knowledge.models import Chunk, ChunkVector, Document, DocumentStatus, KnowledgeState


class DocumentRepository(WorkspaceRepository[Document]):
    model = Document

    async def listing(self, collection: str | None = None) -> Sequence[Document]:
        statement = self.select().order_by(Document.created_at.desc())
        if collection is not None:
            statement = statement.where(Document.collection == collection)
        return await self.all(statement)

    async def ready_ids(self) -> set[uuid.UUID]:
        statement = select(Document.id).where(
            Document.workspace_id == self.workspace_id, Document.status == DocumentStatus.ready
        )
        return set(await self.session.scalars(statement))

    async def by_ids(self, document_ids: Sequence[uuid.UUID], collection: str | None) -> dict[uuid.UUID, Document]:
        """The documents of a search's hits (only those in `collection`, when given)."""
        if not document_ids:
            return {}
        statement = self.select().where(Document.id.in_(document_ids))
        if collection is not None:
            statement = statement.where(Document.collection == collection)
        return {document.id: document for document in await self.all(statement)}


class ChunkRepository(WorkspaceRepository[Chunk]):
    model = Chunk

    async def by_ids(self, chunk_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Chunk]:
        if not chunk_ids:
            return {}
        return {chunk.id: chunk for chunk in await self.all(self.select().where(Chunk.id.in_(chunk_ids)))}

    async def of_document(self, document_id: uuid.UUID) -> Sequence[Chunk]:
        return await self.all(self.select().where(Chunk.document_id == document_id).order_by(Chunk.ordinal))

    async def texts_without_vector(self, model: str, limit: int) -> Sequence[Chunk]:
        """Chunks of ready documents that have no vector under `model` yet (re-embedding work)."""
        has_vector = select(ChunkVector.chunk_id).where(ChunkVector.model == model, ChunkVector.chunk_id == Chunk.id)
        statement = (
            self.select()
            .join(Document, Document.id == Chunk.document_id)
            .where(Document.status == DocumentStatus.ready, ~has_vector.exists())
            .order_by(Chunk.id)
            .limit(limit)
        )
        return await self.all(statement)

    async def count_ready(self) -> int:
        statement = (
            select(func.count())
            .select_from(Chunk)
            .join(Document, Document.id == Chunk.document_id)
            .where(Chunk.workspace_id == self.workspace_id, Document.status == DocumentStatus.ready)
        )
        return int(await self.session.scalar(statement) or 0)


class VectorRepository(WorkspaceRepository[ChunkVector]):
    model = ChunkVector

    async def of_documents(
        self, model: str, document_ids: Sequence[uuid.UUID]
    ) -> Sequence[tuple[uuid.UUID, uuid.UUID, int, bytes]]:
        """(chunk_id, document_id, dim, float32 bytes) for every chunk of these documents under `model`."""
        if not document_ids:
            return []
        rows = await self.session.execute(
            select(ChunkVector.chunk_id, ChunkVector.document_id, ChunkVector.dim, ChunkVector.vector).where(
                ChunkVector.workspace_id == self.workspace_id,
                ChunkVector.model == model,
                ChunkVector.document_id.in_(document_ids),
            )
        )
        return [(row.chunk_id, row.document_id, row.dim, row.vector) for row in rows]

    async def dim_of(self, model: str) -> int | None:
        return await self.session.scalar(
            select(ChunkVector.dim)
            .where(ChunkVector.workspace_id == self.workspace_id, ChunkVector.model == model)
            .limit(1)
        )

    async def drop_model(self, model: str) -> None:
        await self.session.execute(
            delete(ChunkVector).where(ChunkVector.workspace_id == self.workspace_id, ChunkVector.model == model)
        )


class StateRepository(WorkspaceRepository[KnowledgeState]):
    model = KnowledgeState

    async def get_state(self) -> KnowledgeState | None:
        return await self.session.get(KnowledgeState, self.workspace_id)

    async def version(self) -> int | None:
        return await self.session.scalar(
            select(KnowledgeState.version).where(KnowledgeState.workspace_id == self.workspace_id)
        )

    async def bump(self) -> None:
        """Every process compares this number before searching and refreshes its index when it moved."""
        await self.session.execute(
            update(KnowledgeState)
            .where(KnowledgeState.workspace_id == self.workspace_id)
            .values(version=KnowledgeState.version + 1)
        )
