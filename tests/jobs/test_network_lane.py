"""The worker's network lane: a job waiting on a slow provider holds up nothing else.

On SQLite the worker runs the other jobs one after another, on PostgreSQL several at once
(`concurrency`); the lane works the same in both.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

import pytest

from imaradesk.config import JobSettings, Settings
from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs import worker as worker_module
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.queue import JobDefinition, enqueue, get_job
from imaradesk.jobs.worker import Worker
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys, jobs_of

pytestmark = [pytest.mark.committed, pytest.mark.usefixtures("effects")]


@pytest.fixture
def gates() -> dict[str, asyncio.Event]:
    return sample_jobs.GATES  # cleared after each test (tests/jobs/conftest.py)


def _worker(database: Database, lane: int, poll_seconds: float = 0.02) -> Worker:
    settings = Settings(jobs=JobSettings(poll_interval_seconds=poll_seconds))
    return Worker(database, settings, worker_id="lane-test", network_lane=lane, concurrency=2)


@pytest.fixture
async def running(database: Database) -> AsyncIterator[Callable[..., Worker]]:
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []

    def start(lane: int, poll_seconds: float = 0.02) -> Worker:
        worker = _worker(database, lane, poll_seconds)
        tasks.append(asyncio.create_task(worker.run_forever(stop)))
        return worker

    yield start
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 15)


async def _until(check: Callable[[], Awaitable[bool] | bool]) -> None:
    async with asyncio.timeout(10):
        while True:
            done = check()
            if await done if inspect.isawaitable(done) else done:
                return
            await asyncio.sleep(0.01)


async def _enqueue(database: Database, definition: JobDefinition, *keys: str) -> None:
    async with database.unit_of_work() as session:
        for key in keys:
            await enqueue(session, definition, {"key": key})


def _started(key: str) -> int:
    return sum(1 for call in sample_jobs.CALLS if call.job == "call_slow_api" and call.payload["key"] == key)


async def test_other_jobs_run_while_a_network_job_waits(
    database: Database, gates: dict[str, asyncio.Event], running: Callable[..., Worker]
) -> None:
    gates["slow"] = asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "slow")
    running(2)
    await _until(lambda: _started("slow") == 1)
    await _enqueue(database, sample_jobs.record, "a", "b")

    async def others_done() -> bool:
        return sorted(await effect_keys(database)) == ["a", "b"]

    await _until(others_done)
    assert _started("slow") == 1  # still waiting on its provider
    gates["slow"].set()

    async def slow_done() -> bool:
        return "slow" in await effect_keys(database)

    await _until(slow_done)
    assert _started("slow") == 1


async def test_without_a_lane_the_worker_waits_for_the_network_job(
    database: Database, gates: dict[str, asyncio.Event], running: Callable[..., Worker]
) -> None:
    gates["slow"] = asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "slow")
    running(0)
    await _until(lambda: _started("slow") == 1)
    await _enqueue(database, sample_jobs.record, "a")
    await asyncio.sleep(0.3)
    assert await effect_keys(database) == []  # held up behind the slow job
    gates["slow"].set()

    async def all_done() -> bool:
        return sorted(await effect_keys(database)) == ["a", "slow"]

    await _until(all_done)


async def test_a_full_lane_leaves_further_network_jobs_queued(
    database: Database, gates: dict[str, asyncio.Event], running: Callable[..., Worker]
) -> None:
    gates["first"], gates["second"] = asyncio.Event(), asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "first", "second")
    running(1)
    await _until(lambda: _started("first") == 1)
    await asyncio.sleep(0.3)
    assert _started("second") == 0
    (second,) = [j for j in await jobs_of(database, sample_jobs.call_slow_api) if j.payload["key"] == "second"]
    assert (second.status, second.attempts) == (JobStatus.queued, 0)  # handed back, no attempt used

    gates["first"].set()
    gates["second"].set()

    async def both_done() -> bool:
        return sorted(await effect_keys(database)) == ["first", "second"]

    await _until(both_done)
    assert (_started("first"), _started("second")) == (1, 1)


async def test_a_place_freed_in_the_lane_is_taken_without_waiting_for_the_next_poll(
    database: Database, gates: dict[str, asyncio.Event], running: Callable[..., Worker]
) -> None:
    gates["first"], gates["second"] = asyncio.Event(), asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "first", "second")
    running(1, 30.0)  # polls only every 30 s
    await _until(lambda: _started("first") == 1)
    gates["first"].set()
    async with asyncio.timeout(5):
        while _started("second") == 0:
            await asyncio.sleep(0.01)
    gates["second"].set()


async def test_a_network_job_past_its_lease_is_not_run_twice_by_its_own_worker(
    database: Database, gates: dict[str, asyncio.Event], running: Callable[..., Worker]
) -> None:
    gates["long"] = asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "long")
    running(1)
    await _until(lambda: _started("long") == 1)
    clock.advance(timedelta(minutes=10))  # far past the 60 s lease; the worker keeps claiming
    await _enqueue(database, sample_jobs.record, "after")

    async def later_job_done() -> bool:
        return "after" in await effect_keys(database)

    await _until(later_job_done)
    assert _started("long") == 1
    gates["long"].set()

    async def long_done() -> bool:
        return "long" in await effect_keys(database)

    await _until(long_done)
    (job,) = await jobs_of(database, sample_jobs.call_slow_api)
    assert (job.status, job.attempts) == (JobStatus.succeeded, 1)


async def test_stopping_hands_back_network_jobs_that_did_not_finish(
    database: Database, gates: dict[str, asyncio.Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker_module, "STOP_GRACE_SECONDS", 0.1)
    gates["stuck"] = asyncio.Event()
    await _enqueue(database, sample_jobs.call_slow_api, "stuck")
    stop = asyncio.Event()
    task = asyncio.create_task(_worker(database, 1).run_forever(stop))
    await _until(lambda: _started("stuck") == 1)
    stop.set()
    await asyncio.wait_for(task, 5)
    (job,) = await jobs_of(database, sample_jobs.call_slow_api)
    assert (job.status, job.attempts, job.locked_by) == (JobStatus.queued, 0, None)
    assert await effect_keys(database) == []


def test_jobs_that_call_providers_run_in_the_network_lane() -> None:
    from imaradesk.jobs.registry import import_job_modules

    import_job_modules(None)
    beside = {name for name in worker_module.network_job_names() if not name.startswith("tests.")}
    assert {"conversations.enrich_received_message", "whatsapp.download_media", "knowledge.ingest_document"} <= beside
    # Sends stay in turn so that an agent's messages reach the customer in order.
    assert "whatsapp.send_queued_message" not in beside
    definition = get_job("whatsapp.process_event")
    assert definition is not None and not definition.waits_on_network


def test_a_network_job_cannot_be_batchable() -> None:
    with pytest.raises(ValueError, match="cannot share a batch"):
        JobDefinition(name="x", fn=sample_jobs.record.fn, batchable=True, waits_on_network=True)
