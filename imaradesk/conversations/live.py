"""Push inbox changes to connected agents once the transaction that made them has committed."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core.realtime import current_broker
from imaradesk.db.session import after_commit


def channel_for(workspace_id: uuid.UUID) -> str:
    return f"inbox:{workspace_id}"


def notify(session: AsyncSession, workspace_id: uuid.UUID, kind: str, data: dict[str, Any]) -> None:
    message = {"type": kind, "data": data}

    async def push() -> None:
        await current_broker().publish(channel_for(workspace_id), message)

    after_commit(session, push)
