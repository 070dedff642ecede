"""Every failure is JSON `{code, message, details}`; bad bodies are refused before anything is written."""

from collections.abc import AsyncIterator

import httpx

from tests.factories.workspaces import make_workspace, sign_in

SIGNUP = "/api/v1/auth/signup"


async def test_malformed_json_is_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.post(SIGNUP, content=b'{"email": ', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_json"


async def test_validation_errors_name_each_field(client: httpx.AsyncClient) -> None:
    response = await client.post(SIGNUP, json={"workspace_name": "", "name": "A", "email": "nope", "password": "x"})
    body = response.json()
    assert response.status_code == 422
    assert body["code"] == "validation_error"
    assert set(body["details"]["fields"]) == {"workspace_name", "email"}
    assert "email" in body["message"]


async def test_unknown_fields_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        SIGNUP,
        json={
            "workspace_name": "W",
            "name": "A",
            "email": "a@example.com",
            "password": "correct horse battery",
            "role": "owner",
        },
    )
    assert response.status_code == 422
    assert "role" in response.json()["details"]["fields"]


async def test_oversized_body_is_413_and_nothing_is_written(client: httpx.AsyncClient, app) -> None:
    limit = app.state.settings.http.max_body_bytes
    payload = {
        "workspace_name": "W" * limit,
        "name": "A",
        "email": "big@example.com",
        "password": "correct horse battery",
    }
    response = await client.post(SIGNUP, json=payload)
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    login = await client.post(
        "/api/v1/auth/login", json={"email": "big@example.com", "password": "correct horse battery"}
    )
    assert login.status_code == 401


async def test_chunked_oversized_body_is_413(client: httpx.AsyncClient, app) -> None:
    limit = app.state.settings.http.max_body_bytes

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit is counted while reading
        for _ in range(limit // 1000 + 2):
            yield b"x" * 1000

    response = await client.post(SIGNUP, content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


async def test_unknown_api_route_is_json_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


async def test_malformed_id_in_url_names_the_parameter(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    response = await client.get("/api/v1/members/not-a-uuid")
    assert response.status_code == 422
    assert "member_id" in response.json()["details"]["fields"]
