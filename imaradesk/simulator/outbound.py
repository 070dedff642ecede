"""`POST /{phone_number_id}/messages`: the checks of §11 in order, then the §4.2 answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from imaradesk.config import SimulatorPhoneNumber
from imaradesk.core import clock
from imaradesk.simulator import statuses, templates
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.errors import GraphError
from imaradesk.simulator.ids import new_wamid
from imaradesk.simulator.media import kind_of
from imaradesk.simulator.rates import TokenBucket
from imaradesk.simulator.state import InboundMessage, OutboundMessage
from imaradesk.simulator.validation import MEDIA_TYPES, SendRequest, parse_mark_read, parse_send

WINDOW_DETAILS = (
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
)
UNDELIVERABLE_DETAILS = "Message Undeliverable."
OPTED_OUT_DETAILS = "This user has chosen to stop receiving marketing messages from this business."


def handle(sim: Simulator, number: SimulatorPhoneNumber, body: dict[str, Any]) -> dict[str, Any]:
    mark = parse_mark_read(body)
    if mark is not None:
        _mark_read_by_business(sim, number, mark.message_id, has_typing=mark.has_typing_indicator)
        return {"success": True}
    return _send(sim, number, parse_send(body))


def _send(sim: Simulator, number: SimulatorPhoneNumber, request: SendRequest) -> dict[str, Any]:
    config = sim.config
    state = sim.state
    now = clock.now()
    customer = sim.recipient(request.wa_id)
    key = (number.phone_number_id, request.wa_id)
    _check_references(sim, key, request)
    is_window_open = state.is_window_open(key, now, timedelta(hours=config.window_hours))
    failure: tuple[int, str] | None = None
    template = None
    rendered: dict[str, Any] | None = None
    if request.type == "template":
        content = request.content
        name, language = content["name"], content["language"]["code"]
        template = templates.check_sendable(state.find_template(name, language), name, language)
        templates.check_parameters(template, content.get("components", []))
        rendered = templates.render(template, content.get("components", []))
        templates.check_hydrated(template, rendered)
    elif not is_window_open:
        if config.window_errors == "sync":
            raise GraphError(131047, WINDOW_DETAILS)
        failure = (131047, WINDOW_DETAILS)
    if not customer.is_reachable:
        if config.undeliverable_errors == "sync":
            raise GraphError(131026, UNDELIVERABLE_DETAILS)
        failure = failure or (131026, UNDELIVERABLE_DETAILS)
    if template and template.category == "MARKETING" and number.phone_number_id in customer.marketing_stopped:
        failure = failure or (131050, OPTED_OUT_DETAILS)
    _take_throughput(sim, number.phone_number_id)
    _take_pair_rate(sim, key)

    message = OutboundMessage(
        wamid=new_wamid(request.wa_id, outbound=True),
        phone_number_id=number.phone_number_id,
        wa_id=request.wa_id,
        type=request.type,
        request=_stored_request(request),
        created_at=now,
        failure=failure,
    )
    if template is not None:
        message.rendered = rendered
        message.pricing_category = template.category.lower()
        message.is_billable = not (message.pricing_category == "utility" and is_window_open)
    state.add_message(message)
    sim.publish_message(message)
    statuses.schedule(sim, message)
    sent: dict[str, Any] = {"id": message.wamid}
    if template is not None:
        sent["message_status"] = "accepted"
    return {
        "messaging_product": "whatsapp",
        "contacts": [{"input": request.to_input, "wa_id": request.wa_id}],
        "messages": [sent],
    }


def _stored_request(request: SendRequest) -> dict[str, Any]:
    stored: dict[str, Any] = {request.type: request.content}
    if request.context_message_id:
        stored["context"] = {"message_id": request.context_message_id}
    if request.biz_opaque_callback_data:
        stored["biz_opaque_callback_data"] = request.biz_opaque_callback_data
    return stored


def _check_references(sim: Simulator, key: tuple[str, str], request: SendRequest) -> None:
    """Ids inside the body must point at things this number can use."""
    if request.type in MEDIA_TYPES and "id" in request.content:
        media = sim.state.media.get(request.content["id"])
        if media is None:
            raise GraphError(100, f"Param {request.type}.id ('{request.content['id']}') is not a valid media id.")
        kind = kind_of(media.mime_type)
        if kind != request.type and not (request.type == "sticker" and kind == "sticker"):
            raise GraphError(100, f"Media {media.id} is {media.mime_type}; it cannot be sent as {request.type}.")
    if request.type == "reaction":
        target = sim.state.messages.get(request.content["message_id"])
        if not isinstance(target, InboundMessage) or (target.phone_number_id, target.wa_id) != key:
            raise GraphError(131009, "reaction.message_id must be a message this user sent to this phone number.")


def _take_throughput(sim: Simulator, phone_number_id: str) -> None:
    rate = sim.config.throughput_per_second
    bucket = sim.state.number_buckets.get(phone_number_id)
    if bucket is None:
        bucket = sim.state.number_buckets[phone_number_id] = TokenBucket(rate, rate, clock.now())
    if not bucket.take(clock.now()):
        raise GraphError(
            130429,
            "Message failed to send because there were too many messages sent from this phone number "
            "in a short period of time.",
        )


def _take_pair_rate(sim: Simulator, key: tuple[str, str]) -> None:
    bucket = sim.state.pair_buckets.get(key)
    if bucket is None:
        bucket = sim.state.pair_buckets[key] = TokenBucket(
            sim.config.pair_rate_per_second, sim.config.pair_rate_burst, clock.now()
        )
    if not bucket.take(clock.now()):
        raise GraphError(
            131056,
            "Message failed to send because there were too many messages sent from this phone number "
            "to the same phone number in a short period of time.",
        )


def _mark_read_by_business(sim: Simulator, number: SimulatorPhoneNumber, wamid: str, *, has_typing: bool) -> None:
    """§4.9: marks this inbound message and every earlier one in the chat as read."""
    target = sim.state.messages.get(wamid)
    if not isinstance(target, InboundMessage) or target.phone_number_id != number.phone_number_id:
        raise GraphError(100, f"Param message_id ('{wamid}') is not a message received by this number.")
    for message in sim.state.chat((target.phone_number_id, target.wa_id)):
        if isinstance(message, InboundMessage) and not message.is_read_by_business:
            message.is_read_by_business = True
            sim.publish_message(message)
        if message is target:
            break
    if has_typing:
        sim.bus.publish(
            {
                "type": "typing",
                "phone_number_id": number.phone_number_id,
                "wa_id": target.wa_id,
                "seconds": 25,
            }
        )
