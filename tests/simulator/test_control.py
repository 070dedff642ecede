"""The control API (`/_sim/...`) used by the phone page and by tests."""

from __future__ import annotations

from tests.simulator.conftest import GRACE, KOFI, WANJIRU, Receiver, SimHarness, fast_settings, running


async def test_default_customers(sim: SimHarness) -> None:
    customers = (await sim.client.get("/_sim/customers")).json()["data"]
    labels = [c["label"] for c in customers]
    assert labels[:5] == [
        "Wanjiru (Swahili)",
        "Amadou (French)",
        "Joana (Portuguese)",
        "Musa (Hausa)",
        "Grace (English)",
    ]
    kofi = next(c for c in customers if c["wa_id"] == KOFI)
    assert kofi["reachable"] is False
    assert set(customers[0]) >= {"name", "wa_id", "reachable", "opted_out_of_marketing"}


async def test_add_a_customer(sim: SimHarness) -> None:
    body = {"name": "Chidi", "wa_id": "2348011112222", "language": "Igbo", "reachable": False}
    created = await sim.client.post("/_sim/customers", json=body)
    assert created.status_code == 201
    assert created.json()["label"] == "Chidi (Igbo)"
    assert (await sim.client.post("/_sim/customers", json=body)).status_code == 409
    bad = await sim.client.post("/_sim/customers", json={"name": "X", "wa_id": "+1 555"})
    assert bad.status_code == 422
    assert "wa_id" in bad.json()["details"]["fields"]


async def test_chat_shows_both_directions_with_status_timelines(sim: SimHarness) -> None:
    inbound = await sim.customer_says(WANJIRU, text="Habari")
    wamid = await sim.send_ok({"to": WANJIRU, "type": "text", "text": {"body": "Karibu"}})
    await sim.receiver.wait_for(lambda: "delivered" in sim.receiver.status_names(wamid))
    chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
    assert chat["window_open"] is True
    first, second = chat["messages"]
    assert first["direction"] == "inbound"
    assert first["id"] == inbound["id"]
    assert first["delivery"] == "delivered"
    assert second["direction"] == "outbound"
    assert second["content"] == {"body": "Karibu"}
    assert [s["status"] for s in second["statuses"]] == ["sent", "delivered"]
    assert all(isinstance(s["timestamp"], int) for s in second["statuses"])
    other = (await sim.client.get(f"/_sim/customers/{GRACE}/chat")).json()
    assert other["messages"] == []
    assert other["window_open"] is False


async def test_several_business_numbers_keep_separate_chats_and_windows() -> None:
    numbers = [
        {"phone_number_id": "106540352242922"},
        {"phone_number_id": "106540352242999", "verified_name": "Duka Two"},
    ]
    async with running(fast_settings(phone_numbers=numbers)) as sim:
        await sim.customer_says(WANJIRU, phone_number_id="106540352242999")
        text = {"to": WANJIRU, "type": "text", "text": {"body": "hi"}}
        assert (await sim.send(text, phone_id="106540352242999")).status_code == 200
        assert (await sim.send(text)).status_code == 400  # the window belongs to the other number (§5.1)
        await sim.receiver.wait_for(lambda: sim.receiver.messages())
        assert sim.receiver.values()[0]["metadata"]["phone_number_id"] == "106540352242999"
        chat = (
            await sim.client.get(f"/_sim/customers/{WANJIRU}/chat", params={"phone_number_id": "106540352242999"})
        ).json()
        assert len(chat["messages"]) == 2
        unknown = await sim.client.get(f"/_sim/customers/{WANJIRU}/chat", params={"phone_number_id": "1"})
        assert unknown.status_code == 404


async def test_reset_forgets_everything(sim: SimHarness) -> None:
    await sim.client.post("/_sim/customers", json={"name": "Chidi", "wa_id": "2348011112222"})
    await sim.customer_says(WANJIRU)
    assert (await sim.client.post("/_sim/reset")).json() == {"reset": True}
    customers = (await sim.client.get("/_sim/customers")).json()["data"]
    assert "2348011112222" not in {c["wa_id"] for c in customers}
    assert (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()["messages"] == []


async def test_config_and_deliveries(sim: SimHarness) -> None:
    config = (await sim.client.get("/_sim/config")).json()
    assert config["graph_version"] == "v21.0"
    assert config["numbers"][0]["verified_name"] == "Duka Demo"
    assert config["running"] is True
    await sim.customer_says(WANJIRU)
    await sim.receiver.wait_for(lambda: sim.receiver.received)
    log = (await sim.client.get("/_sim/deliveries")).json()
    assert log["data"][0]["status_code"] == 200
    assert log["data"][0]["description"].startswith("inbound text")


async def test_webhook_verification_handshake(sim: SimHarness) -> None:
    result = (await sim.client.post("/_sim/webhook/verify")).json()
    assert result["ok"] is True
    assert result["status_code"] == 200
    assert result["body"].isdigit()


async def test_handshake_reports_a_refusal() -> None:
    async with running(fast_settings(verify_token="wrong"), Receiver()) as sim:
        result = (await sim.client.post("/_sim/webhook/verify")).json()
        assert result == {"ok": False, "status_code": 403, "body": "forbidden", "error": None}


async def test_media_for_the_phone_page_needs_no_token(sim: SimHarness) -> None:
    sent = await sim.customer_says(WANJIRU, type="image")
    media_id = sent["message"]["image"]["id"]
    response = await sim.client.get(f"/_sim/media/{media_id}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/jpeg"
    assert (await sim.client.get("/_sim/media/1")).status_code == 404


async def test_template_status_can_be_set(sim: SimHarness) -> None:
    response = await sim.client.post("/_sim/templates/1000000000000006/status", json={"status": "paused"})
    assert response.json()["status"] == "PAUSED"
    await sim.receiver.wait_for(lambda: sim.receiver.values("message_template_status_update"))
    assert sim.receiver.values("message_template_status_update")[0]["event"] == "PAUSED"
    assert (
        await sim.client.post("/_sim/templates/1000000000000006/status", json={"status": "NOPE"})
    ).status_code == 422
    assert (await sim.client.post("/_sim/templates/1/status", json={"status": "PAUSED"})).status_code == 404
