"""Teams of agents (used later for routing and auto-assignment)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core.errors import Conflict, FieldInvalid
from imaradesk.core.ids import new_id
from imaradesk.workspaces.models import Team
from imaradesk.workspaces.repository import MembershipRepository, TeamMemberRepository, TeamRepository
from imaradesk.workspaces.schemas import TeamCreate, TeamRead, TeamUpdate


async def _reads(session: AsyncSession, workspace_id: uuid.UUID, teams: Sequence[Team]) -> list[TeamRead]:
    pairs = await TeamMemberRepository(session, workspace_id).pairs()
    return [
        TeamRead(
            id=t.id,
            name=t.name,
            description=t.description,
            member_ids=[p.membership_id for p in pairs if p.team_id == t.id],
            created_at=t.created_at,
        )
        for t in teams
    ]


async def _read(session: AsyncSession, workspace_id: uuid.UUID, team: Team) -> TeamRead:
    return (await _reads(session, workspace_id, [team]))[0]


async def list_teams(session: AsyncSession, workspace_id: uuid.UUID) -> list[TeamRead]:
    return await _reads(session, workspace_id, await TeamRepository(session, workspace_id).list_ordered())


async def _check_name_free(teams: TeamRepository, name: str, team_id: uuid.UUID | None = None) -> None:
    existing = await teams.get_by_name(name)
    if existing is not None and existing.id != team_id:
        raise Conflict(f"A team called {name!r} already exists.", code="team_exists")


async def _check_members(session: AsyncSession, workspace_id: uuid.UUID, member_ids: list[uuid.UUID]) -> None:
    members = MembershipRepository(session, workspace_id)
    for member_id in member_ids:
        if await members.get(member_id) is None:
            raise FieldInvalid("member_ids", f"No member with id {member_id} in this workspace.")


async def create_team(session: AsyncSession, workspace_id: uuid.UUID, data: TeamCreate) -> TeamRead:
    teams = TeamRepository(session, workspace_id)
    await _check_name_free(teams, data.name)
    await _check_members(session, workspace_id, data.member_ids)
    team = teams.add(Team(id=new_id(), name=data.name, description=data.description))
    await teams.flush()
    await TeamMemberRepository(session, workspace_id).replace_members(team.id, data.member_ids)
    return await _read(session, workspace_id, team)


async def update_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID, data: TeamUpdate) -> TeamRead:
    teams = TeamRepository(session, workspace_id)
    team = await teams.get_or_404(team_id, "team")
    if data.name is not None:
        await _check_name_free(teams, data.name, team.id)
        team.name = data.name
    if data.description is not None:
        team.description = data.description
    if data.member_ids is not None:
        await _check_members(session, workspace_id, data.member_ids)
        await TeamMemberRepository(session, workspace_id).replace_members(team.id, data.member_ids)
    await teams.flush()
    return await _read(session, workspace_id, team)


async def delete_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID) -> None:
    teams = TeamRepository(session, workspace_id)
    await teams.delete(await teams.get_or_404(team_id, "team"))
