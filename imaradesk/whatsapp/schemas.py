from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import AnyHttpUrl, Field

from imaradesk.core.schemas import Schema, StrictInput

Digits = Field(pattern=r"^[0-9]{3,32}$")


class NumberCreate(StrictInput):
    phone_number_id: str = Field(pattern=r"^[0-9]{3,32}$", description="Meta's phone-number id (not the number)")
    display_phone_number: str = Field(min_length=3, max_length=32)
    label: str = Field(default="", max_length=120)
    waba_id: str = Field(pattern=r"^[0-9]{3,32}$", description="WhatsApp Business Account id")
    access_token: str = Field(min_length=8, max_length=1000, description="Write-only; stored encrypted")
    app_secret: str = Field(min_length=8, max_length=200, description="Write-only; signs webhooks")
    verify_token: str = Field(min_length=8, max_length=200, description="Echoed in the webhook handshake")
    graph_base_url: AnyHttpUrl = Field(default=AnyHttpUrl("https://graph.facebook.com"))
    api_version: str = Field(default="v21.0", pattern=r"^v[0-9]{2}\.[0-9]$")
    send_rate_per_second: int = Field(default=80, ge=1, le=1000)
    default_team_id: uuid.UUID | None = None


class NumberUpdate(StrictInput):
    label: str | None = Field(default=None, max_length=120)
    display_phone_number: str | None = Field(default=None, min_length=3, max_length=32)
    graph_base_url: AnyHttpUrl | None = None
    api_version: str | None = Field(default=None, pattern=r"^v[0-9]{2}\.[0-9]$")
    access_token: str | None = Field(default=None, min_length=8, max_length=1000, description="Write-only")
    app_secret: str | None = Field(default=None, min_length=8, max_length=200, description="Write-only")
    verify_token: str | None = Field(default=None, min_length=8, max_length=200)
    send_rate_per_second: int | None = Field(default=None, ge=1, le=1000)
    default_team_id: uuid.UUID | None = None


class NumberRead(Schema):
    id: uuid.UUID
    phone_number_id: str
    display_phone_number: str
    label: str
    waba_id: str
    graph_base_url: str
    api_version: str
    send_rate_per_second: int
    default_team_id: uuid.UUID | None
    created_at: datetime
    webhook_url: str = Field(description="Paste this into Meta's App Dashboard")


class NumberTestResult(Schema):
    ok: bool
    message: str
    display_phone_number: str | None = None
    verified_name: str | None = None


class TemplateComponent(StrictInput):
    type: Literal["HEADER", "BODY", "FOOTER", "BUTTONS"]
    format: Literal["TEXT", "IMAGE", "VIDEO", "DOCUMENT"] | None = None
    text: str | None = Field(default=None, max_length=1024)
    buttons: list[dict[str, Any]] | None = None
    example: dict[str, Any] | None = None


class TemplateCreate(StrictInput):
    name: str = Field(pattern=r"^[a-z0-9_]{1,512}$", description="Lower case, digits and underscores")
    language: str = Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$", description="e.g. en, en_US, sw, fr")
    category: Literal["MARKETING", "UTILITY", "AUTHENTICATION"]
    components: list[TemplateComponent] = Field(min_length=1, max_length=4)
    parameter_format: Literal["POSITIONAL", "NAMED"] = Field(
        default="POSITIONAL", description="NAMED: variables like {{customer_name}} instead of {{1}}"
    )
    submit: bool = Field(default=True, description="Also submit it to the WhatsApp Business Account")


class TemplateUpdate(StrictInput):
    category: Literal["MARKETING", "UTILITY", "AUTHENTICATION"] | None = None
    components: list[TemplateComponent] | None = Field(default=None, min_length=1, max_length=4)


class TemplateVariableRead(Schema):
    """One value the inbox must ask for before sending the template."""

    component: Literal["header", "body", "button"]
    name: str = Field(description="1, 2 … or the name of a named variable")
    field: str = Field(
        description="Where the value goes in the send request: variables.0, header_variables.0, "
        "named_variables.<name> or button_variables.0; errors name the same field"
    )
    example: str | None = Field(default=None, description="The example given when the template was created")
    max_length: int
    button_index: int | None = Field(default=None, description="Position of the link button in the template")
    button_text: str | None = None
    url_prefix: str | None = Field(default=None, description="The link before the variable part")


class TemplateRead(Schema):
    id: uuid.UUID
    name: str
    language: str
    category: str
    status: str
    components: list[dict[str, Any]]
    meta_id: str | None
    rejection_reason: str | None
    parameter_format: Literal["POSITIONAL", "NAMED"]
    body_variable_count: int
    header_variable_count: int
    variables: list[TemplateVariableRead] = Field(description="Every value a send needs, in form order")
    updated_at: datetime


class RejectedWebhookRead(Schema):
    id: uuid.UUID
    received_at: datetime
    reason: str
    detail: str
    remote_addr: str


class TypingRead(Schema):
    shown: bool = Field(
        description="True: the customer will see 'typing…'; false: the window is closed or the customer never wrote"
    )
