"""Template management (§5.4): PENDING → APPROVED with its webhook, listing, paging, delete."""

from __future__ import annotations

from typing import Any

from tests.simulator.conftest import WABA_ID, WANJIRU, SimHarness, auth, error_of, fast_settings, running

DEFINITION: dict[str, Any] = {
    "name": "shipping_notice",
    "language": "en_US",
    "category": "UTILITY",
    "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["A1023"]}},
        {
            "type": "BODY",
            "text": "Hi {{1}}, your order {{2}} is on its way.",
            "example": {"body_text": [["Amina", "A1023"]]},
        },
        {"type": "FOOTER", "text": "Reply STOP to opt out"},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Track order"}]},
    ],
}
SEND = {
    "name": "shipping_notice",
    "language": {"code": "en_US"},
    "components": [
        {"type": "header", "parameters": [{"type": "text", "text": "A1023"}]},
        {"type": "body", "parameters": [{"type": "text", "text": "Amina"}, {"type": "text", "text": "A1023"}]},
    ],
}


async def test_a_new_template_is_pending_then_approved_with_a_webhook(sim: SimHarness) -> None:
    created = await sim.client.post(f"/v21.0/{WABA_ID}/message_templates", json=DEFINITION, headers=auth())
    assert created.status_code == 200
    body = created.json()
    assert body["status"] == "PENDING"
    assert body["category"] == "UTILITY"
    template_id = body["id"]

    pending = await sim.send({"to": WANJIRU, "type": "template", "template": SEND})
    assert error_of(pending)["code"] == 132001

    await sim.receiver.wait_for(lambda: sim.receiver.values("message_template_status_update"))
    payload = sim.receiver.accepted[-1]
    entry = payload["entry"][0]
    assert payload["object"] == "whatsapp_business_account"
    assert entry["id"] == WABA_ID
    assert isinstance(entry["time"], int)
    assert entry["changes"][0]["field"] == "message_template_status_update"
    assert entry["changes"][0]["value"] == {
        "event": "APPROVED",
        "message_template_id": int(template_id),
        "message_template_name": "shipping_notice",
        "message_template_language": "en_US",
        "reason": "NONE",
        "message_template_category": "UTILITY",
    }
    one = (await sim.client.get(f"/v21.0/{template_id}", headers=auth())).json()
    assert one["status"] == "APPROVED"
    sent = await sim.send({"to": WANJIRU, "type": "template", "template": SEND})
    assert sent.status_code == 200, sent.text


async def test_definitions_are_checked(sim: SimHarness) -> None:
    url = f"/v21.0/{WABA_ID}/message_templates"
    for broken in (
        {**DEFINITION, "name": "Has Spaces"},
        {**DEFINITION, "category": "PROMO"},
        {**DEFINITION, "components": [{"type": "HEADER", "format": "TEXT", "text": "no body"}]},
        {**DEFINITION, "language": ""},
    ):
        assert error_of(await sim.client.post(url, json=broken, headers=auth()))["code"] == 100
    duplicate = {**DEFINITION, "name": "order_update"}
    assert error_of(await sim.client.post(url, json=duplicate, headers=auth()))["code"] == 100


async def test_listing_filters_fields_and_paging(sim: SimHarness) -> None:
    url = f"/v21.0/{WABA_ID}/message_templates"
    everything = (await sim.client.get(url, headers=auth())).json()
    names = {t["name"] for t in everything["data"]}
    assert {"hello_world", "order_update", "weekly_promo", "delivery_reminder"} <= names
    assert set(everything["data"][0]) >= {"id", "name", "language", "status", "category", "components"}

    selected = (await sim.client.get(url, params={"fields": "name,status", "name": "order"}, headers=auth())).json()
    assert {t["name"] for t in selected["data"]} == {"order_update"}
    assert set(selected["data"][0]) == {"id", "name", "status"}

    first = (await sim.client.get(url, params={"limit": 2}, headers=auth())).json()
    assert len(first["data"]) == 2
    assert "next" in first["paging"]
    second = (await sim.client.get(first["paging"]["next"], headers=auth())).json()
    assert {t["id"] for t in second["data"]}.isdisjoint({t["id"] for t in first["data"]})
    after = first["paging"]["cursors"]["after"]
    again = (await sim.client.get(url, params={"limit": 2, "after": after}, headers=auth())).json()
    assert again["data"] == second["data"]


async def test_delete_by_name_removes_every_language_or_one_by_hsm_id(sim: SimHarness) -> None:
    url = f"/v21.0/{WABA_ID}/message_templates"
    one = await sim.client.delete(url, params={"name": "order_update", "hsm_id": "1000000000000003"}, headers=auth())
    assert one.json() == {"success": True}
    languages = {
        t["language"]
        for t in (await sim.client.get(url, params={"name": "order_update"}, headers=auth())).json()["data"]
    }
    assert "sw" not in languages
    assert "en_US" in languages
    assert (await sim.client.delete(url, params={"name": "order_update"}, headers=auth())).json() == {"success": True}
    assert (await sim.client.get(url, params={"name": "order_update"}, headers=auth())).json()["data"] == []
    assert error_of(await sim.client.delete(url, params={"name": "order_update"}, headers=auth()))["code"] == 100
    assert error_of(await sim.client.delete(url, headers=auth()))["code"] == 100


async def test_editing_sends_a_template_back_to_review() -> None:
    # A review slow enough that the PENDING state is seen even on a loaded machine.
    async with running(fast_settings(template_approval_delay_seconds=0.5)) as sim:
        edited = await sim.client.post(
            "/v21.0/1000000000000001", json={"components": [{"type": "BODY", "text": "Hello!"}]}, headers=auth()
        )
        assert edited.json() == {"success": True}
        assert (await sim.client.get("/v21.0/1000000000000001", headers=auth())).json()["status"] == "PENDING"
        await sim.receiver.wait_for(lambda: sim.receiver.values("message_template_status_update"), timeout=5)


async def test_an_unknown_waba_is_an_unknown_object(sim: SimHarness) -> None:
    response = await sim.client.get("/v21.0/123/message_templates", headers=auth())
    assert error_of(response)["code"] == 100
