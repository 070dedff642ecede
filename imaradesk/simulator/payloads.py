"""Webhook bodies, shaped exactly as whatsapp-cloud-api.md §2.1, §2.7, §3.1 and §8.2."""

from __future__ import annotations

import re
from typing import Any

from imaradesk.config import SimulatorPhoneNumber
from imaradesk.simulator.state import Customer, Template


def display_digits(number: SimulatorPhoneNumber) -> str:
    """`metadata.display_phone_number` is digits without `+` (§0)."""
    return re.sub(r"\D", "", number.display_phone_number)


def metadata(number: SimulatorPhoneNumber) -> dict[str, str]:
    return {"display_phone_number": display_digits(number), "phone_number_id": number.phone_number_id}


def envelope(waba_id: str, field: str, value: dict[str, Any], *, time: int | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": waba_id}
    if time is not None:
        entry["time"] = time  # integer on non-`messages` fields (§2.7)
    entry["changes"] = [{"field": field, "value": value}]
    return {"object": "whatsapp_business_account", "entry": [entry]}


def inbound_value(number: SimulatorPhoneNumber, customer: Customer, message: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "metadata": metadata(number),
        "contacts": [{"profile": {"name": customer.name}, "wa_id": customer.wa_id}],
        "messages": [message],
    }


def status_value(number: SimulatorPhoneNumber, status: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "metadata": metadata(number), "statuses": [status]}


def template_status_value(template: Template, event: str, reason: str) -> dict[str, Any]:
    return {
        "event": event,
        "message_template_id": int(template.id),
        "message_template_name": template.name,
        "message_template_language": template.language,
        "reason": reason,
        "message_template_category": template.category,
    }


def user_preferences_value(
    number: SimulatorPhoneNumber, customer: Customer, value: str, timestamp: int
) -> dict[str, Any]:
    detail = {
        "stop": "User requested to stop marketing messages",
        "resume": "User requested to resume marketing messages",
    }[value]
    return {
        "messaging_product": "whatsapp",
        "metadata": metadata(number),
        "contacts": [{"profile": {"name": customer.name}, "wa_id": customer.wa_id}],
        "user_preferences": [
            {
                "wa_id": customer.wa_id,
                "detail": detail,
                "category": "marketing_messages",
                "value": value,
                "timestamp": timestamp,  # an integer here, unlike message timestamps (§0)
            }
        ],
    }
