"""Statuses after each send (§3): sent → delivered → read, failures, reactions, opt-out."""

from __future__ import annotations

from typing import Any

from tests.simulator.conftest import (
    GRACE,
    KOFI,
    PHONE_ID,
    WABA_ID,
    WANJIRU,
    SimHarness,
    fast_settings,
    running,
)

PROMO = {
    "name": "weekly_promo",
    "language": {"code": "en"},
    "components": [
        {"type": "body", "parameters": [{"type": "text", "text": "Grace"}, {"type": "text", "text": "shoes"}]}
    ],
}
HELLO = {"name": "hello_world", "language": {"code": "en_US"}}


def text(wa_id: str = WANJIRU, **extra: Any) -> dict[str, Any]:
    return {"to": wa_id, "type": "text", "text": {"body": "Karibu!"}, **extra}


async def test_sent_delivered_read_are_signed_and_enveloped(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    wamid = await sim.send_ok(text(biz_opaque_callback_data="campaign:42"))
    await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["sent", "delivered"])
    read = await sim.client.post(f"/_sim/customers/{WANJIRU}/read", json={})
    assert read.json() == {"read": [wamid]}
    await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["sent", "delivered", "read"])

    assert all(r.is_signed_correctly for r in sim.receiver.received)
    for received in sim.receiver.received:
        assert received.body.isascii()
        assert received.signature is not None and received.signature.startswith("sha256=")
    payload = sim.receiver.accepted[-1]
    assert payload["object"] == "whatsapp_business_account"
    assert payload["entry"][0]["id"] == WABA_ID
    change = payload["entry"][0]["changes"][0]
    assert change["field"] == "messages"
    assert change["value"]["messaging_product"] == "whatsapp"
    assert change["value"]["metadata"] == {"display_phone_number": "254700000100", "phone_number_id": PHONE_ID}

    sent, delivered, read_status = sim.receiver.statuses(wamid)
    assert set(sent) == {
        "id",
        "status",
        "timestamp",
        "recipient_id",
        "biz_opaque_callback_data",
        "conversation",
        "pricing",
    }
    assert sent["recipient_id"] == WANJIRU
    assert sent["timestamp"].isdigit()
    assert sent["biz_opaque_callback_data"] == "campaign:42"
    assert set(sent["conversation"]) == {"id", "expiration_timestamp", "origin"}
    assert sent["conversation"]["origin"] == {"type": "service"}
    assert sent["pricing"] == {"billable": False, "pricing_model": "PMP", "category": "service"}
    assert "expiration_timestamp" not in delivered["conversation"]
    assert delivered["conversation"]["id"] == sent["conversation"]["id"]
    assert "conversation" not in read_status
    assert "pricing" not in read_status

    chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
    outbound = chat["messages"][-1]
    assert [s["status"] for s in outbound["statuses"]] == ["sent", "delivered", "read"]
    assert outbound["status"] == "read"


async def test_auto_read_after_delivery() -> None:
    async with running(fast_settings(auto_read_delay_seconds=0.01)) as sim:
        await sim.customer_says(WANJIRU)
        wamid = await sim.send_ok(text())
        await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["sent", "delivered", "read"])


async def test_read_before_delivery_skips_delivered() -> None:
    async with running(fast_settings(delivered_delay_seconds=0.3)) as sim:
        await sim.customer_says(WANJIRU)
        wamid = await sim.send_ok(text())
        await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["sent"])
        await sim.client.post(f"/_sim/customers/{WANJIRU}/read", json={"message_ids": [wamid]})
        await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["sent", "read"])
        await sim.receiver.wait_for(lambda: sim.simulator.scheduler.pending == 0)
        assert sim.receiver.status_names(wamid) == ["sent", "read"]


