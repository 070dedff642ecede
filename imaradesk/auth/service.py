"""Identity: create users, check passwords with a rate limit, open and close sessions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth.models import AuthSession, LoginAttempt, User
from imaradesk.auth.passwords import password_problem
from imaradesk.auth.repository import AuthSessionRepository, LoginAttemptRepository, UserRepository
from imaradesk.auth.tokens import SessionClaims, decode_session, encode_session
from imaradesk.config import Settings
from imaradesk.core import clock
from imaradesk.core.crypto import hash_password, new_token, verify_password
from imaradesk.core.errors import AppError, Conflict, FieldInvalid, NotAuthenticated, TooManyRequests
from imaradesk.core.ids import new_id


class InvalidCredentials(AppError):
    status_code = 401
    code = "invalid_credentials"
    message = "The e-mail or password is wrong."
    keeps_changes = True  # the failed attempt counts towards the rate limit


@dataclass(frozen=True)
class IssuedSession:
    token: str
    csrf: str
    max_age_seconds: int


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str, email: str = "") -> None:
    problem = password_problem(password, email)
    if problem:
        raise FieldInvalid("password", f"Password {problem}.")


async def create_user(session: AsyncSession, *, email: str, name: str, password: str) -> User:
    email = normalise_email(email)
    check_password(password, email)
    users = UserRepository(session)
    if await users.get_by_email(email) is not None:
        raise Conflict("An account with this e-mail already exists.", code="email_taken")
    user = users.add(User(email=email, name=name, password_hash=hash_password(password)))
    await users.flush()
    return user


async def get_user_by_email(session: AsyncSession, email: str) -> User | None:
    return await UserRepository(session).get_by_email(normalise_email(email))


async def get_user(session: AsyncSession, user_id: uuid.UUID) -> User:
    return await UserRepository(session).get_or_404(user_id, "user")


async def get_users(session: AsyncSession, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, User]:
    return {user.id: user for user in await UserRepository(session).get_many(user_ids)}


async def verify_credentials(session: AsyncSession, settings: Settings, email: str, password: str) -> User:
    """The user when the password matches; failures count towards the login rate limit."""
    email = normalise_email(email)
    attempts = LoginAttemptRepository(session)
    window = timedelta(seconds=settings.auth.login_window_seconds)
    since = clock.now() - window
    if await attempts.count_since(email, since) >= settings.auth.login_attempts:
        raise TooManyRequests(
            "Too many failed sign-in attempts; wait a few minutes and try again.",
            retry_after=settings.auth.login_window_seconds,
        )
    user = await UserRepository(session).get_by_email(email)
    if user is None or not verify_password(user.password_hash, password):
        attempts.add(LoginAttempt(email=email))
        raise InvalidCredentials()
    await attempts.clear(email)
    return user


async def open_session(
    session: AsyncSession, settings: Settings, *, user_id: uuid.UUID, workspace_id: uuid.UUID
) -> IssuedSession:
    lifetime = timedelta(hours=settings.auth.session_hours)
    expires_at = clock.now() + lifetime
    row = AuthSessionRepository(session).add(
        AuthSession(id=new_id(), user_id=user_id, workspace_id=workspace_id, expires_at=expires_at)
    )
    csrf = new_token(24)
    claims = SessionClaims(session_id=row.id, user_id=user_id, workspace_id=workspace_id, csrf=csrf)
    return IssuedSession(
        token=encode_session(claims, expires_at, settings.secret_key),
        csrf=csrf,
        max_age_seconds=int(lifetime.total_seconds()),
    )


async def resolve_session(session: AsyncSession, settings: Settings, token: str) -> SessionClaims:
    claims = decode_session(token, settings.secret_key)
    row = await AuthSessionRepository(session).get(claims.session_id)
    if row is None or row.revoked_at is not None or row.expires_at <= clock.now():
        raise NotAuthenticated("You have been signed out; please sign in again.", code="session_revoked")
    return claims


async def close_session(session: AsyncSession, session_id: uuid.UUID) -> None:
    row = await AuthSessionRepository(session).get(session_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = clock.now()


async def revoke_sessions(session: AsyncSession, *, user_id: uuid.UUID, workspace_id: uuid.UUID) -> None:
    """Sign a user out of a workspace everywhere (used when they are removed from it)."""
    await AuthSessionRepository(session).revoke_all_for_user(user_id, workspace_id, clock.now())
