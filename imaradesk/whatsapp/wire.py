"""Pydantic models of the Cloud API wire format, Graph v21.0 (whatsapp-cloud-api.md).

Inbound models ignore unknown keys and keep most fields optional (§2.9): Meta adds fields often,
and a parse failure would lose a customer's message.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Tolerant(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Context(Tolerant):
    from_: str | None = Field(default=None, alias="from")
    id: str | None = None
    forwarded: bool = False
    frequently_forwarded: bool = False


class WireError(Tolerant):
    code: int | None = None
    title: str = ""
    message: str = ""
    error_data: dict[str, Any] = {}
    href: str | None = None

    @property
    def details(self) -> str:
        return str(self.error_data.get("details", "")) or self.message


class InboundMessage(Tolerant):
    """A customer's message; the content stays a plain dict under the key named by `type` (§2.2)."""

    model_config = ConfigDict(extra="allow")

    from_: str | None = Field(default=None, alias="from")
    id: str
    timestamp: str | int
    type: str
    context: Context | None = None
    errors: list[WireError] = []

    def content(self) -> dict[str, Any]:
        extra = self.model_extra or {}
        value = extra.get(self.type)
        if isinstance(value, dict):
            return value
        if isinstance(value, list):
            return {"items": value}
        return {}


class Status(Tolerant):
    id: str
    status: str
    timestamp: str | int
    recipient_id: str | None = None
    biz_opaque_callback_data: str | None = None
    errors: list[WireError] = []


class Change(Tolerant):
    field: str
    value: dict[str, Any]


class Entry(Tolerant):
    id: str
    changes: list[Change] = []


class WebhookPayload(Tolerant):
    object: str
    entry: list[Entry]


class SentContact(Tolerant):
    input: str = ""
    wa_id: str = ""


class SentMessage(Tolerant):
    id: str
    message_status: str | None = None


class SendResponse(Tolerant):
    contacts: list[SentContact] = []
    messages: list[SentMessage]


class GraphErrorBody(Tolerant):
    message: str = ""
    type: str = ""
    code: int | None = None
    error_data: dict[str, Any] = {}
    fbtrace_id: str = ""


class GraphError(Tolerant):
    error: GraphErrorBody


class MediaInfo(Tolerant):
    url: str
    mime_type: str = "application/octet-stream"
    sha256: str = ""
    file_size: int | str | None = None
    id: str = ""


class MediaUploaded(Tolerant):
    id: str


class RemoteTemplate(Tolerant):
    id: str | None = None
    name: str
    language: str
    status: str = ""
    category: str = ""
    components: list[dict[str, Any]] = []
    parameter_format: str | None = None


class TemplatePage(Tolerant):
    data: list[RemoteTemplate] = []
    paging: dict[str, Any] = {}


class PhoneNumberInfo(Tolerant):
    id: str = ""
    display_phone_number: str = ""
    verified_name: str = ""
