"""Per-workspace AI settings over HTTP: sealed keys, routing, intent examples, connection test, call log."""

from __future__ import annotations

import logging

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import service
from imaradesk.ai import settings as ai_settings
from imaradesk.db.session import Database
from imaradesk.workspaces.models import Role
from tests.ai.cloud.conftest import Fakes, StubLocal
from tests.factories.workspaces import make_member, make_workspace, sign_in
from tests.fakes.llm_server import OUTAGE

KEY = "sk-proj-SECRETSECRETSECRET-9Q7Z"


async def add_openai(client: httpx.AsyncClient, fakes: Fakes, key: str = KEY) -> httpx.Response:
    return await client.post(
        "/api/v1/ai/providers",
        json={"kind": "openai", "api_key": key, "base_url": fakes.openai.url + "/v1", "timeout_seconds": 5},
    )


async def test_a_key_is_sealed_at_rest_and_never_returned_or_logged(
    client: httpx.AsyncClient, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    owner = await make_workspace(session)
    await sign_in(client, owner)
    created = await add_openai(client, fakes)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["has_key"] is True and body["key_last4"] == "9Q7Z"
    assert body["model"] == "gpt-4o" and body["embedding_model"] == "text-embedding-3-small"
    assert KEY not in created.text
    raw = (await session.execute(text("SELECT api_key_sealed FROM ai_providers"))).scalar_one()
    assert KEY not in raw and "SECRETSECRET" not in raw
    listed = await client.get("/api/v1/ai/providers")
    assert KEY not in listed.text and listed.json()[0]["key_last4"] == "9Q7Z"
    fakes.openai.script(OUTAGE)
    await service.understand_message(database, owner.workspace_id, "hello", previous_language=None)
    await client.post(f"/api/v1/ai/providers/{body['id']}/test")
    assert fakes.openai.requests[0].headers["authorization"] == f"Bearer {KEY}", "the sealed key opens again"
    assert KEY not in caplog.text and "SECRETSECRET" not in caplog.text


async def test_only_admins_change_ai_settings(client: httpx.AsyncClient, session: AsyncSession, fakes: Fakes) -> None:
    owner = await make_workspace(session)
    agent = await make_member(session, owner, Role.agent)
    await sign_in(client, agent)
    assert (await add_openai(client, fakes)).status_code == 403
    assert (await client.put("/api/v1/ai/routing", json={"routing": {}})).status_code == 403
    assert (await client.get("/api/v1/ai/calls")).status_code == 403
    assert (await client.get("/api/v1/ai/providers")).status_code == 200


async def test_provider_validation(client: httpx.AsyncClient, session: AsyncSession, fakes: Fakes) -> None:
    await sign_in(client, await make_workspace(session))
    missing_key = await client.post("/api/v1/ai/providers", json={"kind": "anthropic"})
    assert missing_key.status_code == 422 and "api_key" in missing_key.json()["details"]["fields"]
    unknown = await client.post("/api/v1/ai/providers", json={"kind": "cohere", "api_key": "x"})
    assert unknown.status_code == 422
    assert (await add_openai(client, fakes)).status_code == 201
    again = await add_openai(client, fakes)
    assert again.status_code == 409 and again.json()["code"] == "provider_exists"
    ollama = await client.post(
        "/api/v1/ai/providers",
        json={"kind": "openai_compatible", "base_url": "http://127.0.0.1:11434/v1", "model": "qwen2.5"},
    )
    assert ollama.status_code == 201 and ollama.json()["has_key"] is False and ollama.json()["key_last4"] is None


async def test_update_replaces_the_key_and_delete_removes_the_provider(
    client: httpx.AsyncClient, session: AsyncSession, fakes: Fakes
) -> None:
    await sign_in(client, await make_workspace(session))
    provider_id = (await add_openai(client, fakes)).json()["id"]
    updated = await client.patch(
        f"/api/v1/ai/providers/{provider_id}", json={"api_key": "sk-new-key-000000-ABCD", "model": "gpt-4o-mini"}
    )
    assert updated.status_code == 200
    assert (updated.json()["key_last4"], updated.json()["model"]) == ("ABCD", "gpt-4o-mini")
    assert (await client.delete(f"/api/v1/ai/providers/{provider_id}")).status_code == 204
    assert (await client.get("/api/v1/ai/providers")).json() == []


async def test_routing_defaults_and_overrides(client: httpx.AsyncClient, session: AsyncSession, fakes: Fakes) -> None:
    await sign_in(client, await make_workspace(session))
    assert (await client.get("/api/v1/ai/routing")).json()["routing"]["classification"] == ["local"]
    await add_openai(client, fakes)
    await client.post("/api/v1/ai/providers", json={"kind": "anthropic", "api_key": "sk-ant-123456789"})
    await client.post("/api/v1/ai/providers", json={"kind": "gemini", "api_key": "AIza-123456789"})
    default = (await client.get("/api/v1/ai/routing")).json()
    assert default["routing"]["classification"] == ["gemini", "openai", "anthropic", "local"]
    assert default["custom_routing"] == {}
    changed = await client.put(
        "/api/v1/ai/routing", json={"routing": {"translation": ["anthropic", "openai", "anthropic"]}}
    )
    assert changed.status_code == 200
    assert changed.json()["routing"]["translation"] == ["anthropic", "openai", "local"]
    assert changed.json()["routing"]["classification"] == ["gemini", "openai", "anthropic", "local"]
    bad = await client.put("/api/v1/ai/routing", json={"routing": {"translation": ["mistral"]}})
    assert bad.status_code == 422


async def test_intent_examples_reach_the_local_classifier(
    client: httpx.AsyncClient, session: AsyncSession, database: Database
) -> None:
    owner = await make_workspace(session)
    await sign_in(client, owner)
    received: list[object] = []

    def factory(examples):  # type: ignore[no-untyped-def]
        received.append(examples)
        return StubLocal()

    ai_settings.install_local_factory(factory)
    response = await client.put(
        "/api/v1/ai/routing",
        json={"intent_examples": {"order_status": ["Iko wapi mzigo wangu?", " Nimesubiri oda siku tatu "]}},
    )
    assert response.status_code == 200
    assert response.json()["intent_examples"] == {"order_status": ["Iko wapi mzigo wangu?", "Nimesubiri oda siku tatu"]}
    await service.understand_message(database, owner.workspace_id, "hello", previous_language=None)
    assert received[-1] == {"order_status": ["Iko wapi mzigo wangu?", "Nimesubiri oda siku tatu"]}
    bad = await client.put("/api/v1/ai/routing", json={"intent_examples": {"shopping": ["x"]}})
    assert bad.status_code == 422


async def test_connection_test_reports_a_rejected_key_plainly(
    client: httpx.AsyncClient, session: AsyncSession, fakes: Fakes
) -> None:
    await sign_in(client, await make_workspace(session))
    fakes.openai.valid_keys = {"sk-the-right-key-1234"}
    try:
        wrong = (await add_openai(client, fakes, key="sk-the-wrong-key-9999")).json()
        result = await client.post(f"/api/v1/ai/providers/{wrong['id']}/test")
        assert result.status_code == 200
        assert result.json() == {
            "ok": False,
            "code": "provider_auth_failed",
            "message": "The key was rejected by OpenAI (HTTP 401).",
            "latency_ms": None,
        }
        await client.patch(f"/api/v1/ai/providers/{wrong['id']}", json={"api_key": "sk-the-right-key-1234"})
        fixed = (await client.post(f"/api/v1/ai/providers/{wrong['id']}/test")).json()
        assert fixed["ok"] is True and fixed["message"] == "OpenAI answered."
    finally:
        fakes.openai.valid_keys = None


async def test_the_call_log_filters_and_pages(
    client: httpx.AsyncClient, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    await sign_in(client, owner)
    await add_openai(client, fakes)
    fakes.openai.script(OUTAGE)
    for message in ("one", "two", "three"):
        await service.understand_message(database, owner.workspace_id, message, previous_language=None)
    await service.understand_message(database, owner.workspace_id, "two", previous_language=None)
    from imaradesk.ai import calls

    await calls.drain()
    page = (await client.get("/api/v1/ai/calls", params={"limit": 2})).json()
    assert page["total"] == 5 and len(page["items"]) == 2 and page["next_offset"] == 2
    last = (await client.get("/api/v1/ai/calls", params={"limit": 2, "offset": 4})).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    failed = (await client.get("/api/v1/ai/calls", params={"outcome": "provider_unavailable"})).json()
    assert [(c["provider"], c["task"]) for c in failed["items"]] == [("openai", "classification")]
    fallbacks = (await client.get("/api/v1/ai/calls", params={"provider": "local"})).json()
    assert fallbacks["items"][0]["is_fallback"] and fallbacks["items"][0]["fallback_from"] == "openai"
    hits = (await client.get("/api/v1/ai/calls", params={"outcome": "cache_hit", "task": "classification"})).json()
    assert hits["total"] == 1
    assert (await client.get("/api/v1/ai/calls", params={"task": "nonsense"})).status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/ai/providers", "/api/v1/ai/routing", "/api/v1/ai/calls"])
async def test_reads_need_a_session(client: httpx.AsyncClient, path: str) -> None:
    assert (await client.get(path)).status_code == 401
