"""Invite someone by link: the token is shown once to the inviter, only its hash is stored."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth import service as auth
from imaradesk.auth.service import IssuedSession
from imaradesk.config import Settings
from imaradesk.core import clock
from imaradesk.core.crypto import hash_token, new_token
from imaradesk.core.errors import AppError, Conflict, NotFound
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces.models import Invitation, Role
from imaradesk.workspaces.repository import (
    InvitationRepository,
    InvitationTokenRepository,
    MembershipRepository,
)
from imaradesk.workspaces.roles import check_can_grant
from imaradesk.workspaces.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationPreview,
    InvitationRead,
    MeRead,
)


class InvitationExpired(AppError):
    status_code = 410
    code = "invitation_expired"
    message = "This invitation has expired; ask for a new one."


async def list_invitations(session: AsyncSession, workspace_id: uuid.UUID) -> Sequence[Invitation]:
    return await InvitationRepository(session, workspace_id).pending()


async def create_invitation(
    session: AsyncSession,
    settings: Settings,
    workspace_id: uuid.UUID,
    *,
    actor_role: Role,
    invited_by_id: uuid.UUID | None,
    data: InvitationCreate,
) -> InvitationCreated:
    check_can_grant(actor_role, data.role)
    email = auth.normalise_email(data.email)
    existing = await auth.get_user_by_email(session, email)
    if existing and await MembershipRepository(session, workspace_id).get_for_user(existing.id):
        raise Conflict(f"{email} is already a member of this workspace.", code="already_member")
    token = new_token()
    invitation = InvitationRepository(session, workspace_id).add(
        Invitation(
            email=email,
            role=data.role,
            token_hash=hash_token(token),
            invited_by_id=invited_by_id,
            expires_at=clock.now() + timedelta(days=settings.auth.invitation_days),
        )
    )
    await session.flush()
    return InvitationCreated(
        **InvitationRead.model_validate(invitation).model_dump(),
        token=token,
        accept_url=f"{settings.public_url.rstrip('/')}/invite/{token}",
    )


async def revoke_invitation(session: AsyncSession, workspace_id: uuid.UUID, invitation_id: uuid.UUID) -> None:
    invitations = InvitationRepository(session, workspace_id)
    await invitations.delete(await invitations.get_or_404(invitation_id, "invitation"))


async def _usable_invitation(session: AsyncSession, token: str) -> Invitation:
    invitation = await InvitationTokenRepository(session).get_by_token_hash(hash_token(token))
    if invitation is None or invitation.accepted_at is not None:
        raise NotFound("This invitation link is not valid or was already used.", code="invitation_not_found")
    if invitation.expires_at <= clock.now():
        raise InvitationExpired()
    return invitation


async def preview_invitation(session: AsyncSession, token: str) -> InvitationPreview:
    invitation = await _usable_invitation(session, token)
    workspace = await workspaces.get_workspace(session, invitation.workspace_id)
    return InvitationPreview(
        workspace_name=workspace.name,
        email=invitation.email,
        role=invitation.role,
        expires_at=invitation.expires_at,
    )


async def accept_invitation(
    session: AsyncSession, settings: Settings, token: str, data: InvitationAccept
) -> tuple[MeRead, IssuedSession]:
    """Joins the workspace; an existing account must prove it knows its password."""
    invitation = await _usable_invitation(session, token)
    user = await auth.get_user_by_email(session, invitation.email)
    if user is None:
        user = await auth.create_user(session, email=invitation.email, name=data.name, password=data.password)
    else:
        user = await auth.verify_credentials(session, settings, invitation.email, data.password)
    membership = await workspaces.add_member(session, invitation.workspace_id, user=user, role=invitation.role)
    invitation.accepted_at = clock.now()
    issued = await auth.open_session(session, settings, user_id=user.id, workspace_id=invitation.workspace_id)
    return await workspaces.get_me(session, invitation.workspace_id, membership.id), issued
