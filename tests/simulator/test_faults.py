"""Fault injection and redelivery: what the business's receiver must survive (§1.3, §11)."""

from __future__ import annotations

from functools import partial
from typing import Any

from imaradesk.config import SimulatorFaultSettings
from imaradesk.simulator.faults import FaultInjector
from tests.simulator.conftest import WANJIRU, Receiver, SimHarness, fast_settings, running


def has_received(receiver: Receiver, count: int) -> bool:
    return len(receiver.received) == count


def with_faults(**faults: Any) -> Any:
    return fast_settings(faults=faults)


async def test_duplicates_have_identical_bytes_and_signature() -> None:
    async with running(with_faults(duplicate_probability=1.0)) as sim:
        sent = await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 2)
        first, second = sim.receiver.received
        assert first.body == second.body
        assert first.signature == second.signature
        assert first.is_signed_correctly and second.is_signed_correctly
        assert sent["id"].encode() in first.body


async def test_reordering_delivers_read_before_delivered() -> None:
    settings = fast_settings(
        sent_delay_seconds=0.0,
        delivered_delay_seconds=0.02,
        auto_read_delay_seconds=0.02,
        faults={"reorder_probability": 1.0, "reorder_hold_seconds": 0.2},
    )
    async with running(settings) as sim:
        sim.simulator.faults.update({"reorder_probability": 0.0})
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: sim.receiver.messages())
        sim.simulator.faults.update({"reorder_probability": 1.0})
        wamid = await sim.send_ok({"to": WANJIRU, "type": "text", "text": {"body": "hi"}})
        await sim.receiver.wait_for(lambda: len(sim.receiver.status_names(wamid)) == 3)
        # Each status is held back until the next one of the chat goes: `read` reaches the
        # receiver before `delivered`, as Meta allows (§1.3).
        names = sim.receiver.status_names(wamid)
        assert names.index("read") < names.index("delivered")


async def test_drops_never_arrive_and_the_phone_shows_it() -> None:
    async with running(with_faults(drop_probability=1.0)) as sim:
        sent = await sim.customer_says(WANJIRU)
        chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
        assert chat["messages"][0]["delivery"] == "failed"
        log = (await sim.client.get("/_sim/deliveries")).json()["data"]
        assert log[-1]["fault"] == "drop"
        assert sim.receiver.received == []
        assert sent["delivery"] == "failed"


async def test_a_forged_copy_is_rejected_and_never_retried() -> None:
    async with running(with_faults(invalid_signature_probability=1.0)) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 2)
        genuine, forged = sorted(sim.receiver.received, key=lambda r: not r.is_signed_correctly)
        assert genuine.is_signed_correctly and genuine.answered == 200
        assert not forged.is_signed_correctly and forged.answered == 403
        assert forged.body == genuine.body
        assert forged.signature is not None and forged.signature.startswith("sha256=")
        await sim.receiver.wait_for(lambda: sim.simulator.webhooks.is_idle)
        assert len(sim.receiver.received) == 2


async def test_malformed_json_is_signed_but_broken() -> None:
    async with running(with_faults(malformed_json_probability=1.0)) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 2)
        broken = [r for r in sim.receiver.received if r.payload is None]
        assert len(broken) == 1
        assert broken[0].is_signed_correctly
        assert broken[0].answered == 400


async def test_oversized_bodies_exceed_3_mb() -> None:
    async with running(with_faults(oversized_probability=1.0)) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 2)
        big = max(sim.receiver.received, key=lambda r: len(r.body))
        assert len(big.body) > 3 * 1024 * 1024
        assert big.answered == 413
        assert big.is_signed_correctly


async def test_added_latency_delays_delivery() -> None:
    async with running(with_faults(latency_seconds=0.15)) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: sim.simulator.scheduler.pending == 1, timeout=1)
        assert sim.receiver.received == []
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 1)


async def test_faults_can_be_injected_on_demand(sim: SimHarness) -> None:
    for count, (kind, answer) in enumerate(
        (("invalid_signature", 403), ("malformed_json", 400), ("oversized", 413)), start=1
    ):
        response = await sim.client.post("/_sim/faults/inject", json={"kind": kind})
        assert response.json() == {"injected": kind}
        await sim.receiver.wait_for(partial(has_received, sim.receiver, count))
        assert sim.receiver.received[-1].answered == answer


async def test_faults_can_be_changed_at_run_time(sim: SimHarness) -> None:
    changed = await sim.client.patch("/_sim/faults", json={"duplicate_probability": 1.0})
    assert changed.json()["duplicate_probability"] == 1.0
    assert (await sim.client.patch("/_sim/faults", json={"drop_probability": 2})).status_code == 422
    assert (await sim.client.patch("/_sim/faults", json={"nonsense": 1})).status_code == 422
    await sim.client.post("/_sim/reset")
    assert (await sim.client.get("/_sim/faults")).json()["duplicate_probability"] == 0.0


def test_the_same_seed_injects_the_same_faults() -> None:
    settings = SimulatorFaultSettings(duplicate_probability=0.3, drop_probability=0.2, reorder_probability=0.5)
    first, second, other = FaultInjector(settings, 42), FaultInjector(settings, 42), FaultInjector(settings, 43)
    plans = [first.plan() for _ in range(50)]
    assert plans == [second.plan() for _ in range(50)]
    assert plans != [other.plan() for _ in range(50)]
    assert any(p.is_dropped for p in plans) and any(p.is_duplicated for p in plans)


async def test_redelivery_after_500_with_the_same_bytes() -> None:
    receiver = Receiver()
    receiver.answers = [500, 503]
    async with running(fast_settings(), receiver) as sim:
        sent = await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 3)
        bodies = {r.body for r in sim.receiver.received}
        signatures = {r.signature for r in sim.receiver.received}
        assert len(bodies) == 1 and len(signatures) == 1
        assert [r.answered for r in sim.receiver.received] == [500, 503, 200]
        log = (await sim.client.get("/_sim/deliveries")).json()["data"]
        assert [(e["attempt"], e["status_code"]) for e in log] == [(1, 500), (2, 503), (3, 200)]
        chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
        assert chat["messages"][0]["id"] == sent["id"]
        assert chat["messages"][0]["delivery"] == "delivered"


async def test_a_slow_receiver_times_out_and_gets_the_event_again() -> None:
    receiver = Receiver()
    receiver.delay = 0.2
    async with running(fast_settings(webhook_timeout_seconds=0.05, retry_max_attempts=2), receiver) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 2)
        await sim.receiver.wait_for(lambda: sim.simulator.webhooks.is_idle)
        log = (await sim.client.get("/_sim/deliveries")).json()["data"]
        assert [e["attempt"] for e in log] == [1, 2]
        assert all("no answer" in e["error"] for e in log)
        chat = (await sim.client.get(f"/_sim/customers/{WANJIRU}/chat")).json()
        assert chat["messages"][0]["delivery"] == "failed"


async def test_backoff_grows_and_is_capped() -> None:
    receiver = Receiver()
    receiver.answers = [500] * 4
    settings = fast_settings(retry_base_seconds=0.01, retry_max_seconds=0.04)
    async with running(settings, receiver) as sim:
        await sim.customer_says(WANJIRU)
        await sim.receiver.wait_for(lambda: len(sim.receiver.received) == 5)
        log = (await sim.client.get("/_sim/deliveries")).json()["data"]
        assert [e["status_code"] for e in log] == [500, 500, 500, 500, 200]
