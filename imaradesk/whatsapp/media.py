"""Inbound media: fetched from the Cloud API into our file storage soon after it arrives (§4.12)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.conversations import service as conversations
from imaradesk.core.errors import FieldInvalid
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


# Kinds, MIME types and sizes WhatsApp accepts (whatsapp-cloud-api.md §4.12).
_OFFICE = {
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
MEDIA_RULES: dict[str, tuple[frozenset[str], int]] = {
    "image": (frozenset({"image/jpeg", "image/png"}), 5 * 1024 * 1024),
    "audio": (frozenset({"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"}), 16 * 1024 * 1024),
    "video": (frozenset({"video/mp4", "video/3gpp"}), 16 * 1024 * 1024),
    "document": (frozenset({"text/plain", "application/pdf", *_OFFICE}), 100 * 1024 * 1024),
    "sticker": (frozenset({"image/webp"}), 500 * 1024),
}


def outbound_kind(mime_type: str, size: int) -> str:
    """The message kind for a file an agent attaches, or a clear error naming what WhatsApp accepts."""
    base = mime_type.split(";", 1)[0].strip().lower()
    for kind, (mimes, limit) in MEDIA_RULES.items():
        if base in mimes:
            if size > limit:
                raise FieldInvalid(
                    "file",
                    f"A {kind} may be at most {limit // 1024 // 1024 or limit // 1024} "
                    f"{'MB' if limit >= 1024 * 1024 else 'KB'}; this file is {size} bytes.",
                )
            if size == 0:
                raise FieldInvalid("file", "The file is empty.")
            return kind
    accepted = ", ".join(sorted(m for mimes, _ in MEDIA_RULES.values() for m in mimes))
    raise FieldInvalid("file", f"WhatsApp does not accept {base or 'this file type'}; accepted: {accepted}.")
