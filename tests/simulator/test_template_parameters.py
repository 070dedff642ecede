"""Named parameters and link-button variables on template sends, checked the way Meta checks them (§4.7)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.simulator.conftest import WANJIRU, SimHarness, error_of


def reminder(*params: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "delivery_reminder",
        "language": {"code": "en"},
        "components": [{"type": "body", "parameters": list(params)}],
    }


NAME = {"type": "text", "parameter_name": "customer_name", "text": "Amina"}
DATE = {"type": "text", "parameter_name": "date", "text": "Friday"}


def order(*buttons: dict[str, Any], body: tuple[str, str] = ("Amina", "A1023")) -> dict[str, Any]:
    return {
        "name": "order_update",
        "language": {"code": "en_US"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": value} for value in body]},
            *buttons,
        ],
    }


URL_A1023 = {"type": "button", "sub_type": "url", "index": "1", "parameters": [{"type": "text", "text": "A1023"}]}


@pytest.mark.parametrize(
    ("template", "code", "detail"),
    [
        (reminder(NAME), 132000, "number of localizable_params (1)"),
        (reminder(NAME, DATE, {**DATE, "parameter_name": "extra"}), 132000, "expected number of params (2)"),
        (reminder(NAME, {"type": "text", "text": "Friday"}), 100, "parameter_name is required"),
        (reminder(NAME, {**DATE, "parameter_name": "shop"}), 100, "('shop') is not a parameter"),
        (reminder(NAME, {**DATE, "parameter_name": "customer_name"}), 100, "repeated"),
        (reminder(NAME, {**DATE, "text": ""}), 131008, "text"),
        (order(URL_A1023, body=("Amina", "x" * 1000)), 132005, "1024"),
        (order({**URL_A1023, "parameters": [{"type": "payload", "payload": "A1023"}]}), 100, "text parameter"),
        (order({**URL_A1023, "parameters": []}), 132000, "button 1"),
        (order(), 132000, "URL parameter is required"),
        (
            {
                **order(URL_A1023),
                "components": [
                    {"type": "body", "parameters": [{"type": "text", "parameter_name": "name", "text": "A"}] * 2},
                    URL_A1023,
                ],
            },
            100,
            "only allowed on templates whose parameter_format is NAMED",
        ),
    ],
)
async def test_bad_template_parameters_get_metas_codes(
    sim: SimHarness, template: dict[str, Any], code: int, detail: str
) -> None:
    await sim.customer_says(WANJIRU)
    response = await sim.send({"to": WANJIRU, "type": "template", "template": template})
    error = error_of(response)
    assert error["code"] == code, error
    assert detail in error["error_data"]["details"]
    assert response.status_code == 400


async def test_the_phone_shows_named_values_and_the_filled_link(sim: SimHarness) -> None:
    await sim.send_ok({"to": WANJIRU, "type": "template", "template": reminder(NAME, DATE)})
    await sim.send_ok({"to": WANJIRU, "type": "template", "template": order(URL_A1023)})
    chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"]
    rendered = [m["rendered"] for m in chat if m["type"] == "template"]
    assert rendered[0]["body"] == "Hello Amina, your delivery is booked for Friday."
    assert rendered[1]["body"] == "Hi Amina, your order A1023 is on its way."
    link = next(b for b in rendered[1]["buttons"] if b["type"] == "url")
    assert link == {"type": "url", "text": "Open order", "payload": "A1023", "url": "https://shop.example/o/A1023"}
