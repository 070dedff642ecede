from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.conversations import service as conversations
from imaradesk.jobs import every


@every(seconds=30)
async def wake_snoozed_conversations(session: AsyncSession, payload: dict[str, Any]) -> None:
    await conversations.wake_snoozed(session)
