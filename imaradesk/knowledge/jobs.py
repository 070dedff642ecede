"""Background work of the knowledge base: ingest uploaded documents, re-embed after a model change."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import get_settings
from imaradesk.core.storage import create_storage
from imaradesk.jobs import subscriber
from imaradesk.knowledge import reembedding, service
from imaradesk.knowledge.events import DocumentUploaded, ReembeddingRequested


@subscriber(DocumentUploaded, max_attempts=3, backoff_seconds=10.0, timeout_seconds=600, waits_on_network=True)
async def ingest_document(session: AsyncSession, event: DocumentUploaded) -> None:
    await service.ingest(session, create_storage(get_settings()), event.workspace_id, event.document_id)


@subscriber(ReembeddingRequested, max_attempts=10, backoff_seconds=15.0, timeout_seconds=300, waits_on_network=True)
async def reembed_next_batch(session: AsyncSession, event: ReembeddingRequested) -> None:
    await reembedding.step(session, event.workspace_id)
