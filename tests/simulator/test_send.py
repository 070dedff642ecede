"""Every send type is accepted and answered in the §4.2 shape."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest

from tests.simulator.conftest import PHONE_ID, WANJIRU, SimHarness, auth

BUTTONS: dict[str, Any] = {
    "type": "button",
    "header": {"type": "text", "text": "Order #A1023"},
    "body": {"text": "What would you like to do?"},
    "footer": {"text": "ImaraDesk demo shop"},
    "action": {
        "buttons": [
            {"type": "reply", "reply": {"id": "track_order", "title": "Track order"}},
            {"type": "reply", "reply": {"id": "talk_agent", "title": "Talk to agent"}},
            {"type": "reply", "reply": {"id": "cancel_order", "title": "Cancel order"}},
        ]
    },
}
LIST: dict[str, Any] = {
    "type": "list",
    "header": {"type": "text", "text": "Delivery options"},
    "body": {"text": "Choose how you want your parcel delivered."},
    "footer": {"text": "Prices include VAT"},
    "action": {
        "button": "See options",
        "sections": [
            {
                "title": "Home delivery",
                "rows": [
                    {"id": "ship_express", "title": "Express", "description": "1-2 business days"},
                    {"id": "ship_standard", "title": "Standard", "description": "3-5 business days"},
                ],
            },
            {"title": "Pick-up", "rows": [{"id": "pickup_cbd", "title": "CBD agent"}]},
        ],
    },
}
ORDER_UPDATE: dict[str, Any] = {
    "name": "order_update",
    "language": {"code": "en_US"},
    "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Amina"}, {"type": "text", "text": "A1023"}]},
        {
            "type": "button",
            "sub_type": "quick_reply",
            "index": "0",
            "parameters": [{"type": "payload", "payload": "TRACK:A1023"}],
        },
        {"type": "button", "sub_type": "url", "index": "1", "parameters": [{"type": "text", "text": "A1023"}]},
    ],
}
FREE_FORM: list[tuple[str, Any]] = [
    ("text", {"body": "Your order ships today: https://shop.example/t/A1023", "preview_url": True}),
    ("interactive", BUTTONS),
    ("interactive", LIST),
    ("image", {"link": "https://files.example.com/receipt.jpg", "caption": "Your receipt"}),
    ("video", {"link": "https://files.example.com/unboxing.mp4"}),
    ("audio", {"link": "https://files.example.com/note.ogg"}),
    (
        "document",
        {"link": "https://files.example.com/invoice-A1023.pdf", "filename": "invoice.pdf", "caption": "Invoice"},
    ),
    ("sticker", {"link": "https://files.example.com/thanks.webp"}),
    ("location", {"latitude": -1.28638, "longitude": 36.81724, "name": "Shop", "address": "Kenyatta Ave"}),
    (
        "contacts",
        [
            {
                "name": {"formatted_name": "Support", "first_name": "Support"},
                "phones": [{"phone": "+254700000000", "type": "WORK"}],
            }
        ],
    ),
]
WAMID = re.compile(r"^wamid\.[A-Za-z0-9+/=]+$")


def assert_send_response(body: dict[str, Any], to: str, wa_id: str) -> str:
    assert body["messaging_product"] == "whatsapp"
    assert body["contacts"] == [{"input": to, "wa_id": wa_id}]
    assert len(body["messages"]) == 1
    wamid: str = body["messages"][0]["id"]
    assert WAMID.match(wamid)
    return wamid


@pytest.mark.parametrize(("kind", "content"), FREE_FORM, ids=[f"{k}-{i}" for i, (k, _) in enumerate(FREE_FORM)])
async def test_free_form_types_are_accepted_inside_the_window(sim: SimHarness, kind: str, content: Any) -> None:
    await sim.customer_says(WANJIRU)
    response = await sim.send({"recipient_type": "individual", "to": "+" + WANJIRU, "type": kind, kind: content})
    assert response.status_code == 200, response.text
    wamid = assert_send_response(response.json(), "+" + WANJIRU, WANJIRU)
    assert set(response.json()["messages"][0]) == {"id"}
    # The wamid decodes to a record naming the recipient, like Meta's.
    assert WANJIRU.encode() in base64.b64decode(wamid.removeprefix("wamid."))


async def test_media_by_uploaded_id_is_accepted(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    upload = await sim.client.post(
        f"/v21.0/{PHONE_ID}/media",
        headers=auth(),
        data={"messaging_product": "whatsapp", "type": "image/png"},
        files={"file": ("logo.png", b"\x89PNG\r\n\x1a\nfake", "image/png")},
    )
    media_id = upload.json()["id"]
    wamid = await sim.send_ok({"to": WANJIRU, "type": "image", "image": {"id": media_id, "caption": "Logo"}})
    assert WAMID.match(wamid)


async def test_a_reply_with_context_and_opaque_data_is_accepted(sim: SimHarness) -> None:
    inbound = await sim.customer_says(WANJIRU)
    body = {
        "to": WANJIRU,
        "type": "text",
        "text": {"body": "Got it"},
        "context": {"message_id": inbound["id"]},
        "biz_opaque_callback_data": "campaign:42:recipient:9001",
    }
    assert WAMID.match(await sim.send_ok(body))


async def test_a_reaction_to_the_users_message_is_accepted(sim: SimHarness) -> None:
    inbound = await sim.customer_says(WANJIRU)
    body = {"to": WANJIRU, "type": "reaction", "reaction": {"message_id": inbound["id"], "emoji": "\u2705"}}
    assert WAMID.match(await sim.send_ok(body))
    removal = {"to": WANJIRU, "type": "reaction", "reaction": {"message_id": inbound["id"], "emoji": ""}}
    assert WAMID.match(await sim.send_ok(removal))


async def test_text_may_omit_the_type(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    assert WAMID.match(await sim.send_ok({"to": WANJIRU, "text": {"body": "hi"}}))


async def test_a_template_is_accepted_without_a_window_and_says_accepted(sim: SimHarness) -> None:
    response = await sim.send({"to": WANJIRU, "type": "template", "template": ORDER_UPDATE})
    assert response.status_code == 200, response.text
    assert_send_response(response.json(), WANJIRU, WANJIRU)
    assert response.json()["messages"][0]["message_status"] == "accepted"


async def test_named_template_parameters_are_accepted(sim: SimHarness) -> None:
    template = {
        "name": "delivery_reminder",
        "language": {"code": "en", "policy": "deterministic"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "parameter_name": "customer_name", "text": "Amina"},
                    {"type": "date_time", "parameter_name": "date", "date_time": {"fallback_value": "25 Nov"}},
                ],
            }
        ],
    }
    response = await sim.send({"to": WANJIRU, "type": "template", "template": template})
    assert response.status_code == 200, response.text


async def test_mark_read_and_typing_indicator_answer_success(sim: SimHarness) -> None:
    inbound = await sim.customer_says(WANJIRU)
    read = await sim.send({"status": "read", "message_id": inbound["id"]})
    assert read.status_code == 200
    assert read.json() == {"success": True}
    typing = {"status": "read", "message_id": inbound["id"], "typing_indicator": {"type": "text"}}
    assert (await sim.send(typing)).json() == {"success": True}
    chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
    assert chat["messages"][0]["read_by_business"] is True


async def test_the_access_token_may_come_as_a_query_parameter(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    response = await sim.client.post(
        f"/v21.0/{PHONE_ID}/messages",
        params={"access_token": "test-access-token"},
        json={"messaging_product": "whatsapp", "to": WANJIRU, "type": "text", "text": {"body": "hi"}},
    )
    assert response.status_code == 200


async def test_phone_number_and_waba_objects_can_be_read(sim: SimHarness) -> None:
    number = (await sim.client.get(f"/v21.0/{PHONE_ID}", headers=auth())).json()
    assert number["id"] == PHONE_ID
    assert number["verified_name"] == "Duka Demo"
    numbers = (await sim.client.get("/v21.0/102290129340398/phone_numbers", headers=auth())).json()
    assert [n["id"] for n in numbers["data"]] == [PHONE_ID]
