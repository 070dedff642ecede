"""Status webhooks (§3): merged into the outbound message monotonically; failures keep Meta's error."""

from __future__ import annotations

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.contacts import service as contacts
from imaradesk.contacts.opt_out import ConsentChange
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import DeliveryStatus
from imaradesk.whatsapp.errors import error_record
from imaradesk.whatsapp.inbound import parse_timestamp
from imaradesk.whatsapp.models import WebhookEvent
from imaradesk.whatsapp.wire import Status

log = structlog.get_logger(__name__)
_WIRE_STATUSES = {
    s.value
    for s in (
        DeliveryStatus.sent,
        DeliveryStatus.delivered,
        DeliveryStatus.read,
        DeliveryStatus.played,
        DeliveryStatus.failed,
    )
}


class StatusBeforeMessage(Exception):
    """The status outran our own record of the send (§3.2 race); the job retries shortly."""


async def handle_status(session: AsyncSession, event: WebhookEvent) -> bool:
    status = Status.model_validate(event.payload.get("status", {}))
    if status.status not in _WIRE_STATUSES:
        log.info("whatsapp.status.ignored", status=status.status, wamid=status.id)
        return False
    message = await conversations.get_message_by_wamid(session, event.workspace_id, status.id)
    if message is None:
        raise StatusBeforeMessage(f"no message with wamid {status.id} yet")
    error = None
    if status.status == DeliveryStatus.failed:
        first = status.errors[0] if status.errors else None
        error = error_record(
            first.code if first else None, first.title if first else "", first.details if first else ""
        )
        if first is not None and first.code == 131050:
            conversation = await conversations.get(session, event.workspace_id, message.conversation_id)
            contact = await contacts.get(session, event.workspace_id, conversation.contact_id)
            contacts.apply_consent(contact, ConsentChange.opted_out, source="whatsapp")
    return await conversations.record_delivery(
        session,
        event.workspace_id,
        message,
        DeliveryStatus(status.status),
        parse_timestamp(status.timestamp),
        error,
    )