async def test_reading_one_message_reads_the_earlier_ones(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    first = await sim.send_ok(text())
    second = await sim.send_ok(text())
    third = await sim.send_ok(text())
    await sim.receiver.wait_for(lambda: "delivered" in sim.receiver.status_names(third))
    await sim.client.post(f"/_sim/customers/{WANJIRU}/read", json={"message_ids": [second]})
    await sim.receiver.wait_for(lambda: "read" in sim.receiver.status_names(second))
    assert "read" in sim.receiver.status_names(first)
    assert "read" not in sim.receiver.status_names(third)


async def test_no_read_status_without_read_receipts(sim: SimHarness) -> None:
    await sim.client.post("/_sim/customers", json={"name": "Ade", "wa_id": "2348022223333", "read_receipts": False})
    await sim.customer_says("2348022223333")
    wamid = await sim.send_ok(text("2348022223333"))
    await sim.receiver.wait_for(lambda: "delivered" in sim.receiver.status_names(wamid))
    assert (await sim.client.post("/_sim/customers/2348022223333/read", json={})).json() == {"read": []}


async def test_reactions_get_sent_only(sim: SimHarness) -> None:
    inbound = await sim.customer_says(WANJIRU)
    wamid = await sim.send_ok(
        {"to": WANJIRU, "type": "reaction", "reaction": {"message_id": inbound["id"], "emoji": "👍"}}
    )
    later = await sim.send_ok(text())
    await sim.receiver.wait_for(lambda: "delivered" in sim.receiver.status_names(later))
    await sim.client.post(f"/_sim/customers/{WANJIRU}/read", json={})
    await sim.receiver.wait_for(lambda: "read" in sim.receiver.status_names(later))
    assert sim.receiver.status_names(wamid) == ["sent"]


async def test_unreachable_customers_get_failed_131026_without_sent(sim: SimHarness) -> None:
    wamid = await sim.send_ok({"to": KOFI, "type": "template", "template": HELLO})
    await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid))
    await sim.receiver.wait_for(lambda: sim.simulator.scheduler.pending == 0)
    (failed,) = sim.receiver.statuses(wamid)
    assert failed["status"] == "failed"
    assert "conversation" not in failed
    assert failed["errors"] == [
        {
            "code": 131026,
            "title": "Message undeliverable",
            "message": "Message undeliverable",
            "error_data": {"details": "Message Undeliverable."},
            "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
        }
    ]


async def test_the_window_can_fail_asynchronously() -> None:
    async with running(fast_settings(window_errors="async")) as sim:
        wamid = await sim.send_ok(text())
        await sim.receiver.wait_for(lambda: sim.receiver.status_names(wamid) == ["failed"])
        assert sim.receiver.statuses(wamid)[0]["errors"][0]["code"] == 131047


async def test_stop_marketing_emits_user_preferences_then_131050(sim: SimHarness) -> None:
    stopped = await sim.client.post(f"/_sim/customers/{GRACE}/marketing", json={"action": "stop"})
    assert stopped.json()["opted_out_of_marketing"] is True
    await sim.receiver.wait_for(lambda: sim.receiver.values("user_preferences"))
    (value,) = sim.receiver.values("user_preferences")
    assert value["contacts"] == [{"profile": {"name": "Grace"}, "wa_id": GRACE}]
    (preference,) = value["user_preferences"]
    assert preference["wa_id"] == GRACE
    assert preference["category"] == "marketing_messages"
    assert preference["value"] == "stop"
    assert preference["detail"] == "User requested to stop marketing messages"
    assert isinstance(preference["timestamp"], int)

    promo = await sim.send_ok({"to": GRACE, "type": "template", "template": PROMO})
    utility = await sim.send_ok({"to": GRACE, "type": "template", "template": HELLO})
    await sim.receiver.wait_for(
        lambda: sim.receiver.status_names(promo) and "delivered" in sim.receiver.status_names(utility)
    )
    assert sim.receiver.status_names(promo) == ["failed"]
    assert sim.receiver.statuses(promo)[0]["errors"][0]["code"] == 131050

    await sim.client.post(f"/_sim/customers/{GRACE}/marketing", json={"action": "resume"})
    again = await sim.send_ok({"to": GRACE, "type": "template", "template": PROMO})
    await sim.receiver.wait_for(lambda: "delivered" in sim.receiver.status_names(again))
    assert [v["user_preferences"][0]["value"] for v in sim.receiver.values("user_preferences")] == ["stop", "resume"]


async def test_template_pricing_follows_the_category_and_window(sim: SimHarness) -> None:
    await sim.customer_says(GRACE)
    utility = await sim.send_ok({"to": GRACE, "type": "template", "template": HELLO})
    promo = await sim.send_ok({"to": GRACE, "type": "template", "template": PROMO})
    await sim.receiver.wait_for(lambda: sim.receiver.status_names(utility) and sim.receiver.status_names(promo))
    assert sim.receiver.statuses(utility)[0]["pricing"] == {
        "billable": False,
        "pricing_model": "PMP",
        "category": "utility",
    }
    assert sim.receiver.statuses(promo)[0]["pricing"] == {
        "billable": True,
        "pricing_model": "PMP",
        "category": "marketing",
    }
    assert sim.receiver.statuses(promo)[0]["conversation"]["origin"] == {"type": "marketing"}
