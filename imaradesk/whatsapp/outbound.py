"""Outbound messages: checked against API limits and the 24-hour window, queued, then sent by a job."""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.contacts import service as contacts
from imaradesk.conversations import service as conversations
from imaradesk.conversations.events import ConversationRead, MessageQueued
from imaradesk.conversations.models import DeliveryStatus, Message
from imaradesk.conversations.schemas import (
    ButtonsSend,
    ListSend,
    MessageCreate,
    NoteCreate,
    ReactionSend,
    TemplateSend,
    TextSend,
)
from imaradesk.conversations.window import is_window_open
from imaradesk.core import clock
from imaradesk.core.errors import AppError, FieldInvalid
from imaradesk.core.storage import create_storage
from imaradesk.db.session import release_before_slow_io
from imaradesk.whatsapp import media, numbers, templates
from imaradesk.whatsapp.client import CloudApiError
from imaradesk.whatsapp.errors import error_record
from imaradesk.whatsapp.template_variables import Values

log = structlog.get_logger(__name__)


class WindowClosed(AppError):
    status_code = 409
    code = "window_closed"
    message = "More than 24 hours have passed since the customer last wrote: only an approved template can be sent now."


def _check_buttons(data: ButtonsSend) -> None:
    titles = [b.title.strip().lower() for b in data.buttons]
    if len(set(titles)) != len(titles):
        raise FieldInvalid("buttons", "Button titles must be different from each other.")
    ids = [b.id for b in data.buttons]
    if len(set(ids)) != len(ids):
        raise FieldInvalid("buttons", "Button ids must be different from each other.")


def _check_list(data: ListSend) -> None:
    rows = [row for section in data.sections for row in section.rows]
    if len(rows) > 10:
        raise FieldInvalid("sections", f"A list can hold at most 10 rows in total, not {len(rows)}.")
    if len(data.sections) > 1 and any(not s.title for s in data.sections):
        raise FieldInvalid("sections", "Every section needs a title when there is more than one.")
    if len({r.id for r in rows}) != len(rows):
        raise FieldInvalid("sections", "Row ids must be different from each other.")


def _interactive(
    body: str, action: dict[str, Any], kind: str, header: str | None, footer: str | None
) -> dict[str, Any]:
    interactive: dict[str, Any] = {"type": kind, "body": {"text": body}, "action": action}
    if header:
        interactive["header"] = {"type": "text", "text": header}
    if footer:
        interactive["footer"] = {"text": footer}
    return {"type": "interactive", "interactive": interactive}


def template_values(data: TemplateSend) -> Values:
    return Values(
        variables=data.variables,
        header_variables=data.header_variables,
        named_variables=data.named_variables,
        button_variables=data.button_variables,
        button_payloads=data.button_payloads,
    )


