"""Tenancy: sign-up, login into a workspace, workspace settings and members."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth import service as auth
from imaradesk.auth.models import User
from imaradesk.auth.service import IssuedSession
from imaradesk.config import Settings
from imaradesk.core.crypto import new_token
from imaradesk.core.errors import Conflict, Forbidden, NotAuthenticated
from imaradesk.core.ids import new_id
from imaradesk.workspaces.models import Membership, Role, Workspace
from imaradesk.workspaces.repository import (
    MembershipRepository,
    TeamMemberRepository,
    TeamRepository,
    UserMembershipRepository,
    WorkspaceRowRepository,
)
from imaradesk.workspaces.roles import check_can_grant, check_can_manage
from imaradesk.workspaces.schemas import (
    LoginCreate,
    MemberCreate,
    MemberRead,
    MemberSummary,
    MemberUpdate,
    MeRead,
    SignupCreate,
    UserRead,
    WorkspaceRead,
    WorkspaceUpdate,
)


class LastOwner(Conflict):
    code = "last_owner"
    message = "A workspace needs at least one owner; make someone else owner first."


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
    return slug or "workspace"


async def _unique_slug(session: AsyncSession, name: str) -> str:
    base = _slugify(name)
    workspaces = WorkspaceRowRepository(session)
    slug = base
    while await workspaces.slug_exists(slug):
        slug = f"{base}-{new_token(3).lower().replace('_', '').replace('-', '')[:4]}"
    return slug


async def create_workspace(session: AsyncSession, *, name: str, owner: User) -> tuple[Workspace, Membership]:
    workspace = WorkspaceRowRepository(session).add(
        Workspace(id=new_id(), name=name, slug=await _unique_slug(session, name))
    )
    await session.flush()  # no ORM relationships, so the insert order is ours to keep
    membership = MembershipRepository(session, workspace.id).add(Membership(user_id=owner.id, role=Role.owner))
    await session.flush()
    return workspace, membership


def _me(user: User, workspace: Workspace, membership: Membership) -> MeRead:
    return MeRead(
        user=UserRead.model_validate(user),
        workspace=WorkspaceRead.model_validate(workspace),
        member=MemberSummary.model_validate(membership),
    )


async def signup(session: AsyncSession, settings: Settings, data: SignupCreate) -> tuple[MeRead, IssuedSession]:
    user = await auth.create_user(session, email=data.email, name=data.name, password=data.password)
    workspace, membership = await create_workspace(session, name=data.workspace_name, owner=user)
    issued = await auth.open_session(session, settings, user_id=user.id, workspace_id=workspace.id)
    return _me(user, workspace, membership), issued


async def login(session: AsyncSession, settings: Settings, data: LoginCreate) -> tuple[MeRead, IssuedSession]:
    user = await auth.verify_credentials(session, settings, data.email, data.password)
    membership = await UserMembershipRepository(session).first_for_user(user.id)
    if membership is None:
        raise NotAuthenticated("This account is not a member of any workspace.", code="no_workspace")
    workspace = await WorkspaceRowRepository(session).get_or_404(membership.workspace_id, "workspace")
    issued = await auth.open_session(session, settings, user_id=user.id, workspace_id=workspace.id)
    return _me(user, workspace, membership), issued


async def get_membership_of_user(
    session: AsyncSession, workspace_id: uuid.UUID, user_id: uuid.UUID
) -> Membership | None:
    return await UserMembershipRepository(session).get_in_workspace(user_id, workspace_id)


async def get_me(session: AsyncSession, workspace_id: uuid.UUID, membership_id: uuid.UUID | None) -> MeRead:
    if membership_id is None:
        raise Forbidden("API tokens act for the workspace, not for a person.", code="no_user")
    membership = await MembershipRepository(session, workspace_id).get_or_404(membership_id, "member")
    workspace = await WorkspaceRowRepository(session).get_or_404(workspace_id, "workspace")
    return _me(await auth.get_user(session, membership.user_id), workspace, membership)


async def get_workspace(session: AsyncSession, workspace_id: uuid.UUID) -> Workspace:
    return await WorkspaceRowRepository(session).get_or_404(workspace_id, "workspace")


async def update_workspace(session: AsyncSession, workspace_id: uuid.UUID, data: WorkspaceUpdate) -> Workspace:
    workspace = await get_workspace(session, workspace_id)
    for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(workspace, field, value)
    await session.flush()
    return workspace


async def list_members(session: AsyncSession, workspace_id: uuid.UUID) -> list[MemberRead]:
    memberships = await MembershipRepository(session, workspace_id).list_ordered()
    return await _member_reads(session, workspace_id, memberships)


async def _member_reads(
    session: AsyncSession, workspace_id: uuid.UUID, memberships: Sequence[Membership]
) -> list[MemberRead]:
    users = await auth.get_users(session, [m.user_id for m in memberships])
    teams_of: dict[uuid.UUID, list[uuid.UUID]] = {}
    for pair in await TeamMemberRepository(session, workspace_id).pairs():
        teams_of.setdefault(pair.membership_id, []).append(pair.team_id)
    return [
        MemberRead(
            id=m.id,
            user_id=m.user_id,
            name=users[m.user_id].name,
            email=users[m.user_id].email,
            role=m.role,
            availability=m.availability,
            max_concurrent_chats=m.max_concurrent_chats,
            team_ids=teams_of.get(m.id, []),
            created_at=m.created_at,
        )
        for m in memberships
    ]


async def get_member(session: AsyncSession, workspace_id: uuid.UUID, membership_id: uuid.UUID) -> MemberRead:
    membership = await MembershipRepository(session, workspace_id).get_or_404(membership_id, "member")
    return (await _member_reads(session, workspace_id, [membership]))[0]


async def add_member(session: AsyncSession, workspace_id: uuid.UUID, *, user: User, role: Role) -> Membership:
    members = MembershipRepository(session, workspace_id)
    if await members.get_for_user(user.id) is not None:
        raise Conflict(f"{user.email} is already a member of this workspace.", code="already_member")
    membership = members.add(Membership(user_id=user.id, role=role))
    await session.flush()
    return membership


async def create_member(
    session: AsyncSession, workspace_id: uuid.UUID, actor_role: Role, data: MemberCreate
) -> MemberRead:
    check_can_grant(actor_role, data.role)
    user = await auth.create_user(session, email=data.email, name=data.name, password=data.password)
    membership = await add_member(session, workspace_id, user=user, role=data.role)
    return await get_member(session, workspace_id, membership.id)


async def update_member(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    *,
    actor_role: Role,
    actor_membership_id: uuid.UUID | None,
    membership_id: uuid.UUID,
    data: MemberUpdate,
) -> MemberRead:
    members = MembershipRepository(session, workspace_id)
    membership = await members.get_or_404(membership_id, "member")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    is_self = membership.id == actor_membership_id
    if not (is_self and set(changes) <= {"availability"}):
        check_can_manage(actor_role, membership.role)
    if "role" in changes:
        check_can_grant(actor_role, data.role)  # type: ignore[arg-type]
        if membership.role == Role.owner and data.role != Role.owner and await members.count_owners() <= 1:
            raise LastOwner()
    for field, value in changes.items():
        setattr(membership, field, value)
    await session.flush()
    return await get_member(session, workspace_id, membership.id)


async def remove_member(
    session: AsyncSession, workspace_id: uuid.UUID, *, actor_role: Role, membership_id: uuid.UUID
) -> None:
    members = MembershipRepository(session, workspace_id)
    membership = await members.get_or_404(membership_id, "member")
    check_can_manage(actor_role, membership.role)
    if membership.role == Role.owner and await members.count_owners() <= 1:
        raise LastOwner()
    await auth.revoke_sessions(session, user_id=membership.user_id, workspace_id=workspace_id)
    await members.delete(membership)
    await session.flush()


async def is_member(session: AsyncSession, workspace_id: uuid.UUID, membership_id: uuid.UUID) -> bool:
    return await MembershipRepository(session, workspace_id).get(membership_id) is not None


async def is_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID) -> bool:
    return await TeamRepository(session, workspace_id).get(team_id) is not None
