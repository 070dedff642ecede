"""Messages from simulated customers, built as §2.2/§2.3 message objects and sent as webhooks."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from imaradesk.config import SimulatorPhoneNumber
from imaradesk.core import clock
from imaradesk.core.errors import FieldInvalid, NotFound
from imaradesk.simulator import media
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.ids import new_wamid
from imaradesk.simulator.payloads import display_digits, inbound_value
from imaradesk.simulator.schemas import InboundCreate
from imaradesk.simulator.state import ChatKey, Customer, InboundMessage, OutboundMessage

_MEDIA = ("image", "audio", "video", "document", "sticker")
_UNSUPPORTED_ERROR = {
    "code": 131051,
    "title": "Message type unknown",
    "message": "Message type unknown",
    "error_data": {"details": "Message type is currently not supported."},
}


def receive(sim: Simulator, number: SimulatorPhoneNumber, customer: Customer, spec: InboundCreate) -> InboundMessage:
    now = clock.now()
    key = (number.phone_number_id, customer.wa_id)
    wamid = new_wamid(customer.wa_id, outbound=False)
    message: dict[str, Any] = {}
    context = _context(sim, number, key, spec)
    content = _content(sim, number, key, spec)
    if "context" in content:
        context = content.pop("context")
    if context:
        message["context"] = context
    message |= {
        "from": customer.wa_id,
        "id": wamid,
        "timestamp": str(int(now.timestamp())),
        "type": spec.type,
    }
    message |= content
    record = InboundMessage(wamid, number.phone_number_id, customer.wa_id, spec.type, message, now)
    sim.state.add_message(record)
    # Every inbound message opens or refreshes the 24-hour window (§5.1).
    sim.state.last_inbound[key] = now

    def on_result(is_delivered: bool) -> None:
        record.delivery = "delivered" if is_delivered else "failed"
        sim.publish_message(record)

    sim.emit(
        "messages",
        inbound_value(number, customer, message),
        key=customer.wa_id,
        description=f"inbound {spec.type} {wamid}",
        on_result=on_result,
    )
    sim.publish_message(record)
    return record


def _context(sim: Simulator, number: SimulatorPhoneNumber, key: ChatKey, spec: InboundCreate) -> dict[str, Any]:
    if spec.forwarded:
        return {"forwarded": True}
    if spec.reply_to:
        quoted = sim.state.messages.get(spec.reply_to)
        if quoted is None or (quoted.phone_number_id, quoted.wa_id) != key:
            raise FieldInvalid("reply_to", "is not a message in this chat")
        return {"from": display_digits(number), "id": spec.reply_to}
    return {}


def _content(sim: Simulator, number: SimulatorPhoneNumber, key: ChatKey, spec: InboundCreate) -> dict[str, Any]:
    kind = spec.type
    if kind == "text":
        if not spec.text:
            raise FieldInvalid("text", "is required for a text message")
        return {"text": {"body": spec.text}}
    if kind == "interactive":
        return _interactive_reply(sim, number, key, spec)
    if kind == "button":
        return _template_reply(sim, number, key, spec)
    if kind in _MEDIA:
        return {kind: _media_content(sim, number, spec)}
    if kind == "location":
        return {"location": _location(spec)}
    if kind == "contacts":
        return {"contacts": spec.contacts or [_contact_card(spec)]}
    if kind == "reaction":
        return {"reaction": _reaction(sim, key, spec)}
    return {"errors": [_UNSUPPORTED_ERROR]}


def _latest(sim: Simulator, key: ChatKey, spec: InboundCreate, kinds: tuple[str, ...]) -> OutboundMessage:
    chat = sim.state.chat(key)
    for message in reversed(chat):
        if not isinstance(message, OutboundMessage) or message.type not in kinds:
            continue
        if spec.to_message_id is None or message.wamid == spec.to_message_id:
            return message
    raise NotFound(f"No business message of type {'/'.join(kinds)} to answer in this chat.")


def _interactive_reply(
    sim: Simulator, number: SimulatorPhoneNumber, key: ChatKey, spec: InboundCreate
) -> dict[str, Any]:
    target = _latest(sim, key, spec, ("interactive",))
    interactive = target.request["interactive"]
    if interactive["type"] == "button":
        options = [b["reply"] for b in interactive["action"]["buttons"]]
    else:
        options = [row for section in interactive["action"]["sections"] for row in section["rows"]]
    chosen = next((o for o in options if spec.reply_id in (None, o["id"])), None)
    if chosen is None:
        raise FieldInvalid("reply_id", f"is not one of {[o['id'] for o in options]}")
    context = {"from": display_digits(number), "id": target.wamid}
    if interactive["type"] == "button":
        reply = {"type": "button_reply", "button_reply": {"id": chosen["id"], "title": chosen["title"]}}
    else:
        row = {k: chosen[k] for k in ("id", "title", "description") if k in chosen}
        reply = {"type": "list_reply", "list_reply": row}
    return {"context": context, "interactive": reply}


def _template_reply(sim: Simulator, number: SimulatorPhoneNumber, key: ChatKey, spec: InboundCreate) -> dict[str, Any]:
    target = _latest(sim, key, spec, ("template",))
    buttons = (target.rendered or {}).get("buttons", [])
    quick = [i for i, b in enumerate(buttons) if b["type"] == "quick_reply"]
    index = spec.button_index if spec.button_index is not None else (quick[0] if quick else -1)
    if index not in quick:
        raise FieldInvalid("button_index", f"must be the position of a quick-reply button: {quick}")
    button = buttons[index]
    return {
        "context": {"from": display_digits(number), "id": target.wamid},
        "button": {"payload": button["payload"], "text": button["text"]},
    }


def _media_content(sim: Simulator, number: SimulatorPhoneNumber, spec: InboundCreate) -> dict[str, Any]:
    kind = spec.type
    if spec.content_base64 is not None:
        try:
            data = base64.b64decode(spec.content_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise FieldInvalid("content_base64", "is not valid base64") from exc
        if not spec.mime_type or media.kind_of(spec.mime_type) != kind:
            raise FieldInvalid("mime_type", f"must be a {kind} MIME type from the media table")
        mime_type, filename = spec.mime_type, spec.filename
    else:
        data, mime_type, filename = media.sample(kind)
    blob = media.new_blob(number.phone_number_id, mime_type, data, clock.now(), spec.filename or filename)
    sim.state.media[blob.id] = blob
    content: dict[str, Any] = {"id": blob.id, "mime_type": mime_type, "sha256": blob.sha256_b64}
    if kind in ("image", "video", "document") and spec.caption:
        content["caption"] = spec.caption
    if kind == "document":
        content["filename"] = blob.filename or "document"
    if kind == "audio":
        content["voice"] = spec.voice
    if kind == "sticker":
        content["animated"] = spec.animated
    return content


def _location(spec: InboundCreate) -> dict[str, Any]:
    location: dict[str, Any] = {
        "latitude": spec.latitude if spec.latitude is not None else -1.28638,
        "longitude": spec.longitude if spec.longitude is not None else 36.81724,
    }
    if spec.name:
        location["name"] = spec.name
    if spec.address:
        location["address"] = spec.address
    return location


def _contact_card(spec: InboundCreate) -> dict[str, Any]:
    name = spec.name or "Juma Otieno"
    first, _, last = name.partition(" ")
    card_name = {"formatted_name": name, "first_name": first} | ({"last_name": last} if last else {})
    phone = spec.phone or "+254 722 000 333"
    digits = "".join(ch for ch in phone if ch.isdigit())
    return {"name": card_name, "phones": [{"phone": phone, "wa_id": digits, "type": "CELL"}]}


def _reaction(sim: Simulator, key: ChatKey, spec: InboundCreate) -> dict[str, Any]:
    kinds = ("text", "image", "audio", "video", "document", "sticker", "location", "contacts")
    target = _latest(sim, key, spec, (*kinds, "interactive", "template"))
    emoji = "\U0001f44d" if spec.emoji is None else spec.emoji
    # An empty emoji removes the reaction; Meta then sends the key empty or leaves it out (§2.2).
    return {"message_id": target.wamid} | ({"emoji": emoji} if emoji else {})
