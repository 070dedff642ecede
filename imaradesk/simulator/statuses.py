"""Status webhooks after each accepted send: sent → delivered → read, or failed (§3)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from imaradesk.core import clock
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.errors import async_error
from imaradesk.simulator.ids import new_conversation_id
from imaradesk.simulator.payloads import status_value
from imaradesk.simulator.state import ChatKey, Conversation, OutboundMessage, StatusEntry

_CONVERSATION_HOURS = 24


def schedule(sim: Simulator, message: OutboundMessage) -> None:
    config = sim.config
    if message.failure is not None:
        sim.scheduler.call_later(config.sent_delay_seconds, lambda: emit(sim, message, "failed"))
        return
    sim.scheduler.call_later(config.sent_delay_seconds, lambda: emit(sim, message, "sent"))
    if message.type == "reaction":  # reactions get `sent` only (§3.2)
        return
    delay = max(config.delivered_delay_seconds, config.sent_delay_seconds)
    sim.scheduler.call_later(delay, lambda: deliver(sim, message))


def deliver(sim: Simulator, message: OutboundMessage) -> None:
    # Delivered and read at the same moment: Meta sends only `read` (§1.3).
    if message.has_status("read") or message.has_status("delivered"):
        return
    emit(sim, message, "delivered")
    auto_read = sim.config.auto_read_delay_seconds
    if auto_read is not None:
        sim.scheduler.call_later(auto_read, lambda: _auto_read(sim, message))


def _auto_read(sim: Simulator, message: OutboundMessage) -> None:
    read(sim, message)


def read(sim: Simulator, message: OutboundMessage) -> bool:
    customer = sim.state.customers.get(message.wa_id)
    if customer is None or not customer.has_read_receipts:  # no `read` without receipts (§3.2)
        return False
    if message.type == "reaction" or message.failure is not None or message.has_status("read"):
        return False
    emit(sim, message, "read")
    return True


def mark_read(sim: Simulator, key: ChatKey, wamids: list[str] | None = None) -> list[str]:
    """The customer read the chat up to the latest of `wamids` (all of it when None)."""
    outbound = [m for m in sim.state.chat(key) if isinstance(m, OutboundMessage)]
    if wamids is not None:
        wanted = set(wamids)
        positions = [index for index, m in enumerate(outbound) if m.wamid in wanted]
        outbound = outbound[: max(positions) + 1] if positions else []
    return [m.wamid for m in outbound if read(sim, m)]


def emit(sim: Simulator, message: OutboundMessage, status: str) -> None:
    now = clock.now()
    timestamp = int(now.timestamp())
    errors = [async_error(*message.failure)] if status == "failed" and message.failure else None
    message.timeline.append(StatusEntry(status, timestamp, errors))
    body: dict[str, Any] = {
        "id": message.wamid,
        "status": status,
        "timestamp": str(timestamp),
        "recipient_id": message.wa_id,
    }
    opaque = message.request.get("biz_opaque_callback_data")
    if opaque:
        body["biz_opaque_callback_data"] = opaque
    if status in ("sent", "delivered"):
        body["conversation"] = _conversation(sim, message, with_expiry=status == "sent")
        body["pricing"] = {
            "billable": message.is_billable,
            "pricing_model": "PMP",
            "category": message.pricing_category,
        }
    if errors:
        body["errors"] = errors
    number = sim.numbers[message.phone_number_id]
    sim.emit(
        "messages",
        status_value(number, body),
        key=message.wa_id,
        description=f"status {status} {message.wamid}",
    )
    sim.publish_message(message)


def _conversation(sim: Simulator, message: OutboundMessage, *, with_expiry: bool) -> dict[str, Any]:
    now = clock.now()
    key = (message.phone_number_id, message.wa_id, message.pricing_category)
    conversation = sim.state.conversations.get(key)
    if conversation is None or conversation.expires_at <= now:
        conversation = Conversation(new_conversation_id(), now + timedelta(hours=_CONVERSATION_HOURS))
        sim.state.conversations[key] = conversation
    body: dict[str, Any] = {"id": conversation.id}
    if with_expiry:
        body["expiration_timestamp"] = str(int(conversation.expires_at.timestamp()))
    body["origin"] = {"type": message.pricing_category}
    return body
