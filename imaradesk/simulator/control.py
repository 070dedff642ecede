"""The control API (`/_sim/...`): what a person on the phone page or a test does as a customer.

It has no authentication: it is a development and test tool, like the phone page it serves.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from pydantic import ValidationError

from imaradesk.config import SimulatorFaultSettings, SimulatorPhoneNumber
from imaradesk.core import clock
from imaradesk.core.errors import Conflict, FieldInvalid, NotFound
from imaradesk.simulator import inbound, statuses, templates
from imaradesk.simulator.dependencies import Sim
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.payloads import envelope, inbound_value
from imaradesk.simulator.schemas import (
    CustomerCreate,
    InboundCreate,
    InjectRequest,
    MarketingRequest,
    ReadRequest,
    TemplateStatusUpdate,
)
from imaradesk.simulator.state import Customer

router = APIRouter(tags=["simulator control"])
_KEEPALIVE_SECONDS = 15.0


def _number(simulator: Simulator, phone_number_id: str | None) -> SimulatorPhoneNumber:
    if phone_number_id is None:
        return simulator.default_number
    number = simulator.numbers.get(phone_number_id)
    if number is None:
        raise NotFound(f"No simulated business number {phone_number_id}.")
    return number


def _customer(simulator: Simulator, wa_id: str) -> Customer:
    customer = simulator.state.customers.get(wa_id)
    if customer is None:
        raise NotFound(f"No simulated customer {wa_id}.")
    return customer


@router.get("/config")
async def get_config(simulator: Sim) -> dict[str, Any]:
    config = simulator.config
    return {
        "graph_version": config.graph_version,
        "waba_id": config.waba_id,
        "webhook_url": config.webhook_url,
        "numbers": [n.model_dump() for n in config.phone_numbers],
        "running": simulator.is_running,
    }


@router.get("/customers")
async def list_customers(simulator: Sim) -> dict[str, Any]:
    return {"data": [c.to_dict() for c in simulator.state.customers.values()]}


@router.post("/customers", status_code=201)
async def add_customer(body: CustomerCreate, simulator: Sim) -> dict[str, Any]:
    if body.wa_id in simulator.state.customers:
        raise Conflict(f"Customer {body.wa_id} already exists.")
    customer = Customer(
        wa_id=body.wa_id,
        name=body.name,
        language=body.language,
        is_reachable=body.reachable,
        has_read_receipts=body.read_receipts,
    )
    simulator.state.customers[customer.wa_id] = customer
    simulator.publish_customer(customer)
    return customer.to_dict()


@router.post("/customers/{wa_id}/messages", status_code=201)
async def send_as_customer(wa_id: str, body: InboundCreate, simulator: Sim) -> dict[str, Any]:
    customer = _customer(simulator, wa_id)
    record = inbound.receive(simulator, _number(simulator, body.phone_number_id), customer, body)
    return {"message": record.to_dict()}


@router.get("/customers/{wa_id}/chat")
async def get_chat(wa_id: str, simulator: Sim, phone_number_id: str | None = None) -> dict[str, Any]:
    customer = _customer(simulator, wa_id)
    number = _number(simulator, phone_number_id)
    key = (number.phone_number_id, wa_id)
    window = timedelta(hours=simulator.config.window_hours)
    return {
        "customer": customer.to_dict(),
        "phone_number_id": number.phone_number_id,
        "window_open": simulator.state.is_window_open(key, clock.now(), window),
        "messages": [m.to_dict() for m in simulator.state.chat(key)],
    }


@router.post("/customers/{wa_id}/read")
async def mark_read(wa_id: str, body: ReadRequest, simulator: Sim) -> dict[str, Any]:
    """The customer saw the business's messages: emits `read` statuses (§3)."""
    _customer(simulator, wa_id)
    number = _number(simulator, body.phone_number_id)
    return {"read": statuses.mark_read(simulator, (number.phone_number_id, wa_id), body.message_ids)}


@router.post("/customers/{wa_id}/marketing")
async def set_marketing(wa_id: str, body: MarketingRequest, simulator: Sim) -> dict[str, Any]:
    """ "Stop/resume marketing messages" in WhatsApp: the `user_preferences` webhook (§8.2)."""
    customer = _customer(simulator, wa_id)
    simulator.set_marketing(_number(simulator, body.phone_number_id), customer, body.action)
    return customer.to_dict()


