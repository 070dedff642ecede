from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select

from imaradesk.auth.models import AuthSession, LoginAttempt, User
from imaradesk.db.repository import Repository


class UserRepository(Repository[User]):
    model = User

    async def get_by_email(self, email: str) -> User | None:
        return await self.first(select(User).where(User.email == email))

    async def get_many(self, user_ids: Sequence[uuid.UUID]) -> Sequence[User]:
        return await self.all(select(User).where(User.id.in_(user_ids)))


class AuthSessionRepository(Repository[AuthSession]):
    model = AuthSession

    async def revoke_all_for_user(self, user_id: uuid.UUID, workspace_id: uuid.UUID, at: datetime) -> None:
        for auth_session in await self.all(
            select(AuthSession).where(
                AuthSession.user_id == user_id,
                AuthSession.workspace_id == workspace_id,
                AuthSession.revoked_at.is_(None),
            )
        ):
            auth_session.revoked_at = at


class LoginAttemptRepository(Repository[LoginAttempt]):
    model = LoginAttempt

    async def count_since(self, email: str, since: datetime) -> int:
        total = await self.session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(LoginAttempt.email == email, LoginAttempt.attempted_at >= since)
        )
        return int(total or 0)

    async def clear(self, email: str) -> None:
        await self.session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
