"""Inbox updates reach agents connected to another API process, through Redis (spec §3)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from imaradesk.bench.servers import uvicorn_server
from imaradesk.core.realtime import RedisBroker, install_broker
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.whatsapp import numbers
from tests.conftest import TEST_SECRET
from tests.whatsapp.payloads import envelope, message_value, signed, text_message

pytestmark = [pytest.mark.postgres, pytest.mark.committed, pytest.mark.slow]
REDIS_URL = "redis://127.0.0.1:6379/14"


async def _events(client: httpx.AsyncClient, found: list[dict], ready: asyncio.Event) -> None:
    async with client.stream("GET", "/api/v1/inbox/events") as response:
        assert response.status_code == 200
        ready.set()
        kind = ""
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: "):
                found.append({"type": kind, **json.loads(line.removeprefix("data: "))})


@pytest.fixture
async def redis_broker() -> AsyncIterator[RedisBroker]:
    broker = RedisBroker(REDIS_URL)
    install_broker(broker)  # this test process plays the job worker
    yield broker
    await broker.close()


async def test_message_from_a_webhook_on_process_a_appears_on_process_b(
    committed_database: Database, database_url: str, tmp_path, redis_broker: RedisBroker
) -> None:
    env = {
        "IMARADESK_DATABASE_URL": database_url,
        "IMARADESK_REDIS_URL": REDIS_URL,
        "IMARADESK_SECRET_KEY": TEST_SECRET,
        "IMARADESK_DATA_DIR": str(tmp_path),
        "IMARADESK_LOG_LEVEL": "WARNING",
        "IMARADESK_ENVIRONMENT": "test",
    }
    with (
        uvicorn_server("imaradesk.app:create_app", factory=True, env=env) as port_a,
        uvicorn_server("imaradesk.app:create_app", factory=True, env=env) as port_b,
    ):
        async with (
            httpx.AsyncClient(base_url=f"http://127.0.0.1:{port_a}") as a,
            httpx.AsyncClient(base_url=f"http://127.0.0.1:{port_b}", timeout=30) as b,
        ):
            signup = {
                "workspace_name": "Two Procs",
                "name": "Ama",
                "email": "ama@example.com",
                "password": "correct horse battery",
            }
            assert (await a.post("/api/v1/auth/signup", json=signup)).status_code == 201
            a.headers["X-CSRF-Token"] = a.cookies["imaradesk_csrf"]
            number = {
                "phone_number_id": "5550001",
                "display_phone_number": "+233 555 0001",
                "waba_id": "7770001",
                "access_token": "token-123456",
                "app_secret": "secret-123456",
                "verify_token": "verify-123456",
            }
            assert (await a.post("/api/v1/whatsapp/numbers", json=number)).status_code == 201
            for name, value in a.cookies.items():
                b.cookies.set(name, value)

            found: list[dict] = []
            ready = asyncio.Event()
            listener = asyncio.create_task(_events(b, found, ready))
            await asyncio.wait_for(ready.wait(), 10)
            await asyncio.sleep(0.2)

            body, headers = signed(
                envelope("5550001", "7770001", message_value("5550001", text_message("Akwaaba! Is my parcel here?"))),
                "secret-123456",
            )
            assert (await a.post("/webhooks/whatsapp", content=body, headers=headers)).status_code == 200
            numbers.forget_routes()
            await drain_jobs(committed_database)  # the "worker" publishes through Redis

            async with asyncio.timeout(10):
                while not any(e["type"] == "message.created" for e in found):
                    await asyncio.sleep(0.05)
            listener.cancel()
    created = next(e for e in found if e["type"] == "message.created")
    assert created["message"]["text"] == "Akwaaba! Is my parcel here?"
    assert created["conversation"]["contact"]["wa_id"] == "254711000222"