async def compose(
    session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID, data: MessageCreate
) -> tuple[str, str, dict[str, Any], str | None]:
    """(kind, preview text, wire content, quoted wamid) for a message, or a clear error before queueing."""
    conversation = await conversations.get(session, workspace_id, conversation_id)
    if not isinstance(data, (TemplateSend, NoteCreate)) and not is_window_open(
        conversation.last_inbound_at, clock.now()
    ):
        raise WindowClosed()
    quoted = None
    if isinstance(data, (TextSend, ButtonsSend, ListSend)) and data.reply_to_message_id is not None:
        target = await conversations.get_message(session, workspace_id, data.reply_to_message_id)
        if target.conversation_id != conversation.id or target.wamid is None:
            raise FieldInvalid("reply_to_message_id", "Only a delivered message of this conversation can be quoted.")
        quoted = target.wamid
    if isinstance(data, TextSend):
        return "text", data.text, {"type": "text", "text": {"body": data.text, "preview_url": True}}, quoted
    if isinstance(data, ButtonsSend):
        _check_buttons(data)
        action: dict[str, Any] = {
            "buttons": [{"type": "reply", "reply": {"id": b.id, "title": b.title}} for b in data.buttons]
        }
        return "buttons", data.text, _interactive(data.text, action, "button", None, data.footer), quoted
    if isinstance(data, ListSend):
        _check_list(data)
        sections = [s.model_dump(exclude_none=True) for s in data.sections]
        action = {"button": data.button, "sections": sections}
        return "list", data.text, _interactive(data.text, action, "list", data.header, data.footer), quoted
    if isinstance(data, TemplateSend):
        template = await templates.get(session, workspace_id, data.template_id)
        values = template_values(data)
        wire = templates.build_send(template, values)
        contact = await contacts.get(session, workspace_id, conversation.contact_id)
        if template.category == "MARKETING" and contact.opted_out_marketing:
            raise AppError("This customer opted out of marketing messages.", code="contact_opted_out", status_code=409)
        preview = templates.render_preview(template, values)
        return (
            "template",
            preview,
            {"type": "template", "template": wire, "category": template.category},
            None,
        )
    if isinstance(data, ReactionSend):
        target = await conversations.get_message(session, workspace_id, data.message_id)
        if target.wamid is None or target.conversation_id != conversation.id:
            raise FieldInvalid("message_id", "Only a delivered message of this conversation can get a reaction.")
        return (
            "reaction",
            data.emoji,
            {"type": "reaction", "reaction": {"message_id": target.wamid, "emoji": data.emoji}},
            None,
        )
    raise FieldInvalid("type", "Notes are not sent to the customer.")


async def send_from_inbox(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    author_id: uuid.UUID | None,
    data: MessageCreate,
) -> Message:
    if isinstance(data, NoteCreate):
        return await conversations.add_note(session, workspace_id, conversation_id, author_id, data.text)
    kind, text, content, quoted = await compose(session, workspace_id, conversation_id, data)
    return await conversations.queue_outbound(
        session,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        author_id=author_id,
        kind=kind,
        text=text,
        content=content,
        context_wamid=quoted,
    )


async def send_attachment(
    session: AsyncSession,
    settings: Settings,
    workspace_id: uuid.UUID,
    conversation_id: uuid.UUID,
    author_id: uuid.UUID | None,
    *,
    data: bytes,
    mime_type: str,
    filename: str,
    caption: str,
) -> Message:
    """Keep the file in our storage (the agent sees it), queue it; the job uploads it, then sends by id."""
    kind = media.outbound_kind(mime_type, len(data))
    if len(caption) > 1024:
        raise FieldInvalid("caption", "A caption may be at most 1024 characters.")
    if caption and kind in ("audio", "sticker"):
        raise FieldInvalid("caption", f"WhatsApp shows no caption on {kind} messages.")
    conversation = await conversations.get(session, workspace_id, conversation_id)
    if not is_window_open(conversation.last_inbound_at, clock.now()):
        raise WindowClosed()
    stored = await create_storage(settings).put(data, content_type=mime_type, original_name=filename)
    body: dict[str, Any] = {"caption": caption} if caption else {}
    if kind == "document":
        body["filename"] = stored.original_name
    return await conversations.queue_outbound(
        session,
        workspace_id=workspace_id,
        conversation_id=conversation_id,
        author_id=author_id,
        kind=kind,
        text=caption,
        content={"type": kind, kind: body},
        media={
            "key": stored.key,
            "mime_type": mime_type,
            "filename": stored.original_name,
            "size": stored.size,
            "state": "stored",
        },
    )


async def mark_read(session: AsyncSession, settings: Settings, event: ConversationRead) -> None:
    """Blue ticks for the customer (§4.9); a refusal is only logged, the inbox does not depend on it."""
    wamid = await conversations.last_inbound_wamid(session, event.workspace_id, event.conversation_id)
    if wamid is None:
        return
    conversation = await conversations.get(session, event.workspace_id, event.conversation_id)
    client = numbers.client_for(await numbers.get(session, event.workspace_id, conversation.number_id), settings)
    await release_before_slow_io(session)
    try:
        await client.mark_read(wamid)
    except CloudApiError as exc:
        log.info("whatsapp.mark_read.refused", wamid=wamid, code=exc.code, detail=exc.detail[:200])


