"""The channel's own read side for admins."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.whatsapp.models import RejectedWebhook
from imaradesk.whatsapp.repository import RejectedWebhookRepository


async def rejected_webhooks(
    session: AsyncSession, workspace_id: uuid.UUID, limit: int = 100
) -> Sequence[RejectedWebhook]:
    """Rejected webhooks that named one of this workspace's numbers (e.g. forged signatures)."""
    return await RejectedWebhookRepository(session).latest_for(workspace_id, limit)
