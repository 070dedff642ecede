"""Our real client and webhook receiver against the in-repo Cloud API simulator, end to end.

The simulator delivers its signed webhooks to our app over ASGI and our client reaches it over
ASGI: no network, but every byte in the Cloud API's wire format (whatsapp-cloud-api.md).
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import AnyHttpUrl
from sqlalchemy import select

from imaradesk.app import create_app
from imaradesk.config import Settings, SimulatorFaultSettings, SimulatorSettings
from imaradesk.contacts import service as contacts
from imaradesk.conversations import live
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import Conversation, Message
from imaradesk.core import clock
from imaradesk.core.realtime import MemoryBroker, install_broker
from imaradesk.core.storage import create_storage
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.simulator import Simulator, create_simulator_app, simulator_of
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp.client import SIMULATOR_BASE_URL, CloudApiClient, CloudApiError, install_http_client
from imaradesk.whatsapp.schemas import NumberCreate
from tests.conftest import make_client
from tests.factories.workspaces import make_workspace, sign_in

pytestmark = pytest.mark.committed  # the simulator calls back while the test runs: real commits
WANJIRU = "254712000101"
KOFI = "233201234567"  # the simulator's customer who is not on WhatsApp


@dataclass
class World:
    app: FastAPI
    database: Database
    settings: Settings
    simulator: Simulator
    sim: httpx.AsyncClient
    agent: httpx.AsyncClient
    number_id: str
    client: CloudApiClient
    workspace_id: uuid.UUID

    async def settle(self, until: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
        """Run jobs while the simulator delivers, until `until()` holds."""
        async with asyncio.timeout(timeout):
            while True:
                await drain_jobs(self.database)
                if await until():
                    return
                await asyncio.sleep(0.05)

    async def customer_says(self, wa_id: str, **body: Any) -> dict[str, Any]:
        response = await self.sim.post(f"/_sim/customers/{wa_id}/messages", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json()["message"])

    async def messages(self) -> list[Message]:
        async with self.database.unit_of_work() as session:
            return list((await session.scalars(select(Message).order_by(Message.created_at))).all())


@pytest.fixture
async def world(
    request: pytest.FixtureRequest, committed_database: Database, settings: Settings
) -> AsyncIterator[World]:
    faults = request.node.get_closest_marker("faults")
    config = SimulatorSettings(
        faults=SimulatorFaultSettings(**(faults.kwargs if faults else {})),
        sent_delay_seconds=0.0,
        delivered_delay_seconds=0.05,
        auto_read_delay_seconds=0.05,
        template_approval_delay_seconds=0.0,
        retry_base_seconds=0.05,
        seed=7,
    )
    app = create_app(settings, database=committed_database)
    sim_app = create_simulator_app(config, webhook_transport=httpx.ASGITransport(app=app))
    simulator = simulator_of(sim_app)
    await simulator.start()
    install_http_client(httpx.AsyncClient(mounts={SIMULATOR_BASE_URL: httpx.ASGITransport(app=sim_app)}))
    numbers.forget_routes()
    async with committed_database.unit_of_work() as session:
        owner = await make_workspace(session)
        phone = config.phone_numbers[0]
        number = await numbers.create(
            session,
            settings,
            owner.workspace_id,
            NumberCreate(
                phone_number_id=phone.phone_number_id,
                display_phone_number=phone.display_phone_number,
                waba_id=config.waba_id,
                access_token=config.access_token,
                app_secret=config.app_secret,
                verify_token=config.verify_token,
                graph_base_url=AnyHttpUrl(SIMULATOR_BASE_URL),
            ),
        )
        client = numbers.client_for(number, settings)
    async with (
        make_client(app) as agent,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=sim_app), base_url=SIMULATOR_BASE_URL) as sim,
    ):
        await sign_in(agent, owner)
        yield World(
            app, committed_database, settings, simulator, sim, agent, str(number.id), client, owner.workspace_id
        )
    await simulator.stop()
    install_http_client(None)
    numbers.forget_routes()


async def test_customer_writes_agent_replies_ticks_reach_read(world: World) -> None:
    sent = await world.customer_says(WANJIRU, type="text", text="Habari, oda yangu iko wapi?")

    async def arrived() -> bool:
        return any(m.wamid == sent["id"] for m in await world.messages())

    await world.settle(arrived)
    page = (await world.agent.get("/api/v1/conversations")).json()
    conversation = page["items"][0]
    assert conversation["contact"]["wa_id"] == WANJIRU and conversation["is_window_open"]

    reply = await world.agent.post(
        f"/api/v1/conversations/{conversation['id']}/messages",
        json={"type": "text", "text": "Iko njiani, inafika kesho."},
    )
    assert reply.status_code == 201

    async def read() -> bool:
        return any(m.direction == "outbound" and m.status == "read" for m in await world.messages())

    await world.settle(read)
    chat = (await world.sim.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
    assert any(m.get("text") == "Iko njiani, inafika kesho." or "Iko njiani" in str(m) for m in chat)
    outbound = next(m for m in await world.messages() if m.direction == "outbound")
    assert outbound.wamid and outbound.wamid.startswith("wamid.") and outbound.read_at is not None


async def test_every_send_type_round_trips(world: World) -> None:
    await world.customer_says(WANJIRU, type="text", text="Hi")
    await world.settle(lambda: _has_messages(world, 1))
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    url = f"/api/v1/conversations/{conversation_id}/messages"
    bodies = [
        {"type": "text", "text": "Karibu"},
        {
            "type": "buttons",
            "text": "Pick one",
            "buttons": [{"id": "track", "title": "Track order"}, {"id": "agent", "title": "Agent"}],
        },
        {
            "type": "list",
            "text": "Delivery?",
            "button": "Options",
            "sections": [
                {"title": "Speed", "rows": [{"id": "std", "title": "Standard"}, {"id": "exp", "title": "Express"}]}
            ],
        },
    ]
    for body in bodies:
        assert (await world.agent.post(url, json=body)).status_code == 201
    await world.settle(lambda: _all_outbound_sent(world, 3))
    first_inbound = next(m for m in await world.messages() if m.direction == "inbound")
    reaction = await world.agent.post(
        url, json={"type": "reaction", "message_id": str(first_inbound.id), "emoji": "👍"}
    )
    assert reaction.status_code == 201
    await world.settle(lambda: _all_outbound_sent(world, 4))

    # the customer taps the button of the last interactive message
    await world.customer_says(WANJIRU, type="interactive")
    await world.settle(lambda: _has_inbound_type(world, "interactive"))
    tapped = [m for m in await world.messages() if m.type == "interactive"][-1]
    assert tapped.text in {"Standard", "Express", "Track order", "Agent"} and tapped.context_wamid


async def test_client_calls_and_api_errors(world: World) -> None:
    info = await world.client.phone_number_info()
    assert info.display_phone_number
    media_id = await world.client.upload_media(b"%PDF-1.4 invoice", mime_type="application/pdf", filename="invoice.pdf")
    fetched = await world.client.media_info(media_id)
    assert await world.client.download(fetched.url) == b"%PDF-1.4 invoice"
    templates = await world.client.list_templates()
    assert {t.status for t in templates} >= {"APPROVED"}
    with pytest.raises(CloudApiError) as outside:  # Grace never wrote: the window is closed
        await world.client.send({"to": "233244123456", "type": "text", "text": {"body": "hello"}})
    assert outside.value.code == 131047 and not outside.value.is_retryable
    with pytest.raises(CloudApiError) as bad:
        await world.client.send({"to": WANJIRU, "type": "text", "text": {}})
    assert bad.value.code in {100, 131008} and not bad.value.is_retryable
    unknown = CloudApiClient(
        world.client.credentials.__class__(**{**world.client.credentials.__dict__, "access_token": "wrong"})
    )
    with pytest.raises(CloudApiError) as denied:
        await unknown.phone_number_info()
    assert denied.value.code == 190


async def test_templates_sync_from_the_waba(world: World) -> None:
    synced = await world.agent.post("/api/v1/whatsapp/templates/sync")
    assert synced.status_code == 200, synced.text
    approved = [t for t in synced.json() if t["status"] == "APPROVED"]
    assert approved and all(t["meta_id"] for t in approved)


async def test_a_refused_send_shows_metas_code_and_a_hint(world: World) -> None:
    # Our records say Kofi wrote an hour ago, but WhatsApp never saw him: the API refuses the send.
    await world.customer_says(WANJIRU, type="text", text="Hi")
    await world.settle(lambda: _has_messages(world, 1))
    async with world.database.unit_of_work() as session:
        workspace_id = (await session.scalars(select(Conversation.workspace_id))).one()
        number = (await numbers.list_numbers(session, workspace_id))[0]
        kofi = await contacts.get_or_create(session, workspace_id, KOFI, "Kofi")
        stored = await conversations.receive_message(
            session,
            workspace_id=workspace_id,
            number_id=number.id,
            team_id=None,
            contact=kofi,
            wamid="wamid.local-only",
            kind="text",
            text="old message",
            content={},
            media=None,
            context_wamid=None,
            at=clock.now(),
        )
        assert stored is not None
        conversation_id = stored.conversation_id
    response = await world.agent.post(
        f"/api/v1/conversations/{conversation_id}/messages", json={"type": "text", "text": "Are you there?"}
    )
    assert response.status_code == 201

    async def failed() -> bool:
        return any(m.status == "failed" for m in await world.messages())

    await world.settle(failed)
    message = next(m for m in await world.messages() if m.status == "failed")
    assert message.error is not None and message.error["code"] in {131026, 131047}
    assert message.error["hint"]
    shown = (await world.agent.get(f"/api/v1/conversations/{conversation_id}/messages")).json()[-1]
    assert shown["status"] == "failed" and shown["error"]["code"] == message.error["code"]


async def test_inbound_media_is_downloaded_into_storage(world: World) -> None:
    await world.customer_says(
        WANJIRU,
        type="document",
        filename="receipt.pdf",
        mime_type="application/pdf",
        content_base64=base64.b64encode(b"%PDF-1.4 receipt").decode(),
        caption="My receipt",
    )

    async def stored() -> bool:
        return any((m.media or {}).get("key") for m in await world.messages())

    await world.settle(stored)
    message = next(m for m in await world.messages() if m.type == "document")
    assert message.text == "My receipt" and message.media and message.media["filename"] == "receipt.pdf"
    assert await create_storage(world.settings).get(message.media["key"]) == b"%PDF-1.4 receipt"
    response = await world.agent.get(f"/api/v1/conversations/{message.conversation_id}/messages/{message.id}/media")
    assert response.status_code == 200 and response.content == b"%PDF-1.4 receipt"


async def _has_messages(world: World, count: int) -> bool:
    return len(await world.messages()) >= count


async def _all_outbound_sent(world: World, count: int) -> bool:
    outbound = [m for m in await world.messages() if m.direction == "outbound"]
    return len(outbound) >= count and all(m.wamid for m in outbound)


async def _has_inbound_type(world: World, kind: str) -> bool:
    return any(m.type == kind and m.direction == "inbound" for m in await world.messages())


@pytest.mark.faults(
    duplicate_probability=0.5,
    reorder_probability=0.5,
    reorder_hold_seconds=0.1,
    invalid_signature_probability=0.3,
    malformed_json_probability=0.2,
)
async def test_duplicates_reordering_and_forgeries_still_end_in_one_faithful_thread(world: World) -> None:
    texts = [f"Swali la {n}" for n in range(5)]
    for text in texts:
        await world.customer_says(WANJIRU, type="text", text=text)

    async def all_arrived() -> bool:
        return sorted(m.text for m in await world.messages() if m.direction == "inbound") == sorted(texts)

    await world.settle(all_arrived, timeout=20)
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    for n in range(3):
        reply = {"type": "text", "text": f"Jibu {n}"}
        assert (
            await world.agent.post(f"/api/v1/conversations/{conversation_id}/messages", json=reply)
        ).status_code == 201

    async def all_read() -> bool:
        outbound = [m for m in await world.messages() if m.direction == "outbound"]
        return len(outbound) == 3 and all(m.status == "read" for m in outbound)

    await world.settle(all_read, timeout=20)
    inbound = [m for m in await world.messages() if m.direction == "inbound"]
    assert len(inbound) == len(texts)  # duplicates stored once, forgeries and garbage never


async def test_a_new_template_is_submitted_then_approved_by_webhook(world: World) -> None:
    broker = MemoryBroker()
    install_broker(broker)
    body = {
        "name": "delivery_slot",
        "language": "sw",
        "category": "UTILITY",
        "components": [{"type": "BODY", "text": "Habari {{1}}, tutaleta oda yako {{2}}."}],
    }
    created = await world.agent.post("/api/v1/whatsapp/templates", json=body)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "PENDING" and created.json()["meta_id"]
    assert created.json()["body_variable_count"] == 2

    async def approved() -> bool:
        listed = (await world.agent.get("/api/v1/whatsapp/templates")).json()
        return any(t["name"] == "delivery_slot" and t["status"] == "APPROVED" for t in listed)

    async with broker.subscribe(live.channel_for(world.workspace_id)) as events:
        await world.settle(approved)
        # Open template lists reload at once instead of asking again and again.
        assert (await asyncio.wait_for(anext(events), timeout=2))["type"] == "templates.changed"
    duplicate = await world.agent.post("/api/v1/whatsapp/templates", json=body)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "template_exists"
    bad_name = await world.agent.post("/api/v1/whatsapp/templates", json={**body, "name": "Delivery Slot!"})
    assert bad_name.status_code == 422 and "name" in bad_name.json()["details"]["fields"]


async def test_agent_attachment_is_uploaded_then_sent_by_id(world: World) -> None:
    await world.customer_says(WANJIRU, type="text", text="Tuma risiti tafadhali")
    await world.settle(lambda: _has_messages(world, 1))
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    url = f"/api/v1/conversations/{conversation_id}/attachments"
    sent = await world.agent.post(
        url,
        files={"file": ("risiti A1023.pdf", b"%PDF-1.4 receipt", "application/pdf")},
        data={"caption": "Risiti yako"},
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["type"] == "document" and sent.json()["media"]["url"]

    async def delivered() -> bool:
        return any(m.type == "document" and m.wamid for m in await world.messages())

    await world.settle(delivered)
    chat = (await world.sim.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
    assert any("Risiti yako" in str(m) for m in chat)

    zip_file = await world.agent.post(url, files={"file": ("a.zip", b"PK\x03\x04", "application/zip")})
    assert zip_file.status_code == 422 and "file" in zip_file.json()["details"]["fields"]
    big_image = await world.agent.post(url, files={"file": ("big.jpg", b"\xff" * (5 * 1024 * 1024 + 1), "image/jpeg")})
    assert big_image.status_code == 422 and "at most 5 MB" in big_image.json()["message"]
    captioned_audio = await world.agent.post(
        url, files={"file": ("note.ogg", b"OggS", "audio/ogg")}, data={"caption": "listen"}
    )
    assert captioned_audio.status_code == 422 and "caption" in captioned_audio.json()["details"]["fields"]


async def test_opening_the_conversation_shows_the_customer_blue_ticks(world: World) -> None:
    sent = await world.customer_says(WANJIRU, type="text", text="Uko hapo?")
    await world.settle(lambda: _has_messages(world, 1))
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    assert (await world.agent.post(f"/api/v1/conversations/{conversation_id}/read")).json()["unread_count"] == 0

    async def seen() -> bool:
        chat = (await world.sim.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
        return any(m.get("id") == sent["id"] and m.get("read_by_business") for m in chat)

    await world.settle(seen)
