"""Named-parameter and link-button templates from the inbox API, through our client, to the simulator's phone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.whatsapp import test_simulator_roundtrip as roundtrip
from tests.whatsapp.test_simulator_roundtrip import WANJIRU, World

pytestmark = pytest.mark.committed
world = roundtrip.world  # the same fixture: our app and client against the in-process simulator


async def _conversation_and_templates(world: World) -> tuple[str, dict[tuple[str, str], dict[str, Any]]]:
    await world.customer_says(WANJIRU, type="text", text="Oda yangu?")
    await world.settle(lambda: roundtrip._has_messages(world, 1))
    synced = await world.agent.post("/api/v1/whatsapp/templates/sync")
    assert synced.status_code == 200, synced.text
    by_name = {(t["name"], t["language"]): t for t in synced.json()}
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    return conversation_id, by_name


async def _phone_shows(world: World, count: int) -> list[dict[str, Any]]:
    shown: list[dict[str, Any]] = []

    async def arrived() -> bool:
        chat = (await world.sim.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
        shown[:] = [m for m in chat if m["type"] == "template" and m["rendered"]]
        return len(shown) >= count

    await world.settle(arrived)
    return shown


async def test_a_named_template_reaches_the_phone_filled_in(world: World) -> None:
    conversation_id, templates = await _conversation_and_templates(world)
    reminder = templates[("delivery_reminder", "en")]
    assert reminder["parameter_format"] == "NAMED"  # kept through the sync
    assert [(v["name"], v["example"]) for v in reminder["variables"]] == [
        ("customer_name", "Amina"),
        ("date", "25 Nov"),
    ]
    sent = await world.agent.post(
        f"/api/v1/conversations/{conversation_id}/messages",
        json={
            "type": "template",
            "template_id": reminder["id"],
            "named_variables": {"customer_name": "Wanjiru", "date": "Ijumaa"},
        },
    )
    assert sent.status_code == 201, sent.text
    (shown,) = await _phone_shows(world, 1)
    assert shown["rendered"]["body"] == "Hello Wanjiru, your delivery is booked for Ijumaa."
    stored = next(m for m in await world.messages() if m.direction == "outbound")
    assert stored.wamid == shown["id"] and stored.error is None


async def test_a_link_button_template_reaches_the_phone_with_its_link(world: World) -> None:
    conversation_id, templates = await _conversation_and_templates(world)
    order = templates[("order_update", "sw")]
    link = next(v for v in order["variables"] if v["component"] == "button")
    assert link["url_prefix"] == "https://shop.example/o/" and link["example"] == "A1023"
    sent = await world.agent.post(
        f"/api/v1/conversations/{conversation_id}/messages",
        json={
            "type": "template",
            "template_id": order["id"],
            "variables": ["Wanjiru", "B2044"],
            "button_variables": ["B2044"],
        },
    )
    assert sent.status_code == 201, sent.text
    (shown,) = await _phone_shows(world, 1)
    assert shown["rendered"]["body"] == "Habari Wanjiru, oda yako B2044 iko njiani."
    button = next(b for b in shown["rendered"]["buttons"] if b["type"] == "url")
    assert button["url"] == "https://shop.example/o/B2044"


async def test_an_agent_typing_shows_typing_on_the_phone(world: World) -> None:
    sent = await world.customer_says(WANJIRU, type="text", text="Uko hapo?")
    await world.settle(lambda: roundtrip._has_messages(world, 1))
    conversation_id = (await world.agent.get("/api/v1/conversations")).json()["items"][0]["id"]
    typing: list[dict[str, Any]] = []
    events = world.simulator.bus.subscribe()
    try:
        answer = await world.agent.post(f"/api/v1/conversations/{conversation_id}/typing")
        assert answer.status_code == 202 and answer.json() == {"shown": True}

        async def shown() -> bool:
            while not events.empty():
                event = events.get_nowait()
                if event and event.get("type") == "typing":
                    typing.append(event)
            return bool(typing)

        await world.settle(shown)
    finally:
        world.simulator.bus.unsubscribe(events)
    assert typing[0]["wa_id"] == WANJIRU and typing[0]["seconds"] == 25
    chat = (await world.sim.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
    assert next(m for m in chat if m["id"] == sent["id"])["read_by_business"] is True
