"""Sign-up, login, logout, CSRF and session validity (spec §1)."""

import uuid
from datetime import timedelta

import httpx
import jwt

from imaradesk.core import clock
from tests.conftest import TEST_SECRET
from tests.factories.workspaces import DEFAULT_PASSWORD, make_workspace, sign_in

SIGNUP = "/api/v1/auth/signup"
LOGIN = "/api/v1/auth/login"
GOOD = {
    "workspace_name": "Mama Mboga Ltd",
    "name": "Wanjiku",
    "email": "Wanjiku@Example.com",
    "password": DEFAULT_PASSWORD,
}


async def test_signup_creates_workspace_and_owner_and_signs_in(client: httpx.AsyncClient) -> None:
    response = await client.post(SIGNUP, json=GOOD)
    assert response.status_code == 201, response.text
    me = response.json()
    assert me["user"]["email"] == "wanjiku@example.com"
    assert me["workspace"]["name"] == "Mama Mboga Ltd"
    assert me["workspace"]["slug"] == "mama-mboga-ltd"
    assert me["member"]["role"] == "owner"
    set_cookie = " ".join(response.headers.get_list("set-cookie"))
    assert "imaradesk_session=" in set_cookie and "HttpOnly" in set_cookie and "SameSite=lax" in set_cookie
    assert (await client.get("/api/v1/auth/me")).json()["user"]["name"] == "Wanjiku"


async def test_duplicate_signup_email_is_409_and_creates_no_second_workspace(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.post(SIGNUP, json=GOOD)).status_code == 201
    again = await client.post(SIGNUP, json={**GOOD, "workspace_name": "Second", "email": "wanjiku@example.com"})
    assert again.status_code == 409
    assert again.json()["code"] == "email_taken"
    me = await client.post(LOGIN, json={"email": GOOD["email"], "password": GOOD["password"]})
    assert me.json()["workspace"]["name"] == "Mama Mboga Ltd"


async def test_weak_password_is_refused_on_the_password_field(client: httpx.AsyncClient) -> None:
    response = await client.post(SIGNUP, json={**GOOD, "password": "short"})
    assert response.status_code == 422
    assert "at least 10" in response.json()["details"]["fields"]["password"]
    login = await client.post(LOGIN, json={"email": GOOD["email"], "password": "short"})
    assert login.json()["code"] == "invalid_credentials"


async def test_wrong_password_and_unknown_user_get_the_same_answer(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    wrong = await client.post(LOGIN, json={"email": owner.email, "password": "not the password"})
    unknown = await client.post(LOGIN, json={"email": "ghost@example.com", "password": DEFAULT_PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert "imaradesk_session" not in wrong.cookies


async def test_failed_logins_are_rate_limited_with_retry_after(client: httpx.AsyncClient, session, app) -> None:
    owner = await make_workspace(session)
    attempts = app.state.settings.auth.login_attempts
    for _ in range(attempts):
        assert (await client.post(LOGIN, json={"email": owner.email, "password": "guess guess!"})).status_code == 401
    limited = await client.post(LOGIN, json={"email": owner.email, "password": DEFAULT_PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    clock.advance(timedelta(seconds=app.state.settings.auth.login_window_seconds + 1))
    assert (await client.post(LOGIN, json={"email": owner.email, "password": DEFAULT_PASSWORD})).status_code == 200


async def test_writes_need_the_csrf_header(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    csrf = client.headers.pop("X-CSRF-Token")
    missing = await client.post("/api/v1/teams", json={"name": "Sales"})
    wrong = await client.post("/api/v1/teams", json={"name": "Sales"}, headers={"X-CSRF-Token": "forged"})
    assert missing.status_code == wrong.status_code == 403
    assert missing.json()["code"] == "csrf_failed"
    assert (await client.get("/api/v1/teams")).json() == []
    ok = await client.post("/api/v1/teams", json={"name": "Sales"}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201


async def test_logout_invalidates_the_session_token(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    token = client.cookies["imaradesk_session"]
    assert (await client.post("/api/v1/auth/logout")).status_code == 204
    client.cookies.set("imaradesk_session", token)  # an attacker replaying the old cookie
    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] == "session_revoked"


async def test_expired_session_is_refused(client: httpx.AsyncClient, session, app) -> None:
    await sign_in(client, await make_workspace(session))
    clock.advance(timedelta(hours=app.state.settings.auth.session_hours + 1))
    response = await client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["code"] in {"session_expired", "session_revoked"}


async def test_forged_jwt_is_refused(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    forged = jwt.encode(
        {
            "sid": str(uuid.uuid4()),
            "sub": str(uuid.uuid4()),
            "ws": str(owner.workspace_id),
            "csrf": "x",
            "exp": 4102444800,
        },
        "not-the-server-secret-0123456789",
        algorithm="HS256",
    )
    client.cookies.set("imaradesk_session", forged)
    response = await client.get("/api/v1/members")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_session"


async def test_jwt_signed_with_none_algorithm_is_refused(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    claims = jwt.decode(client.cookies["imaradesk_session"], TEST_SECRET, algorithms=["HS256"])
    client.cookies.set("imaradesk_session", jwt.encode(claims, key="", algorithm="none"))
    assert (await client.get("/api/v1/members")).status_code == 401


async def test_requests_without_credentials_are_401(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/members")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
