"""The phone page and everything else working under a mount prefix, over real loopback HTTP."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from imaradesk.simulator import create_simulator_app, simulator_of
from imaradesk.simulator.phone import STATIC_DIR
from tests.simulator.conftest import PHONE_ID, WANJIRU, Receiver, auth, fast_settings, serve


def parent_app(receiver: Receiver) -> FastAPI:
    """The main app's shape: the simulator mounted at /simulator, started from the parent's lifespan."""
    simulator_app = create_simulator_app(fast_settings(), webhook_transport=httpx.ASGITransport(app=receiver))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await simulator_of(simulator_app).start()
        try:
            yield
        finally:
            await simulator_of(simulator_app).stop()

    app = FastAPI(lifespan=lifespan)
    app.mount("/simulator", simulator_app)
    return app


async def test_the_page_and_its_urls_work_under_a_mount_prefix() -> None:
    receiver = Receiver()
    async with serve(parent_app(receiver)) as base, httpx.AsyncClient(base_url=base) as client:
        page = await client.get("/simulator/")
        assert page.status_code == 200
        assert '<base href="/simulator/">' in page.text
        for asset in re.findall(r'(?:href|src)="(static/[^"]+)"', page.text):
            response = await client.get(f"/simulator/{asset}")
            assert response.status_code == 200, asset
        config = (await client.get("/simulator/_sim/config")).json()
        assert config["running"] is True

        sent = await client.post(f"/simulator/_sim/customers/{WANJIRU}/messages", json={"type": "image"})
        media_id = sent.json()["message"]["message"]["image"]["id"]
        info = (await client.get(f"/simulator/v21.0/{media_id}", headers=auth())).json()
        assert info["url"].startswith(f"{base}/simulator/whatsapp_business/attachments/?")
        assert (await client.get(info["url"], headers=auth())).status_code == 200
        await receiver.wait_for(lambda: receiver.messages())


def test_the_page_uses_only_relative_urls() -> None:
    script = (STATIC_DIR / "phone.js").read_text()
    urls = re.findall(r"""(?:fetch|api|post|EventSource)\(\s*[`'"]([^`'"]*)""", script)
    assert urls, "no URLs found"
    assert all(not url.startswith(("/", "http")) for url in urls), urls
    page = (STATIC_DIR / "phone.html").read_text()
    assert not re.search(r'(?:href|src)="/', page)


async def test_the_page_is_labelled_for_assistive_technology() -> None:
    page = (STATIC_DIR / "phone.html").read_text()
    for label in ('aria-label="Send message"', 'aria-label="Attach or share"', 'role="log"', 'for="message-input"'):
        assert label in page
    assert 'name="viewport"' in page


async def test_events_stream_live_chat_changes() -> None:
    receiver = Receiver()
    async with serve(parent_app(receiver)) as base, httpx.AsyncClient(base_url=base, timeout=5) as client:
        events: list[dict[str, object]] = []

        async def listen() -> None:
            async with client.stream("GET", "/simulator/_sim/events") as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                async for line in stream.aiter_lines():
                    if line.startswith("data: "):
                        events.append(json.loads(line[6:]))

        listener = asyncio.create_task(listen())
        await asyncio.sleep(0.1)
        await client.post(f"/simulator/_sim/customers/{WANJIRU}/messages", json={"text": "Habari"})
        reply = {"messaging_product": "whatsapp", "to": WANJIRU, "type": "text", "text": {"body": "Karibu"}}
        await client.post(f"/simulator/v21.0/{PHONE_ID}/messages", json=reply, headers=auth())

        def seen_delivered() -> bool:
            return any(
                e["type"] == "message"
                and e["message"]["direction"] == "outbound"  # type: ignore[index]
                and e["message"]["status"] == "delivered"  # type: ignore[index]
                for e in events
            )

        await receiver.wait_for(seen_delivered)
        listener.cancel()
        kinds = {(e["type"], e["message"]["direction"]) for e in events if e["type"] == "message"}  # type: ignore[index]
        assert kinds == {("message", "inbound"), ("message", "outbound")}


async def test_a_standalone_app_runs_its_own_lifespan() -> None:
    receiver = Receiver()
    app = create_simulator_app(fast_settings(), webhook_transport=httpx.ASGITransport(app=receiver))
    simulator = simulator_of(app)
    async with app.router.lifespan_context(app):
        assert simulator.is_running
    assert not simulator.is_running
    async with serve(app) as base, httpx.AsyncClient(base_url=base) as client:
        page = await client.get("/")
        assert '<base href="/">' in page.text
        await client.post(f"/_sim/customers/{WANJIRU}/messages", json={"text": "Habari"})
        await receiver.wait_for(lambda: receiver.messages())
