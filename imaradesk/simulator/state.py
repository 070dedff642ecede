"""What the simulator remembers (whatsapp-cloud-api.md §11 "State it keeps"), all in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from imaradesk.simulator.rates import TokenBucket

Direction = Literal["inbound", "outbound"]
ChatKey = tuple[str, str]  # (phone_number_id, wa_id)


@dataclass
class Customer:
    wa_id: str
    name: str
    language: str = ""
    is_reachable: bool = True
    has_read_receipts: bool = True
    marketing_stopped: set[str] = field(default_factory=set)  # phone_number_ids, §8.2 scope

    def to_dict(self) -> dict[str, Any]:
        return {
            "wa_id": self.wa_id,
            "name": self.name,
            "language": self.language,
            "label": f"{self.name} ({self.language})" if self.language else self.name,
            "reachable": self.is_reachable,
            "read_receipts": self.has_read_receipts,
            "opted_out_of_marketing": bool(self.marketing_stopped),
            "marketing_stopped_numbers": sorted(self.marketing_stopped),
        }


@dataclass
class StatusEntry:
    status: str
    timestamp: int
    errors: list[dict[str, Any]] | None = None

    def to_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"status": self.status, "timestamp": self.timestamp}
        if self.errors:
            entry["errors"] = self.errors
        return entry


@dataclass
class Template:
    id: str
    name: str
    language: str
    category: str
    components: list[dict[str, Any]]
    status: str = "APPROVED"
    parameter_format: str = "POSITIONAL"
    rejected_reason: str = "NONE"

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "name": self.name,
            "components": self.components,
            "language": self.language,
            "status": self.status,
            "category": self.category,
            "id": self.id,
        }
        if self.parameter_format == "NAMED":
            body["parameter_format"] = "NAMED"
        return body


@dataclass
class OutboundMessage:
    wamid: str
    phone_number_id: str
    wa_id: str
    type: str
    request: dict[str, Any]
    created_at: datetime
    pricing_category: str = "service"
    is_billable: bool = False
    rendered: dict[str, Any] | None = None  # template text as the phone shows it
    failure: tuple[int, str] | None = None  # reported as a `failed` status instead of delivery
    timeline: list[StatusEntry] = field(default_factory=list)
    direction: Direction = "outbound"

    def has_status(self, status: str) -> bool:
        return any(entry.status == status for entry in self.timeline)

    def to_dict(self) -> dict[str, Any]:
        content_key = self.type
        return {
            "direction": self.direction,
            "id": self.wamid,
            "phone_number_id": self.phone_number_id,
            "wa_id": self.wa_id,
            "type": self.type,
            "content": self.request.get(content_key),
            "context": self.request.get("context"),
            "rendered": self.rendered,
            "timestamp": int(self.created_at.timestamp()),
            "statuses": [entry.to_dict() for entry in self.timeline],
            "status": self.timeline[-1].status if self.timeline else "accepted",
        }


@dataclass
class InboundMessage:
    wamid: str
    phone_number_id: str
    wa_id: str
    type: str
    message: dict[str, Any]  # the message object exactly as put in the webhook
    created_at: datetime
    delivery: Literal["pending", "delivered", "failed", "dropped"] = "pending"
    is_read_by_business: bool = False
    direction: Direction = "inbound"

    def to_dict(self) -> dict[str, Any]:
        return {
            "direction": self.direction,
            "id": self.wamid,
            "phone_number_id": self.phone_number_id,
            "wa_id": self.wa_id,
            "type": self.type,
            "message": self.message,
            "timestamp": int(self.created_at.timestamp()),
            "delivery": self.delivery,
            "read_by_business": self.is_read_by_business,
        }


ChatMessage = InboundMessage | OutboundMessage


@dataclass
class MediaBlob:
    id: str
    phone_number_id: str
    mime_type: str
    data: bytes
    sha256_hex: str
    sha256_b64: str
    created_at: datetime
    filename: str | None = None


@dataclass
class Conversation:
    id: str
    expires_at: datetime


@dataclass
class SimState:
    customers: dict[str, Customer] = field(default_factory=dict)
    chats: dict[ChatKey, list[ChatMessage]] = field(default_factory=dict)
    messages: dict[str, ChatMessage] = field(default_factory=dict)
    last_inbound: dict[ChatKey, datetime] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    media: dict[str, MediaBlob] = field(default_factory=dict)
    conversations: dict[tuple[str, str, str], Conversation] = field(default_factory=dict)
    number_buckets: dict[str, TokenBucket] = field(default_factory=dict)
    pair_buckets: dict[ChatKey, TokenBucket] = field(default_factory=dict)

    def chat(self, key: ChatKey) -> list[ChatMessage]:
        return self.chats.setdefault(key, [])

    def add_message(self, message: ChatMessage) -> None:
        self.messages[message.wamid] = message
        self.chat((message.phone_number_id, message.wa_id)).append(message)

    def is_window_open(self, key: ChatKey, now: datetime, window: timedelta) -> bool:
        last = self.last_inbound.get(key)
        return last is not None and now - last < window

    def find_template(self, name: str, language: str) -> Template | None:
        for template in self.templates.values():
            if template.name == name and template.language == language:
                return template
        return None
