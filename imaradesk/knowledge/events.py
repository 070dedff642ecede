from __future__ import annotations

import uuid

from imaradesk.jobs import Event


class DocumentUploaded(Event):
    """A file waits to be extracted, chunked and embedded."""

    workspace_id: uuid.UUID
    document_id: uuid.UUID


class ReembeddingRequested(Event):
    """Embed the next batch of chunks with the knowledge base's target model."""

    workspace_id: uuid.UUID
