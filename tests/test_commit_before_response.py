"""A request's writes are committed before its response starts: the client's next request sees them.

(With FastAPI's default dependency scope the unit of work committed after the response was sent,
and a client that signed in and went on at once could be told its session did not exist.)
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import MutableMapping
from typing import Any

import pytest
from sqlalchemy import text

from imaradesk.app import create_app
from imaradesk.config import Settings
from imaradesk.db.session import Database

EMAIL = "first-request@example.com"


@pytest.mark.committed
async def test_the_sign_up_is_in_the_database_when_its_response_starts(
    committed_database: Database, settings: Settings
) -> None:
    app = create_app(settings, database=committed_database)
    body = json.dumps(
        {"workspace_name": "Early Bird", "name": "Ada", "email": EMAIL, "password": "correct horse battery"}
    ).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/auth/signup",
        "raw_path": b"/api/v1/auth/signup",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    received = False

    async def receive() -> dict[str, Any]:
        nonlocal received
        if received:
            await asyncio.sleep(3600)
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    seen: dict[str, Any] = {}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]
            async with asyncio.timeout(5), committed_database.engine.connect() as connection:
                query = text("SELECT count(*) FROM users WHERE email = :email")
                seen["users"] = (await connection.execute(query, {"email": EMAIL})).scalar()

    await app(scope, receive, send)
    assert seen == {"status": 201, "users": 1}
