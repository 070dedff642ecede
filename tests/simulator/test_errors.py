"""Every synchronous error, in Meta's exact §7.1 shape."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.simulator.conftest import (
    KOFI,
    PHONE_ID,
    WANJIRU,
    FrozenClock,
    SimHarness,
    auth,
    error_of,
    fast_settings,
    running,
)
from tests.simulator.test_send import BUTTONS, LIST, ORDER_UPDATE


def text_to(wa_id: str, body: str = "hi") -> dict[str, Any]:
    return {"to": wa_id, "type": "text", "text": {"body": body}}


async def test_a_bad_token_is_190_with_http_401_and_no_error_data(sim: SimHarness) -> None:
    for headers in ({}, auth("wrong-token"), {"Authorization": "Basic abc"}):
        response = await sim.client.post(f"/v21.0/{PHONE_ID}/messages", json={}, headers=headers)
        assert response.status_code == 401
        error = error_of(response)
        assert error["code"] == 190
        assert "error_data" not in error
        assert error["message"] == "Invalid OAuth access token - Cannot parse access token"


async def test_an_unknown_phone_number_id_is_100_without_error_data(sim: SimHarness) -> None:
    response = await sim.send(text_to(WANJIRU), phone_id="999999999")
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == 100
    assert "error_data" not in error
    assert "999999999" in error["message"]


@pytest.mark.parametrize(
    ("body", "code", "detail"),
    [
        ({"messaging_product": "sms", "to": WANJIRU, "text": {"body": "x"}}, 100, "messaging_product"),
        ({"to": WANJIRU, "type": "fax", "fax": {}}, 100, "type"),
        ({"to": "not-a-number", "type": "text", "text": {"body": "x"}}, 100, "to"),
        ({"type": "text", "text": {"body": "x"}}, 131008, "to"),
        ({"to": WANJIRU, "type": "text"}, 131008, "text"),
        ({"to": WANJIRU, "type": "text", "text": {}}, 131008, "text.body"),
        ({"to": WANJIRU, "type": "text", "text": {"body": "x" * 4097}}, 131009, "text.body"),
        ({"to": WANJIRU, "type": "image", "image": {}}, 131008, "image.id or image.link"),
        ({"to": WANJIRU, "type": "image", "image": {"id": "1", "link": "https://x/y.jpg"}}, 100, "either"),
        ({"to": WANJIRU, "type": "audio", "audio": {"link": "https://x/a.ogg", "caption": "no"}}, 131009, "caption"),
        ({"to": WANJIRU, "type": "image", "image": {"id": "404404"}}, 100, "media id"),
        ({"to": WANJIRU, "type": "location", "location": {"latitude": 100, "longitude": 1}}, 131009, "latitude"),
        ({"to": WANJIRU, "type": "contacts", "contacts": []}, 131008, "contacts"),
        (
            {"to": WANJIRU, "type": "reaction", "reaction": {"message_id": "wamid.nope", "emoji": "x"}},
            131009,
            "reaction",
        ),
        ({"to": WANJIRU, "type": "template", "template": {"name": "order_update"}}, 131008, "language"),
    ],
)
async def test_structural_errors(sim: SimHarness, body: dict[str, Any], code: int, detail: str) -> None:
    await sim.customer_says(WANJIRU)
    payload = {"messaging_product": "whatsapp", **body}
    response = await sim.client.post(f"/v21.0/{PHONE_ID}/messages", json=payload, headers=auth())
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["code"] == code
    assert detail in error["error_data"]["details"]


def with_change(base: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    import copy

    changed = copy.deepcopy(base)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


ROW = {"id": "r", "title": "Row"}


@pytest.mark.parametrize(
    ("interactive", "code"),
    [
        (with_change(BUTTONS, ["action", "buttons", 0, "reply", "title"], "x" * 21), 131009),
        (with_change(BUTTONS, ["action", "buttons", 1, "reply", "title"], "Track order"), 131009),
        (with_change(BUTTONS, ["action", "buttons", 1, "reply", "id"], "track_order"), 131009),
        (with_change(BUTTONS, ["action", "buttons"], BUTTONS["action"]["buttons"] * 2), 131009),
        (with_change(BUTTONS, ["action", "buttons"], []), 131009),
        (with_change(BUTTONS, ["header", "text"], "h" * 61), 131009),
        (with_change(BUTTONS, ["footer", "text"], "f" * 61), 131009),
        (with_change(BUTTONS, ["body"], {}), 131008),
        (with_change(BUTTONS, ["action", "buttons", 0, "type"], "url"), 131009),
        (with_change(LIST, ["action", "button"], "b" * 21), 131009),
        (with_change(LIST, ["action", "sections", 0, "rows"], [{**ROW, "id": f"r{i}"} for i in range(10)]), 131009),
        (with_change(LIST, ["action", "sections", 0, "rows", 0, "title"], "t" * 25), 131009),
        (with_change(LIST, ["action", "sections", 0, "rows", 0, "description"], "d" * 73), 131009),
        (with_change(LIST, ["action", "sections", 0, "rows", 0, "id"], "i" * 201), 131009),
        (with_change(LIST, ["action", "sections", 1, "title"], ""), 131008),
        (with_change(LIST, ["header"], {"type": "image", "image": {"link": "https://x/y.png"}}), 131009),
        (with_change(LIST, ["type"], "carousel"), 100),
    ],
)
async def test_interactive_limits(sim: SimHarness, interactive: dict[str, Any], code: int) -> None:
    await sim.customer_says(WANJIRU)
    response = await sim.send({"to": WANJIRU, "type": "interactive", "interactive": interactive})
    assert response.status_code == 400, response.text
    assert error_of(response)["code"] == code


async def test_malformed_json_is_100(sim: SimHarness) -> None:
    response = await sim.client.post(f"/v21.0/{PHONE_ID}/messages", content=b'{"messaging_product": ', headers=auth())
    assert response.status_code == 400
    assert error_of(response)["code"] == 100


async def test_outside_the_window_is_131047(sim: SimHarness) -> None:
    response = await sim.send(text_to(WANJIRU))
    error = error_of(response)
    assert error["code"] == 131047
    assert error["message"] == "(#131047) Re-engagement message"
    assert "24 hours" in error["error_data"]["details"]


@pytest.mark.parametrize(
    ("template", "code"),
    [
        ({"name": "no_such_template", "language": {"code": "en_US"}}, 132001),
        ({"name": "order_update", "language": {"code": "de"}}, 132001),
        ({**ORDER_UPDATE, "components": ORDER_UPDATE["components"][1:]}, 132000),
        (
            with_change(ORDER_UPDATE, ["components", 0, "parameters"], [{"type": "text", "text": "only one"}]),
            132000,
        ),
        ({**ORDER_UPDATE, "components": ORDER_UPDATE["components"][:2]}, 132000),  # URL parameter missing
        (
            {
                "name": "delivery_reminder",
                "language": {"code": "en"},
                "components": [
                    {
                        "type": "body",
                        "parameters": [
                            {"type": "text", "parameter_name": "wrong", "text": "Amina"},
                            {"type": "text", "parameter_name": "date", "text": "25 Nov"},
                        ],
                    }
                ],
            },
            100,
        ),
    ],
)
async def test_template_errors(sim: SimHarness, template: dict[str, Any], code: int) -> None:
    response = await sim.send({"to": WANJIRU, "type": "template", "template": template})
    assert error_of(response)["code"] == code
    assert response.status_code == (404 if code == 132001 else 400)


@pytest.mark.parametrize(("status", "code"), [("PAUSED", 132015), ("DISABLED", 132016), ("REJECTED", 132001)])
async def test_paused_disabled_and_rejected_templates(sim: SimHarness, status: str, code: int) -> None:
    await sim.client.post("/_sim/templates/1000000000000002/status", json={"status": status})
    response = await sim.send({"to": WANJIRU, "type": "template", "template": ORDER_UPDATE})
    assert error_of(response)["code"] == code


async def test_throughput_past_80_per_second_is_130429(sim: SimHarness, frozen_clock: FrozenClock) -> None:
    hello = {"name": "hello_world", "language": {"code": "en_US"}}
    for index in range(80):
        response = await sim.send({"to": f"25471100{index:04d}", "type": "template", "template": hello})
        assert response.status_code == 200, (index, response.text)
    response = await sim.send({"to": "254711009999", "type": "template", "template": hello})
    error = error_of(response)
    assert error["code"] == 130429
    assert error["message"] == "(#130429) Rate limit hit"
    frozen_clock.advance(timedelta(seconds=0.5))  # refills 40 tokens
    response = await sim.send({"to": "254711009999", "type": "template", "template": hello})
    assert response.status_code == 200


async def test_throughput_is_per_number_and_configurable(frozen_clock: FrozenClock) -> None:
    settings = fast_settings(
        throughput_per_second=2,
        phone_numbers=[{"phone_number_id": PHONE_ID}, {"phone_number_id": "106540352242999"}],
    )
    hello = {"to": WANJIRU, "type": "template", "template": {"name": "hello_world", "language": {"code": "en_US"}}}
    async with running(settings) as sim:
        assert [(await sim.send(hello)).status_code for _ in range(3)] == [200, 200, 400]
        assert (await sim.send(hello, phone_id="106540352242999")).status_code == 200


async def test_the_pair_rate_is_131056_after_a_burst_of_45(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    for _ in range(45):
        assert (await sim.send(text_to(WANJIRU))).status_code == 200
    error = error_of(await sim.send(text_to(WANJIRU)))
    assert error["code"] == 131056
    await sim.customer_says("233244123456")
    assert (await sim.send(text_to("233244123456"))).status_code == 200


async def test_unreachable_numbers_are_131026_in_sync_mode() -> None:
    async with running(fast_settings(undeliverable_errors="sync")) as sim:
        hello = {"name": "hello_world", "language": {"code": "en_US"}}
        response = await sim.send({"to": KOFI, "type": "template", "template": hello})
        error = error_of(response)
        assert error["code"] == 131026
        assert error["message"] == "(#131026) Message undeliverable"


async def test_unknown_numbers_are_unreachable_when_auto_registration_is_off() -> None:
    async with running(fast_settings(undeliverable_errors="sync", auto_register_recipients=False)) as sim:
        hello = {"name": "hello_world", "language": {"code": "en_US"}}
        response = await sim.send({"to": "254799999999", "type": "template", "template": hello})
        assert error_of(response)["code"] == 131026


async def test_unknown_graph_paths_answer_in_graph_shape(sim: SimHarness) -> None:
    response = await sim.client.get("/v21.0/a/b/c", headers=auth())
    assert response.status_code == 400
    assert response.json()["error"]["code"] == 2500
    response = await sim.client.put(f"/v21.0/{PHONE_ID}/messages", headers=auth())
    assert response.json()["error"]["code"] == 100


async def test_control_api_errors_use_the_project_shape(sim: SimHarness) -> None:
    response = await sim.client.get("/_sim/customers/000/chat")
    assert response.status_code == 404
    assert set(response.json()) == {"code", "message", "details"}
