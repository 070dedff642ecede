from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select

from imaradesk.db.repository import Repository, WorkspaceRepository
from imaradesk.workspaces.models import (
    ApiToken,
    Invitation,
    Membership,
    Role,
    Team,
    TeamMember,
    Workspace,
)


class WorkspaceRowRepository(Repository[Workspace]):
    model = Workspace

    async def slug_exists(self, slug: str) -> bool:
        return await self.first(select(Workspace).where(Workspace.slug == slug)) is not None


class MembershipRepository(WorkspaceRepository[Membership]):
    model = Membership

    async def get_for_user(self, user_id: uuid.UUID) -> Membership | None:
        return await self.first(self.select().where(Membership.user_id == user_id))

    async def list_ordered(self) -> Sequence[Membership]:
        return await self.all(self.select().order_by(Membership.created_at))

    async def count_owners(self) -> int:
        return await self.count(self.select().where(Membership.role == Role.owner))


class UserMembershipRepository(Repository[Membership]):
    """Memberships across workspaces, for choosing where a user lands after login."""

    model = Membership

    async def first_for_user(self, user_id: uuid.UUID) -> Membership | None:
        return await self.first(select(Membership).where(Membership.user_id == user_id).order_by(Membership.created_at))

    async def get_in_workspace(self, user_id: uuid.UUID, workspace_id: uuid.UUID) -> Membership | None:
        return await self.first(
            select(Membership).where(Membership.user_id == user_id, Membership.workspace_id == workspace_id)
        )


class TeamRepository(WorkspaceRepository[Team]):
    model = Team

    async def get_by_name(self, name: str) -> Team | None:
        return await self.first(self.select().where(func.lower(Team.name) == name.lower()))

    async def list_ordered(self) -> Sequence[Team]:
        return await self.all(self.select().order_by(Team.name))


class TeamMemberRepository(WorkspaceRepository[TeamMember]):
    model = TeamMember

    async def pairs(self) -> Sequence[TeamMember]:
        return await self.all()

    async def replace_members(self, team_id: uuid.UUID, membership_ids: Sequence[uuid.UUID]) -> None:
        await self.session.execute(
            delete(TeamMember).where(TeamMember.workspace_id == self.workspace_id, TeamMember.team_id == team_id)
        )
        for membership_id in dict.fromkeys(membership_ids):
            self.add(TeamMember(team_id=team_id, membership_id=membership_id))
        await self.flush()


class InvitationRepository(WorkspaceRepository[Invitation]):
    model = Invitation

    async def pending(self) -> Sequence[Invitation]:
        return await self.all(self.select().where(Invitation.accepted_at.is_(None)).order_by(Invitation.created_at))


class InvitationTokenRepository(Repository[Invitation]):
    """Looks an invitation up by its secret token, before anyone is signed in."""

    model = Invitation

    async def get_by_token_hash(self, token_hash: str) -> Invitation | None:
        return await self.first(select(Invitation).where(Invitation.token_hash == token_hash))


class ApiTokenRepository(WorkspaceRepository[ApiToken]):
    model = ApiToken

    async def list_ordered(self) -> Sequence[ApiToken]:
        return await self.all(self.select().order_by(ApiToken.created_at))


class ApiTokenLookupRepository(Repository[ApiToken]):
    model = ApiToken

    async def get_active_by_hash(self, token_hash: str) -> ApiToken | None:
        return await self.first(
            select(ApiToken).where(ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
        )
