"""Structural checks on `POST /{phone_number_id}/messages` bodies (whatsapp-cloud-api.md §4).

Missing fields → 131008, limits → 131009, wrong structure or unknown values → 100. Which of 100
or 131009 Meta uses per violation is unconfirmed (§4.6); these are the simulator's choices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from imaradesk.simulator.checks import (
    bad_param,
    check_media_object,
    invalid,
    missing,
    optional_str,
    require_dict,
    require_str,
)
from imaradesk.simulator.interactive import check_interactive

MESSAGE_TYPES = frozenset(
    {"text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive"}
    | {"template", "reaction"}
)
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker"})
_PHONE = re.compile(r"^\d{7,15}$")


@dataclass(frozen=True)
class SendRequest:
    to_input: str
    wa_id: str
    type: str
    content: Any
    context_message_id: str | None
    biz_opaque_callback_data: str | None


@dataclass(frozen=True)
class MarkRead:
    message_id: str
    has_typing_indicator: bool


def normalise_phone(to: str) -> str:
    digits = re.sub(r"[\s\-().]", "", to).removeprefix("+")
    if not _PHONE.match(digits):
        raise bad_param(f"Param to ('{to}') is not a valid phone number.")
    return digits


def parse_mark_read(body: dict[str, Any]) -> MarkRead | None:
    """The mark-as-read / typing-indicator body (§4.9), or None for an ordinary send."""
    if "status" not in body:
        return None
    if body["status"] != "read":
        raise bad_param("Param status must be 'read'.")
    message_id = require_str(body, "message_id", "message_id")
    indicator = body.get("typing_indicator")
    if indicator is not None:
        indicator = require_dict(indicator, "typing_indicator")
        if indicator.get("type") != "text":
            raise invalid("typing_indicator.type must be 'text'.")
    return MarkRead(message_id=message_id, has_typing_indicator=indicator is not None)


def parse_send(body: dict[str, Any]) -> SendRequest:
    to = body.get("to")
    if to is None or to == "":
        raise missing("to")
    if not isinstance(to, str):
        raise bad_param("Param to must be a string.")
    if body.get("recipient_type", "individual") != "individual":
        raise bad_param("Param recipient_type must be 'individual' (groups are not simulated).")
    message_type = body.get("type", "text")
    if message_type not in MESSAGE_TYPES:
        raise bad_param(f"Param type ('{message_type}') is not a supported message type.")
    content = body.get(message_type)
    if content is None:
        raise missing(message_type)
    _check_content(message_type, content)
    context_id = None
    if "context" in body:
        context = require_dict(body["context"], "context")
        context_id = require_str(context, "message_id", "context.message_id")
    opaque = optional_str(body, "biz_opaque_callback_data", "biz_opaque_callback_data", max_len=512)
    return SendRequest(
        to_input=to,
        wa_id=normalise_phone(to),
        type=message_type,
        content=content,
        context_message_id=context_id,
        biz_opaque_callback_data=opaque,
    )


def _check_content(message_type: str, content: Any) -> None:
    if message_type == "contacts":
        _check_contacts(content)
        return
    obj = require_dict(content, message_type)
    if message_type == "text":
        require_str(obj, "body", "text.body", max_len=4096)
        if not isinstance(obj.get("preview_url", False), bool):
            raise bad_param("Param text.preview_url must be a boolean.")
    elif message_type in MEDIA_TYPES:
        check_media_object(obj, message_type)
    elif message_type == "interactive":
        check_interactive(obj)
    elif message_type == "template":
        template_language = require_dict(obj.get("language"), "template.language")
        require_str(obj, "name", "template.name", max_len=512)
        require_str(template_language, "code", "template.language.code")
        if template_language.get("policy", "deterministic") != "deterministic":
            raise bad_param("Param template.language.policy must be 'deterministic'.")
        if not isinstance(obj.get("components", []), list):
            raise bad_param("Param template.components must be an array.")
    elif message_type == "reaction":
        require_str(obj, "message_id", "reaction.message_id")
        if "emoji" not in obj:
            raise missing("reaction.emoji")
        if not isinstance(obj["emoji"], str) or len(obj["emoji"]) > 10:
            raise invalid("reaction.emoji must be a single emoji, or empty to remove the reaction.")
    elif message_type == "location":
        _check_location(obj)


def _check_location(obj: dict[str, Any]) -> None:
    for key, limit in (("latitude", 90), ("longitude", 180)):
        value = obj.get(key)
        if value is None:
            raise missing(f"location.{key}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad_param(f"Param location.{key} must be a number.")
        if not -limit <= value <= limit:
            raise invalid(f"location.{key} must be between -{limit} and {limit}.")
    optional_str(obj, "name", "location.name", max_len=1000)
    optional_str(obj, "address", "location.address", max_len=1000)


def _check_contacts(content: Any) -> None:
    if not isinstance(content, list):
        raise bad_param("Param contacts must be an array.")
    if not content:
        raise missing("contacts[0]")
    for index, contact in enumerate(content):
        entry = require_dict(contact, f"contacts[{index}]")
        name = require_dict(entry.get("name"), f"contacts[{index}].name")
        require_str(name, "formatted_name", f"contacts[{index}].name.formatted_name")
