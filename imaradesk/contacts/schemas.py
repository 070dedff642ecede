from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import Field

from imaradesk.core.schemas import Schema, StrictInput

TagName = Field(min_length=1, max_length=60)


class ContactRead(Schema):
    id: uuid.UUID
    wa_id: str
    name: str
    profile_name: str
    language: str | None
    custom_fields: dict[str, Any]
    tags: list[str]
    opted_out_marketing: bool
    opted_out_at: datetime | None
    last_inbound_at: datetime | None
    created_at: datetime


class ContactUpdate(StrictInput):
    name: str | None = Field(default=None, max_length=200)
    custom_fields: dict[str, str | int | float | bool | None] | None = None
    tags: list[str] | None = Field(default=None, max_length=50)
    opted_out_marketing: bool | None = None


class ContactSummaryRead(Schema):
    id: uuid.UUID
    wa_id: str
    name: str
    opted_out_marketing: bool
    last_inbound_at: datetime | None
