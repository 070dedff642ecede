"""The same event delivered many times at once is stored once (spec §2, §11)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from imaradesk.app import create_app
from imaradesk.config import Settings
from imaradesk.conversations.models import Message
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.whatsapp.models import WebhookEvent
from tests.conftest import make_client
from tests.factories.whatsapp import APP_SECRET, make_number
from tests.factories.workspaces import make_workspace
from tests.whatsapp.payloads import envelope, message_value, signed, text_message


@pytest.mark.committed
async def test_ten_concurrent_redeliveries_store_one_message(committed_database: Database, settings: Settings) -> None:
    async with committed_database.unit_of_work() as session:
        owner = await make_workspace(session)
        number = await make_number(session, settings, owner)
    app = create_app(settings, database=committed_database)
    value = message_value(number.phone_number_id, text_message("Nataka kurudisha viatu"))
    body, headers = signed(envelope(number.phone_number_id, number.waba_id, value), APP_SECRET)
    async with make_client(app) as client:
        answers = await asyncio.gather(
            *(client.post("/webhooks/whatsapp", content=body, headers=headers) for _ in range(10))
        )
    assert [a.status_code for a in answers] == [200] * 10
    assert sum(a.json()["stored"] for a in answers) == 1
    await drain_jobs(committed_database)
    async with committed_database.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(WebhookEvent)) == 1
        assert await session.scalar(select(func.count()).select_from(Message)) == 1
