"""Who is calling: a signed-in member (cookie + CSRF) or a machine client (API token)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from imaradesk.auth import service as auth
from imaradesk.auth.tokens import CSRF_HEADER, SESSION_COOKIE
from imaradesk.core.app_state import AppSettings
from imaradesk.core.crypto import constant_time_equals
from imaradesk.core.errors import Forbidden, NotAuthenticated
from imaradesk.db.session import Session
from imaradesk.workspaces import api_tokens
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces.models import Role
from imaradesk.workspaces.roles import require_at_least

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Actor:
    workspace_id: uuid.UUID
    role: Role
    membership_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None
    api_token_id: uuid.UUID | None = None


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


async def get_actor(request: Request, session: Session, settings: AppSettings) -> Actor:
    token = _bearer_token(request)
    if token is not None:
        api_token = await api_tokens.authenticate_api_token(session, token)
        return Actor(workspace_id=api_token.workspace_id, role=api_token.role, api_token_id=api_token.id)

    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise NotAuthenticated()
    claims = await auth.resolve_session(session, settings, cookie)
    if request.method not in _SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not constant_time_equals(sent, claims.csrf):
            raise Forbidden(
                f"Missing or wrong {CSRF_HEADER} header; reload the page and try again.",
                code="csrf_failed",
            )
    membership = await workspaces.get_membership_of_user(session, claims.workspace_id, claims.user_id)
    if membership is None:
        raise NotAuthenticated("You are no longer a member of this workspace.", code="not_a_member")
    return Actor(
        workspace_id=membership.workspace_id,
        role=membership.role,
        membership_id=membership.id,
        user_id=membership.user_id,
        session_id=claims.session_id,
    )


def require_role(role: Role) -> Callable[..., Awaitable[Actor]]:
    async def dependency(actor: Annotated[Actor, Depends(get_actor)]) -> Actor:
        require_at_least(actor.role, role)
        return actor

    return dependency


CurrentActor = Annotated[Actor, Depends(get_actor)]
AdminActor = Annotated[Actor, Depends(require_role(Role.admin))]
OwnerActor = Annotated[Actor, Depends(require_role(Role.owner))]