async def can_show_typing(session: AsyncSession, workspace_id: uuid.UUID, conversation_id: uuid.UUID) -> bool:
    """Typing is shown only where a reply can follow: the window is open and the customer wrote."""
    conversation = await conversations.get(session, workspace_id, conversation_id)
    if not is_window_open(conversation.last_inbound_at, clock.now()):
        return False
    return await conversations.last_inbound_wamid(session, workspace_id, conversation_id) is not None


async def show_typing(
    session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, conversation_id: uuid.UUID
) -> None:
    """'typing…' on the customer's phone (§4.9, also marks read); a refusal is only logged.

    Whether v21.0 takes `typing_indicator` is unconfirmed: a parameter error falls back to a plain read.
    """
    if not await can_show_typing(session, workspace_id, conversation_id):
        return
    wamid = await conversations.last_inbound_wamid(session, workspace_id, conversation_id)
    conversation = await conversations.get(session, workspace_id, conversation_id)
    client = numbers.client_for(await numbers.get(session, workspace_id, conversation.number_id), settings)
    await release_before_slow_io(session)
    assert wamid is not None  # can_show_typing checked it
    try:
        await client.mark_read(wamid, show_typing=settings.whatsapp.typing_indicator)
    except CloudApiError as exc:
        log.info("whatsapp.typing.refused", wamid=wamid, code=exc.code, detail=exc.detail[:200])
        if exc.code in (100, 131009) and settings.whatsapp.typing_indicator:
            try:
                await client.mark_read(wamid)
            except CloudApiError as again:
                log.info("whatsapp.mark_read.refused", wamid=wamid, code=again.code, detail=again.detail[:200])


def wire_payload(message: Message, to: str) -> dict[str, Any]:
    """The send body for a queued message; its content already holds the wire object."""
    content = message.content or {"type": "text", "text": {"body": message.text}}
    wire_type = str(content.get("type", "text"))
    payload: dict[str, Any] = {
        "to": to,
        "type": wire_type,
        wire_type: content.get(wire_type, {"body": message.text}),
    }
    if message.context_wamid:
        payload["context"] = {"message_id": message.context_wamid}
    return payload


async def send_queued(session: AsyncSession, settings: Settings, event: MessageQueued) -> None:
    message = await conversations.get_message(session, event.workspace_id, event.message_id)
    if message.status != DeliveryStatus.queued or message.wamid is not None:
        return  # already sent by an earlier attempt of this job
    conversation = await conversations.get(session, event.workspace_id, message.conversation_id)
    is_template = message.type == "template"
    if not is_template and not is_window_open(conversation.last_inbound_at, clock.now()):
        await conversations.record_failure(
            session,
            event.workspace_id,
            message.id,
            error_record(131047, "Re-engagement message", "The 24-hour window closed before sending."),
        )
        return
    number = await numbers.get(session, event.workspace_id, conversation.number_id)
    contact = await contacts.get(session, event.workspace_id, conversation.contact_id)
    client = numbers.client_for(number, settings)
    payload = wire_payload(message, contact.wa_id)
    attachment = dict(message.media or {})
    await release_before_slow_io(session)
    try:
        if attachment.get("key"):  # upload first, then send by id (§4.11)
            data = await create_storage(settings).get(str(attachment["key"]))
            media_id = await client.upload_media(
                data, mime_type=str(attachment["mime_type"]), filename=str(attachment["filename"])
            )
            payload[payload["type"]] = {**payload[payload["type"]], "id": media_id}
        response = await client.send(payload)
    except CloudApiError as exc:
        log.warning("whatsapp.send.failed", message_id=str(event.message_id), code=exc.code, detail=exc.detail[:200])
        await conversations.record_failure(
            session, event.workspace_id, event.message_id, error_record(exc.code, exc.title, exc.detail)
        )
        return
    await conversations.record_sent(session, event.workspace_id, event.message_id, response.messages[0].id)
