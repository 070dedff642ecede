"""Webhook bodies shaped as in whatsapp-cloud-api.md §2.1, signed like Meta signs them (§1.2)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import uuid
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "whatsapp-cloud-api.md"


def envelope(phone_number_id: str, waba_id: str, value: dict[str, Any], field: str = "messages") -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": waba_id, "changes": [{"field": field, "value": value}]}],
    }


def message_value(phone_number_id: str, message: dict[str, Any], *, name: str = "Amina Yusuf") -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001111", "phone_number_id": phone_number_id},
        "contacts": [{"profile": {"name": name}, "wa_id": message.get("from", "254711000222")}],
        "messages": [message],
    }


def text_message(body: str, *, sender: str = "254711000222", wamid: str | None = None) -> dict[str, Any]:
    return {
        "from": sender,
        "id": wamid or f"wamid.{uuid.uuid4().hex}",
        "timestamp": str(int(time.time())),
        "type": "text",
        "text": {"body": body},
    }


def status_value(
    phone_number_id: str,
    wamid: str,
    status: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": str(timestamp or int(time.time())),
        "recipient_id": "254711000222",
    }
    if errors:
        item["errors"] = errors
    return {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001111", "phone_number_id": phone_number_id},
        "statuses": [item],
    }


def signed(payload: dict[str, Any] | bytes, app_secret: str) -> tuple[bytes, dict[str, str]]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=True).encode()
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


def reference_json_blocks() -> list[Any]:
    """Every JSON example in the wire reference, including blocks that hold several objects."""
    blocks = re.findall(r"```json\n(.*?)```", REFERENCE.read_text(), flags=re.S)
    decoder = json.JSONDecoder()
    found: list[Any] = []
    for block in blocks:
        text = block.strip()
        while text:
            if text[0] not in "{[":  # prose such as "POST /v21.0/…" or "→ 200" before a body
                start = text.find("{")
                if start < 0:
                    break
                text = text[start:]
            value, end = decoder.raw_decode(text)
            found.append(value)
            text = text[end:].strip()
    return found


def reference_inbound_messages() -> list[dict[str, Any]]:
    return [b for b in reference_json_blocks() if isinstance(b, dict) and {"from", "id", "type"} <= b.keys()]


def reference_envelopes() -> list[dict[str, Any]]:
    return [
        b for b in reference_json_blocks() if isinstance(b, dict) and b.get("object") == "whatsapp_business_account"
    ]