@router.get("/media/{media_id}")
async def get_media(media_id: str, simulator: Sim) -> Response:
    """Media bytes for the phone page, which has no access token."""
    blob = simulator.state.media.get(media_id)
    if blob is None:
        raise NotFound(f"No media {media_id}.")
    return Response(blob.data, media_type=blob.mime_type, headers={"Cache-Control": "private, max-age=3600"})


@router.get("/templates")
async def list_templates(simulator: Sim) -> dict[str, Any]:
    return {"data": [t.to_dict() for t in simulator.state.templates.values()]}


@router.post("/templates/{template_id}/status")
async def set_template_status(template_id: str, body: TemplateStatusUpdate, simulator: Sim) -> dict[str, Any]:
    """Meta's review or quality decisions (§5.3), with their `message_template_status_update`."""
    template = simulator.state.templates.get(template_id)
    if template is None:
        raise NotFound(f"No template {template_id}.")
    status = body.status.upper()
    if status not in templates.STATUSES:
        raise FieldInvalid("status", f"must be one of {sorted(templates.STATUSES)}")
    simulator.set_template_status(template, status, body.reason)
    return template.to_dict()


@router.get("/deliveries")
async def list_deliveries(simulator: Sim, limit: int = 200) -> dict[str, Any]:
    log = list(simulator.webhooks.log)[-max(limit, 1) :]
    return {"data": log, "idle": simulator.webhooks.is_idle, "pending_timers": simulator.scheduler.pending}


@router.get("/faults")
async def get_faults(simulator: Sim) -> dict[str, Any]:
    return simulator.faults.settings.model_dump()


@router.patch("/faults")
async def update_faults(body: dict[str, Any], simulator: Sim) -> dict[str, Any]:
    """Change fault probabilities at run time; `/_sim/reset` restores the configured ones."""
    unknown = set(body) - set(SimulatorFaultSettings.model_fields)
    if unknown:
        raise FieldInvalid(sorted(unknown)[0], "is not a fault setting")
    try:
        return simulator.faults.update(body).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        raise FieldInvalid(".".join(str(p) for p in first["loc"]), first["msg"]) from exc


@router.post("/faults/inject")
async def inject_fault(body: InjectRequest, simulator: Sim) -> dict[str, str]:
    """Send one bad event now: a forged signature, broken JSON or a body over 3 MB."""
    number = simulator.default_number
    customer = next(iter(simulator.state.customers.values()), Customer("254700000001", "Test"))
    message = {
        "from": customer.wa_id,
        "id": f"wamid.injected-{body.kind}",
        "timestamp": str(int(clock.now().timestamp())),
        "type": "text",
        "text": {"body": f"injected {body.kind}"},
    }
    payload = envelope(simulator.config.waba_id, "messages", inbound_value(number, customer, message))
    simulator.webhooks.inject(payload, body.kind, key=customer.wa_id)
    return {"injected": body.kind}


@router.post("/webhook/verify")
async def verify_webhook(simulator: Sim) -> dict[str, Any]:
    """Runs Meta's GET subscription handshake against the configured webhook URL (§1.1)."""
    return await simulator.webhooks.verify_subscription()


@router.post("/reset")
async def reset(simulator: Sim) -> dict[str, bool]:
    simulator.reset()
    return {"reset": True}


@router.get("/events")
async def stream_events(simulator: Sim) -> StreamingResponse:
    """Server-sent events: every chat, customer and template change, as JSON `data:` lines."""
    queue = simulator.bus.subscribe()

    async def lines() -> AsyncIterator[str]:
        try:
            yield "retry: 2000\n\n"
            while True:
                try:
                    async with asyncio.timeout(_KEEPALIVE_SECONDS):
                        event = await queue.get()
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if event is None:
                    return
                yield f"data: {json.dumps(event)}\n\n"
        finally:
            simulator.bus.unsubscribe(queue)

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(lines(), media_type="text/event-stream", headers=headers)
