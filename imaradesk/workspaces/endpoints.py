import uuid
from collections.abc import Sequence

from fastapi import APIRouter, status

from imaradesk.core.app_state import AppSettings
from imaradesk.db.session import Session
from imaradesk.workspaces import api_tokens, invitations, teams
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces.dependencies import AdminActor, CurrentActor
from imaradesk.workspaces.models import ApiToken, Invitation, Workspace
from imaradesk.workspaces.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenRead,
    InvitationCreate,
    InvitationCreated,
    InvitationRead,
    MemberCreate,
    MemberRead,
    MemberUpdate,
    TeamCreate,
    TeamRead,
    TeamUpdate,
    WorkspaceRead,
    WorkspaceUpdate,
)

router = APIRouter(tags=["workspace"])


@router.get("/workspace", response_model=WorkspaceRead)
async def read_workspace(session: Session, actor: CurrentActor) -> Workspace:
    return await workspaces.get_workspace(session, actor.workspace_id)


@router.patch("/workspace", response_model=WorkspaceRead)
async def update_workspace(session: Session, actor: AdminActor, data: WorkspaceUpdate) -> Workspace:
    return await workspaces.update_workspace(session, actor.workspace_id, data)


@router.get("/members", response_model=list[MemberRead])
async def list_members(session: Session, actor: CurrentActor) -> list[MemberRead]:
    return await workspaces.list_members(session, actor.workspace_id)


@router.post("/members", response_model=MemberRead, status_code=status.HTTP_201_CREATED)
async def create_member(session: Session, actor: AdminActor, data: MemberCreate) -> MemberRead:
    return await workspaces.create_member(session, actor.workspace_id, actor.role, data)


@router.get("/members/{member_id}", response_model=MemberRead)
async def read_member(session: Session, actor: CurrentActor, member_id: uuid.UUID) -> MemberRead:
    return await workspaces.get_member(session, actor.workspace_id, member_id)


@router.patch("/members/{member_id}", response_model=MemberRead)
async def update_member(session: Session, actor: CurrentActor, member_id: uuid.UUID, data: MemberUpdate) -> MemberRead:
    return await workspaces.update_member(
        session,
        actor.workspace_id,
        actor_role=actor.role,
        actor_membership_id=actor.membership_id,
        membership_id=member_id,
        data=data,
    )


@router.delete("/members/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_member(session: Session, actor: AdminActor, member_id: uuid.UUID) -> None:
    await workspaces.remove_member(session, actor.workspace_id, actor_role=actor.role, membership_id=member_id)


@router.get("/invitations", response_model=list[InvitationRead])
async def list_invitations(session: Session, actor: AdminActor) -> Sequence[Invitation]:
    return await invitations.list_invitations(session, actor.workspace_id)


@router.post("/invitations", response_model=InvitationCreated, status_code=status.HTTP_201_CREATED)
async def create_invitation(
    session: Session, settings: AppSettings, actor: AdminActor, data: InvitationCreate
) -> InvitationCreated:
    return await invitations.create_invitation(
        session,
        settings,
        actor.workspace_id,
        actor_role=actor.role,
        invited_by_id=actor.membership_id,
        data=data,
    )


@router.delete("/invitations/{invitation_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_invitation(session: Session, actor: AdminActor, invitation_id: uuid.UUID) -> None:
    await invitations.revoke_invitation(session, actor.workspace_id, invitation_id)


@router.get("/teams", response_model=list[TeamRead])
async def list_teams(session: Session, actor: CurrentActor) -> list[TeamRead]:
    return await teams.list_teams(session, actor.workspace_id)


@router.post("/teams", response_model=TeamRead, status_code=status.HTTP_201_CREATED)
async def create_team(session: Session, actor: AdminActor, data: TeamCreate) -> TeamRead:
    return await teams.create_team(session, actor.workspace_id, data)


@router.patch("/teams/{team_id}", response_model=TeamRead)
async def update_team(session: Session, actor: AdminActor, team_id: uuid.UUID, data: TeamUpdate) -> TeamRead:
    return await teams.update_team(session, actor.workspace_id, team_id, data)


@router.delete("/teams/{team_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_team(session: Session, actor: AdminActor, team_id: uuid.UUID) -> None:
    await teams.delete_team(session, actor.workspace_id, team_id)


@router.get("/api-tokens", response_model=list[ApiTokenRead])
async def list_api_tokens(session: Session, actor: AdminActor) -> Sequence[ApiToken]:
    return await api_tokens.list_tokens(session, actor.workspace_id)


@router.post("/api-tokens", response_model=ApiTokenCreated, status_code=status.HTTP_201_CREATED)
async def create_api_token(session: Session, actor: AdminActor, data: ApiTokenCreate) -> ApiTokenCreated:
    return await api_tokens.create_token(
        session, actor.workspace_id, actor_role=actor.role, created_by_id=actor.membership_id, data=data
    )


@router.delete("/api-tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_token(session: Session, actor: AdminActor, token_id: uuid.UUID) -> None:
    await api_tokens.revoke_token(session, actor.workspace_id, token_id)
