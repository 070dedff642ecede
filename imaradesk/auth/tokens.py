"""The session JWT carried by the httpOnly cookie, and its CSRF companion value."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import jwt

from imaradesk.core.errors import NotAuthenticated

ALGORITHM = "HS256"
SESSION_COOKIE = "imaradesk_session"
CSRF_COOKIE = "imaradesk_csrf"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class SessionClaims:
    session_id: uuid.UUID
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    csrf: str


def encode_session(claims: SessionClaims, expires_at: datetime, secret_key: str) -> str:
    payload = {
        "sid": str(claims.session_id),
        "sub": str(claims.user_id),
        "ws": str(claims.workspace_id),
        "csrf": claims.csrf,
        "exp": int(expires_at.timestamp()),
    }
    return jwt.encode(payload, secret_key, algorithm=ALGORITHM)


def decode_session(token: str, secret_key: str) -> SessionClaims:
    try:
        payload = jwt.decode(
            token, secret_key, algorithms=[ALGORITHM], options={"require": ["exp", "sid", "sub", "ws"]}
        )
        return SessionClaims(
            session_id=uuid.UUID(payload["sid"]),
            user_id=uuid.UUID(payload["sub"]),
            workspace_id=uuid.UUID(payload["ws"]),
            csrf=str(payload.get("csrf", "")),
        )
    except jwt.ExpiredSignatureError as exc:
        raise NotAuthenticated("Your session has expired; please sign in again.", code="session_expired") from exc
    except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
        raise NotAuthenticated("Your session is not valid; please sign in again.", code="invalid_session") from exc
