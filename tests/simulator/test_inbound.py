"""Messages from simulated customers: every §2.2 type, shaped as the §2.3 examples."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

import pytest

from tests.simulator.conftest import PHONE_ID, WABA_ID, WANJIRU, SimHarness, auth
from tests.simulator.test_send import BUTTONS, LIST, ORDER_UPDATE

WAMID = re.compile(r"^wamid\.[A-Za-z0-9+/=]+$")
BUSINESS_DIGITS = "254700000100"


async def delivered(sim: SimHarness, wamid: str) -> dict[str, Any]:
    await sim.receiver.wait_for(lambda: any(m["id"] == wamid for m in sim.receiver.messages()))
    (message,) = [m for m in sim.receiver.messages() if m["id"] == wamid]
    return message


def assert_common(message: dict[str, Any], kind: str) -> None:
    assert message["from"] == WANJIRU
    assert WAMID.match(message["id"])
    assert message["timestamp"].isdigit()
    assert message["type"] == kind


async def test_text_in_the_exact_envelope(sim: SimHarness) -> None:
    sent = await sim.customer_says(WANJIRU, text="Habari, where is my order? 😀")
    message = await delivered(sim, sent["id"])
    assert list(message) == ["from", "id", "timestamp", "type", "text"]
    assert message["text"] == {"body": "Habari, where is my order? 😀"}
    (received,) = [r for r in sim.receiver.received if r.payload and sent["id"] in r.body.decode()]
    assert received.is_signed_correctly
    # ensure_ascii: the emoji travels as a lowercase surrogate pair, and those bytes were signed (§1.2).
    assert b"\\ud83d\\ude00" in received.body
    assert received.body.isascii()
    assert received.payload == {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": WABA_ID,
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": BUSINESS_DIGITS, "phone_number_id": PHONE_ID},
                            "contacts": [{"profile": {"name": "Wanjiru"}, "wa_id": WANJIRU}],
                            "messages": [message],
                        },
                    }
                ],
            }
        ],
    }
    assert json.loads(received.body) == received.payload


async def test_button_reply_to_our_interactive_message(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    ours = await sim.send_ok({"to": WANJIRU, "type": "interactive", "interactive": BUTTONS})
    tap = await sim.customer_says(WANJIRU, type="interactive", reply_id="talk_agent")
    message = await delivered(sim, tap["id"])
    assert_common(message, "interactive")
    assert message["context"] == {"from": BUSINESS_DIGITS, "id": ours}
    assert message["interactive"] == {
        "type": "button_reply",
        "button_reply": {"id": "talk_agent", "title": "Talk to agent"},
    }


async def test_list_reply_with_description(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    ours = await sim.send_ok({"to": WANJIRU, "type": "interactive", "interactive": LIST})
    tap = await sim.customer_says(WANJIRU, type="interactive", reply_id="ship_express", to_message_id=ours)
    message = await delivered(sim, tap["id"])
    assert message["context"] == {"from": BUSINESS_DIGITS, "id": ours}
    assert message["interactive"] == {
        "type": "list_reply",
        "list_reply": {"id": "ship_express", "title": "Express", "description": "1-2 business days"},
    }
    bad = await sim.client.post(f"/_sim/customers/{WANJIRU}/messages", json={"type": "interactive", "reply_id": "nope"})
    assert bad.status_code == 422


async def test_template_quick_reply_echoes_our_payload(sim: SimHarness) -> None:
    ours = await sim.send_ok({"to": WANJIRU, "type": "template", "template": ORDER_UPDATE})
    tap = await sim.customer_says(WANJIRU, type="button")
    message = await delivered(sim, tap["id"])
    assert_common(message, "button")
    assert message["context"] == {"from": BUSINESS_DIGITS, "id": ours}
    assert message["button"] == {"payload": "TRACK:A1023", "text": "Track order"}


async def test_template_quick_reply_without_a_payload_uses_the_button_text(sim: SimHarness) -> None:
    promo = {
        "name": "weekly_promo",
        "language": {"code": "en"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "W"}, {"type": "text", "text": "x"}]}],
    }
    await sim.send_ok({"to": WANJIRU, "type": "template", "template": promo})
    tap = await sim.customer_says(WANJIRU, type="button", button_index=1)
    message = await delivered(sim, tap["id"])
    assert message["button"] == {"payload": "Stop promotions", "text": "Stop promotions"}


@pytest.mark.parametrize(
    ("kind", "extra", "fields"),
    [
        ("image", {"caption": "Damaged box"}, {"id", "mime_type", "sha256", "caption"}),
        ("audio", {}, {"id", "mime_type", "sha256", "voice"}),
        ("video", {"caption": "Unboxing"}, {"id", "mime_type", "sha256", "caption"}),
        ("document", {"caption": "Receipt"}, {"id", "mime_type", "sha256", "filename", "caption"}),
        ("sticker", {}, {"id", "mime_type", "sha256", "animated"}),
    ],
)
async def test_media_messages_can_be_downloaded_by_the_client(
    sim: SimHarness, kind: str, extra: dict[str, Any], fields: set[str]
) -> None:
    sent = await sim.customer_says(WANJIRU, type=kind, **extra)
    message = await delivered(sim, sent["id"])
    assert_common(message, kind)
    content = message[kind]
    assert set(content) == fields
    assert content["id"].isdigit()
    if kind == "audio":
        assert content == content | {"mime_type": "audio/ogg; codecs=opus", "voice": True}
    if kind == "sticker":
        assert content["mime_type"] == "image/webp"
        assert content["animated"] is False

    info = (await sim.client.get(f"/v21.0/{content['id']}", headers=auth())).json()
    blob = (await sim.client.get(info["url"], headers=auth())).content
    assert base64.b64encode(hashlib.sha256(blob).digest()).decode() == content["sha256"]
    assert len(blob) == int(info["file_size"]) > 100


async def test_customer_supplied_media_bytes(sim: SimHarness) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\x01" * 64
    sent = await sim.customer_says(
        WANJIRU, type="image", mime_type="image/png", content_base64=base64.b64encode(data).decode()
    )
    message = await delivered(sim, sent["id"])
    info = (await sim.client.get(f"/v21.0/{message['image']['id']}", headers=auth())).json()
    assert (await sim.client.get(info["url"], headers=auth())).content == data


async def test_location_contacts_and_reactions(sim: SimHarness) -> None:
    location = await sim.customer_says(
        WANJIRU, type="location", name="Kenyatta Ave shop", address="Kenyatta Ave, Nairobi"
    )
    message = await delivered(sim, location["id"])
    assert message["location"] == {
        "latitude": -1.28638,
        "longitude": 36.81724,
        "name": "Kenyatta Ave shop",
        "address": "Kenyatta Ave, Nairobi",
    }

    card = await sim.customer_says(WANJIRU, type="contacts", name="Juma Otieno", phone="+254 722 000 333")
    message = await delivered(sim, card["id"])
    assert message["contacts"] == [
        {
            "name": {"formatted_name": "Juma Otieno", "first_name": "Juma", "last_name": "Otieno"},
            "phones": [{"phone": "+254 722 000 333", "wa_id": "254722000333", "type": "CELL"}],
        }
    ]

    ours = await sim.send_ok({"to": WANJIRU, "type": "text", "text": {"body": "Sawa"}})
    reaction = await sim.customer_says(WANJIRU, type="reaction", emoji="👍")
    message = await delivered(sim, reaction["id"])
    assert message["reaction"] == {"message_id": ours, "emoji": "👍"}
    removal = await sim.customer_says(WANJIRU, type="reaction", emoji="")
    assert (await delivered(sim, removal["id"]))["reaction"] == {"message_id": ours}


async def test_swipe_reply_and_forwarded_context(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    ours = await sim.send_ok({"to": WANJIRU, "type": "text", "text": {"body": "Your order ships today"}})
    reply = await sim.customer_says(WANJIRU, text="Asante!", reply_to=ours)
    message = await delivered(sim, reply["id"])
    assert next(iter(message)) == "context"
    assert message["context"] == {"from": BUSINESS_DIGITS, "id": ours}
    forwarded = await sim.customer_says(WANJIRU, text="Look", forwarded=True)
    assert (await delivered(sim, forwarded["id"]))["context"] == {"forwarded": True}
    bad = await sim.client.post(f"/_sim/customers/{WANJIRU}/messages", json={"text": "x", "reply_to": "wamid.x"})
    assert bad.status_code == 422


async def test_unsupported_messages_carry_131051(sim: SimHarness) -> None:
    sent = await sim.customer_says(WANJIRU, type="unsupported")
    message = await delivered(sim, sent["id"])
    assert message == {
        "from": WANJIRU,
        "id": sent["id"],
        "timestamp": message["timestamp"],
        "type": "unsupported",
        "errors": [
            {
                "code": 131051,
                "title": "Message type unknown",
                "message": "Message type unknown",
                "error_data": {"details": "Message type is currently not supported."},
            }
        ],
    }


async def test_every_inbound_message_opens_the_window(sim: SimHarness) -> None:
    closed = await sim.send({"to": WANJIRU, "type": "text", "text": {"body": "hi"}})
    assert closed.status_code == 400
    await sim.customer_says(WANJIRU, type="sticker")
    assert (await sim.send({"to": WANJIRU, "type": "text", "text": {"body": "hi"}})).status_code == 200


async def test_the_window_closes_24_hours_after_the_last_inbound(sim: SimHarness) -> None:
    from datetime import timedelta

    from imaradesk.core import clock

    await sim.customer_says(WANJIRU)
    clock.advance(timedelta(hours=23, minutes=59))
    assert (await sim.send({"to": WANJIRU, "type": "text", "text": {"body": "hi"}})).status_code == 200
    clock.advance(timedelta(minutes=2))
    assert (await sim.send({"to": WANJIRU, "type": "text", "text": {"body": "hi"}})).json()["error"]["code"] == 131047
    templated = {"name": "hello_world", "language": {"code": "en_US"}}
    assert (await sim.send({"to": WANJIRU, "type": "template", "template": templated})).status_code == 200
