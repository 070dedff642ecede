"""Inbound media: fetched from the Cloud API into our file storage soon after it arrives (§4.12)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.conversations import service as conversations
from imaradesk.core.storage import create_storage
from imaradesk.db.session import release_before_slow_io
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp.client import CloudApiError
from imaradesk.whatsapp.errors import hint_for


async def download_inbound(
    session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, message_id: uuid.UUID
) -> None:
    message = await conversations.get_message(session, workspace_id, message_id)
    media = dict(message.media or {})
    if not media.get("media_id") or media.get("key"):
        return
    conversation = await conversations.get(session, workspace_id, message.conversation_id)
    client = numbers.client_for(await numbers.get(session, workspace_id, conversation.number_id), settings)
    await release_before_slow_io(session)
    try:
        info = await client.media_info(str(media["media_id"]))
        data = await client.download(info.url)
    except CloudApiError as exc:
        if exc.is_retryable:
            raise  # the job tries again later
        media.update(state="failed", error=f"{exc} — {hint_for(131052)}")
        await conversations.attach_media(session, workspace_id, message_id, media)
        return
    if len(data) > settings.whatsapp.max_media_bytes:
        media.update(state="failed", error=f"The file is larger than {settings.whatsapp.max_media_bytes} bytes.")
    else:
        stored = await create_storage(settings).put(
            data,
            content_type=info.mime_type or str(media.get("mime_type")),
            original_name=str(media.get("filename")),
        )
        media.update(state="stored", key=stored.key, size=stored.size, mime_type=stored.content_type)
    await conversations.attach_media(session, workspace_id, message_id, media)
