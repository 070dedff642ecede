from __future__ import annotations

import uuid

from imaradesk.jobs import Event


class DocumentUploaded(Event):
    """A file waits to be extracted, chunked and embedded."""

    workspace_id: uuid.UUID
    document_id: uuid.UUID
