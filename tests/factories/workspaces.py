"""Builders for workspaces and members, plus signing a client in as one of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth import service as auth
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces.models import Membership, Role, Workspace

DEFAULT_PASSWORD = "correct horse battery"


@dataclass
class MemberHandle:
    workspace: Workspace
    membership: Membership
    email: str
    password: str = DEFAULT_PASSWORD

    @property
    def workspace_id(self) -> uuid.UUID:
        return self.workspace.id


async def make_workspace(session: AsyncSession, name: str = "Acme Shop") -> MemberHandle:
    email = f"owner-{uuid.uuid4().hex[:8]}@example.com"
    user = await auth.create_user(session, email=email, name="Olivia Owner", password=DEFAULT_PASSWORD)
    workspace, membership = await workspaces.create_workspace(session, name=name, owner=user)
    await session.commit()
    return MemberHandle(workspace, membership, email)


async def make_member(session: AsyncSession, owner: MemberHandle, role: Role = Role.agent) -> MemberHandle:
    email = f"{role.value}-{uuid.uuid4().hex[:8]}@example.com"
    user = await auth.create_user(session, email=email, name=f"{role.value.title()} Person", password=DEFAULT_PASSWORD)
    membership = await workspaces.add_member(session, owner.workspace_id, user=user, role=role)
    await session.commit()
    return MemberHandle(owner.workspace, membership, email)


async def sign_in(client: httpx.AsyncClient, member: MemberHandle) -> httpx.AsyncClient:
    """Log the client in by the real endpoint and echo the CSRF cookie as the web app does."""
    response = await client.post("/api/v1/auth/login", json={"email": member.email, "password": member.password})
    assert response.status_code == 200, response.text
    client.headers["X-CSRF-Token"] = client.cookies["imaradesk_csrf"]
    return client
