"""API tokens for machine clients: hashed at rest, shown once, revocable."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core import clock
from imaradesk.core.crypto import hash_token, new_token
from imaradesk.core.errors import FieldInvalid, NotAuthenticated
from imaradesk.workspaces.models import ApiToken, Role
from imaradesk.workspaces.repository import ApiTokenLookupRepository, ApiTokenRepository
from imaradesk.workspaces.roles import check_can_grant
from imaradesk.workspaces.schemas import ApiTokenCreate, ApiTokenCreated, ApiTokenRead

TOKEN_PREFIX = "imd_"  # noqa: S105 (a prefix, not a secret)


async def list_tokens(session: AsyncSession, workspace_id: uuid.UUID) -> Sequence[ApiToken]:
    return await ApiTokenRepository(session, workspace_id).list_ordered()


async def create_token(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    *,
    actor_role: Role,
    created_by_id: uuid.UUID | None,
    data: ApiTokenCreate,
) -> ApiTokenCreated:
    if data.role == Role.owner:
        raise FieldInvalid("role", "API tokens can be admin or agent, never owner.")
    check_can_grant(actor_role, data.role)
    token = TOKEN_PREFIX + new_token()
    row = ApiTokenRepository(session, workspace_id).add(
        ApiToken(
            name=data.name,
            prefix=token[:10],
            token_hash=hash_token(token),
            role=data.role,
            created_by_id=created_by_id,
        )
    )
    await session.flush()
    return ApiTokenCreated(**ApiTokenRead.model_validate(row).model_dump(), token=token)


async def revoke_token(session: AsyncSession, workspace_id: uuid.UUID, token_id: uuid.UUID) -> None:
    row = await ApiTokenRepository(session, workspace_id).get_or_404(token_id, "API token")
    if row.revoked_at is None:
        row.revoked_at = clock.now()


async def authenticate_api_token(session: AsyncSession, token: str) -> ApiToken:
    row = await ApiTokenLookupRepository(session).get_active_by_hash(hash_token(token))
    if row is None:
        raise NotAuthenticated("The API token is unknown or revoked.", code="invalid_api_token")
    row.last_used_at = clock.now()
    return row
