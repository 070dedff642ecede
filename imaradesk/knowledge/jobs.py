"""Background work of the knowledge base: ingest uploaded documents."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import get_settings
from imaradesk.core.storage import create_storage
from imaradesk.jobs import subscriber
from imaradesk.knowledge import service
from imaradesk.knowledge.events import DocumentUploaded


@subscriber(DocumentUploaded, max_attempts=3, backoff_seconds=10.0, timeout_seconds=600)
async def ingest_document(session: AsyncSession, event: DocumentUploaded) -> None:
    await service.ingest(session, create_storage(get_settings()), event.workspace_id, event.document_id)
