"""A stored inbound webhook event becomes a contact, a conversation and a message (§2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.contacts import service as contacts
from imaradesk.contacts.opt_out import CONFIRMATIONS, consent_change
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import Message
from imaradesk.core import clock
from imaradesk.whatsapp.models import WebhookEvent, WhatsAppNumber
from imaradesk.whatsapp.wire import InboundMessage

log = structlog.get_logger(__name__)

MEDIA_TYPES = frozenset({"image", "video", "audio", "document", "sticker"})
KNOWN_TYPES = MEDIA_TYPES | {
    "text",
    "interactive",
    "button",
    "location",
    "contacts",
    "reaction",
    "system",
    "order",
}


@dataclass(frozen=True)
class Described:
    kind: str
    text: str
    content: dict[str, Any]
    media: dict[str, Any] | None


def parse_timestamp(value: str | int | None) -> datetime:
    try:
        return datetime.fromtimestamp(int(value or 0), UTC) if value else clock.now()
    except (TypeError, ValueError, OverflowError):
        return clock.now()


def _location_text(c: dict[str, Any]) -> str:
    label = " — ".join(str(p) for p in (c.get("name"), c.get("address")) if p)
    return label or f"{c.get('latitude')}, {c.get('longitude')}"


def describe(message: InboundMessage) -> Described:
    """The text an agent reads, the faithful content, and the media to fetch, per type (§2.2)."""
    content = message.content()
    kind = message.type if message.type in KNOWN_TYPES and not message.errors else "unsupported"
    if kind == "unsupported":
        content = {
            "original_type": message.type,
            **content,
            "errors": [e.model_dump() for e in message.errors],
        }
        return Described(kind, "", content, None)
    text = ""
    media = None
    if kind == "text":
        text = str(content.get("body", ""))
    elif kind == "interactive":
        reply = content.get(str(content.get("type")), {})
        text = str(reply.get("title", "")) if isinstance(reply, dict) else ""
    elif kind == "button":
        text = str(content.get("text", ""))
    elif kind in MEDIA_TYPES:
        text = str(content.get("caption", ""))
        media = {
            "media_id": str(content.get("id", "")),
            "mime_type": str(content.get("mime_type", "application/octet-stream")),
            "sha256": str(content.get("sha256", "")),
            "filename": str(content.get("filename", "")) or f"{kind}-{content.get('id', '')}",
            "voice": bool(content.get("voice", False)),
            "state": "pending",
        }
    elif kind == "location":
        text = _location_text(content)
    elif kind == "contacts":
        names = [
            str(c.get("name", {}).get("formatted_name", "")) for c in content.get("items", []) if isinstance(c, dict)
        ]
        text = ", ".join(n for n in names if n)
    elif kind == "reaction":
        text = str(content.get("emoji", ""))
    elif kind in ("system", "order"):
        text = str(content.get("body", "") or content.get("text", ""))
    if message.context is not None:
        content = {**content, "context": message.context.model_dump(by_alias=True, exclude_defaults=True)}
    return Described(kind, text, content, media)


async def handle_message(session: AsyncSession, event: WebhookEvent, number: WhatsAppNumber) -> Message | None:
    body = event.payload
    try:
        message = InboundMessage.model_validate(body.get("message", {}))
    except ValidationError as exc:
        log.warning("whatsapp.inbound.unparseable", event_id=str(event.id), error=str(exc)[:300])
        return None
    if not message.from_:
        log.warning("whatsapp.inbound.no_sender", event_id=str(event.id), wamid=message.id)  # §2.9 usernames
        return None
    profile = next((c.get("profile", {}).get("name", "") for c in body.get("contacts", []) if isinstance(c, dict)), "")
    contact = await contacts.get_or_create(session, event.workspace_id, message.from_, str(profile or ""))
    described = describe(message)
    stored = await conversations.receive_message(
        session,
        workspace_id=event.workspace_id,
        number_id=number.id,
        team_id=number.default_team_id,
        contact=contact,
        wamid=message.id,
        kind=described.kind,
        text=described.text,
        content=described.content,
        media=described.media,
        context_wamid=message.context.id if message.context else None,
        at=parse_timestamp(message.timestamp),
    )
    if stored is not None and described.kind == "text":
        change = consent_change(described.text)
        if change is not None and contacts.apply_consent(contact, change, source="keyword"):
            await conversations.queue_outbound(
                session,
                workspace_id=event.workspace_id,
                conversation_id=stored.conversation_id,
                author_id=None,
                kind="text",
                text=CONFIRMATIONS[change],
                content={},
                idempotency_key=f"consent:{message.id}",
            )
    return stored
