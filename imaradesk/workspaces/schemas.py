from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import available_timezones

from pydantic import EmailStr, Field, field_validator

from imaradesk.core.schemas import Schema, StrictInput
from imaradesk.workspaces.models import Availability, Role

Name = Field(min_length=1, max_length=200)
_TIMEZONES = frozenset(available_timezones())


def _check_timezone(value: str | None) -> str | None:
    if value is not None and value not in _TIMEZONES:
        raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Africa/Nairobi")
    return value


class SignupCreate(StrictInput):
    workspace_name: str = Name
    name: str = Name
    email: EmailStr
    password: str = Field(max_length=200)


class LoginCreate(StrictInput):
    email: EmailStr
    password: str = Field(max_length=200)


class UserRead(Schema):
    id: uuid.UUID
    email: str
    name: str


class WorkspaceRead(Schema):
    id: uuid.UUID
    name: str
    slug: str
    timezone: str
    language: str
    created_at: datetime


class WorkspaceUpdate(StrictInput):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    timezone: str | None = None
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1 code")

    _tz = field_validator("timezone")(_check_timezone)


class MemberSummary(Schema):
    id: uuid.UUID
    role: Role
    availability: Availability
    max_concurrent_chats: int


class MeRead(Schema):
    user: UserRead
    workspace: WorkspaceRead
    member: MemberSummary


class MemberRead(Schema):
    id: uuid.UUID
    user_id: uuid.UUID
    name: str
    email: str
    role: Role
    availability: Availability
    max_concurrent_chats: int
    team_ids: list[uuid.UUID]
    created_at: datetime


class MemberCreate(StrictInput):
    email: EmailStr
    name: str = Name
    role: Role = Role.agent
    password: str = Field(max_length=200)


class MemberUpdate(StrictInput):
    role: Role | None = None
    availability: Availability | None = None
    max_concurrent_chats: int | None = Field(default=None, ge=1, le=100)


class InvitationCreate(StrictInput):
    email: EmailStr
    role: Role = Role.agent


class InvitationRead(Schema):
    id: uuid.UUID
    email: str
    role: Role
    expires_at: datetime
    created_at: datetime


class InvitationCreated(InvitationRead):
    token: str = Field(description="Shown once; the invitee opens accept_url to join")
    accept_url: str


class InvitationPreview(Schema):
    workspace_name: str
    email: str
    role: Role
    expires_at: datetime


class InvitationAccept(StrictInput):
    name: str = Name
    password: str = Field(max_length=200)


class TeamCreate(StrictInput):
    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=500)
    member_ids: list[uuid.UUID] = Field(default_factory=list)


class TeamUpdate(StrictInput):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    description: str | None = Field(default=None, max_length=500)
    member_ids: list[uuid.UUID] | None = None


class TeamRead(Schema):
    id: uuid.UUID
    name: str
    description: str
    member_ids: list[uuid.UUID]
    created_at: datetime


class ApiTokenCreate(StrictInput):
    name: str = Field(min_length=1, max_length=120)
    role: Role = Field(default=Role.admin, description="Permissions of the token: admin or agent")


class ApiTokenRead(Schema):
    id: uuid.UUID
    name: str
    prefix: str
    role: Role
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreated(ApiTokenRead):
    token: str = Field(description="Shown once; send it as `Authorization: Bearer <token>`")
