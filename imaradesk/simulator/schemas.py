"""Request bodies of the control API (`/_sim/...`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

InboundType = Literal[
    "text",
    "interactive",
    "button",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "location",
    "contacts",
    "reaction",
    "unsupported",
]


class ControlInput(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CustomerCreate(ControlInput):
    name: str = Field(min_length=1, max_length=60)
    wa_id: str = Field(pattern=r"^\d{7,15}$", description="Digits only, country code first")
    language: str = Field(default="", max_length=40)
    reachable: bool = Field(default=True, description="False: every send fails with 131026")
    read_receipts: bool = Field(default=True, description="False: no `read` statuses (§3.2)")


class InboundCreate(ControlInput):
    """A message the simulated customer sends; fields apply to the type named."""

    type: InboundType = "text"
    phone_number_id: str | None = Field(default=None, description="Business number; default the first")
    text: str | None = Field(default=None, max_length=4096, description="text")
    reply_to: str | None = Field(default=None, description="wamid quoted with a swipe-reply (context)")
    forwarded: bool = False
    reply_id: str | None = Field(
        default=None, description="interactive: id of the button or list row tapped; default the first"
    )
    to_message_id: str | None = Field(
        default=None,
        description="interactive/button/reaction: the business message answered; default the latest",
    )
    button_index: int | None = Field(default=None, ge=0, description="button: template button position")
    caption: str | None = Field(default=None, max_length=1024)
    filename: str | None = Field(default=None, max_length=240)
    mime_type: str | None = None
    content_base64: str | None = Field(default=None, description="Media bytes; default a built-in sample")
    voice: bool = Field(default=True, description="audio: a recorded voice note")
    animated: bool = False
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    name: str | None = Field(default=None, max_length=1000, description="location name or contact name")
    address: str | None = Field(default=None, max_length=1000)
    phone: str | None = Field(default=None, description="contacts: the shared contact's phone")
    contacts: list[dict[str, Any]] | None = Field(default=None, description="contacts: raw contact cards")
    emoji: str | None = Field(default=None, max_length=10, description="reaction; empty removes it")
    unsupported_type: str = Field(default="poll", description="unsupported: what the user really sent")


class ReadRequest(ControlInput):
    phone_number_id: str | None = None
    message_ids: list[str] | None = Field(default=None, description="Read up to the latest of these; all if absent")


class MarketingRequest(ControlInput):
    action: Literal["stop", "resume"]
    phone_number_id: str | None = None


class InjectRequest(ControlInput):
    kind: Literal["invalid_signature", "malformed_json", "oversized"]


class TemplateStatusUpdate(ControlInput):
    status: str = Field(description="APPROVED, REJECTED, PAUSED, DISABLED, …")
    reason: str = "NONE"
