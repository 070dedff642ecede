"""The worker: retries with backoff, dead jobs, rollback of failed attempts, timeouts, leases."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs import enqueue
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.queue import enqueue_many
from imaradesk.jobs.repository import JobRepository
from imaradesk.jobs.worker import Worker, drain_jobs
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys, jobs_of, only_job

pytestmark = pytest.mark.usefixtures("effects")


async def test_failed_job_is_retried_with_exponential_backoff_then_dead(
    database: Database, calls: list[sample_jobs.Call]
) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.always_fails, {"key": "x"}, dedupe_key="fails")

    assert await drain_jobs(database) == 1
    first = await only_job(database, sample_jobs.always_fails)
    assert first.status == JobStatus.queued
    assert first.attempts == 1
    assert first.last_error is not None and first.last_error.startswith("RuntimeError: boom")
    assert "Traceback" in first.last_error
    # backoff_seconds=10: attempt 2 waits 10 s, attempt 3 waits 20 s after the failure.
    assert timedelta(seconds=10) <= first.run_at - calls[0].at < timedelta(seconds=11)

    clock.advance(timedelta(seconds=9))
    assert await drain_jobs(database) == 0
    clock.advance(timedelta(seconds=2))
    assert await drain_jobs(database) == 1
    second = await only_job(database, sample_jobs.always_fails)
    assert second.status == JobStatus.queued
    assert second.attempts == 2
    assert timedelta(seconds=20) <= second.run_at - calls[1].at < timedelta(seconds=21)

    clock.advance(timedelta(seconds=19))
    assert await drain_jobs(database) == 0
    clock.advance(timedelta(seconds=2))
    assert await drain_jobs(database) == 1
    dead = await only_job(database, sample_jobs.always_fails)
    assert dead.status == JobStatus.dead
    assert dead.attempts == 3
    assert dead.finished_at is not None
    assert dead.locked_by is None

    clock.advance(timedelta(days=1))
    assert await drain_jobs(database) == 0
    assert [c.job for c in calls] == ["always_fails"] * 3
    assert calls[1].at - calls[0].at >= timedelta(seconds=10)
    assert calls[2].at - calls[1].at >= timedelta(seconds=20)

    # A dead job no longer holds its dedupe key.
    async with database.unit_of_work() as session:
        assert await enqueue(session, sample_jobs.always_fails, {"key": "y"}, dedupe_key="fails")


async def test_side_effects_of_a_failed_attempt_are_rolled_back(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.always_fails, {"key": "rolled-back"})
        await enqueue(session, sample_jobs.record, {"key": "kept"})

    assert await drain_jobs(database) == 2
    assert await effect_keys(database) == ["kept"]


async def test_attempt_past_its_timeout_is_cancelled_and_recorded(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.never_finishes, {"key": "slow"})

    assert await drain_jobs(database) == 1
    dead = await only_job(database, sample_jobs.never_finishes)
    assert dead.status == JobStatus.dead
    assert dead.last_error is not None
    assert dead.last_error.startswith("JobTimedOut: attempt exceeded its 0.05s timeout")
    assert await effect_keys(database) == []


async def test_job_of_a_lost_worker_runs_again_after_its_lease(database: Database) -> None:
    lease = timedelta(seconds=60)
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "k"})
    async with database.unit_of_work() as session:
        # A worker claims the job and dies before running it.
        claimed = await JobRepository(session).claim(clock.now(), "lost", clock.now() + lease, 10)
    assert len(claimed) == 1

    assert await drain_jobs(database) == 0
    clock.advance(lease + timedelta(seconds=1))
    assert await drain_jobs(database) == 1

    done = await only_job(database, sample_jobs.record)
    assert done.status == JobStatus.succeeded
    assert done.attempts == 2
    assert done.last_error == "lease expired: worker lost stopped during attempt"
    assert await effect_keys(database) == ["k"]


async def test_job_lost_on_its_last_attempt_is_dead(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.never_finishes, {"key": "k"})
    async with database.unit_of_work() as session:
        await JobRepository(session).claim(clock.now(), "lost", clock.now() + timedelta(seconds=60), 10)

    clock.advance(timedelta(minutes=2))
    assert await drain_jobs(database) == 0
    dead = await only_job(database, sample_jobs.never_finishes)
    assert dead.status == JobStatus.dead
    assert dead.attempts == 1
    assert dead.last_error == "lease expired: worker lost stopped during attempt"


async def test_worker_that_lost_its_lease_does_not_run_the_job(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "k"})
    slow = Worker(database, worker_id="slow")
    claimed = await slow._claim(10)
    # The lease runs out before `slow` reaches the job; another worker takes it over.
    clock.advance(timedelta(minutes=5))
    assert await Worker(database, worker_id="fast").run_once() == 1

    await slow._run(claimed[0])
    assert await effect_keys(database) == ["k"]
    done = await only_job(database, sample_jobs.record)
    assert done.status == JobStatus.succeeded
    assert done.attempts == 2


async def test_stopping_hands_claimed_jobs_that_did_not_start_back(database: Database) -> None:
    async with database.unit_of_work() as session:
        for key in "abc":
            await enqueue(session, sample_jobs.record, {"key": key})
    stop = asyncio.Event()
    stop.set()
    worker = Worker(database)
    worker._stop = stop

    assert await worker.run_once() == 3
    jobs = await jobs_of(database, sample_jobs.record)
    assert {(j.status, j.attempts, j.locked_by) for j in jobs} == {(JobStatus.queued, 0, None)}
    assert await drain_jobs(database) == 3


@pytest.mark.committed
async def test_run_forever_runs_jobs_until_stopped(database: Database) -> None:
    async with database.unit_of_work() as session:
        for key in "abc":
            await enqueue(session, sample_jobs.record, {"key": key})
    stop = asyncio.Event()
    task = asyncio.create_task(Worker(database).run_forever(stop))

    async with asyncio.timeout(10):
        while len(await effect_keys(database)) < 3:
            await asyncio.sleep(0.01)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert sorted(await effect_keys(database)) == ["a", "b", "c"]


@pytest.mark.postgres
@pytest.mark.committed
async def test_job_outliving_its_lease_is_not_taken_by_another_worker(
    database: Database,
) -> None:
    """While a job runs, its row lock makes other workers skip it even past the lease."""
    sample_jobs.GATES["slow"] = asyncio.Event()
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.wait_for_gate, {"key": "slow"})
    first = asyncio.create_task(Worker(database, worker_id="first").run_once())
    async with asyncio.timeout(10):
        while not sample_jobs.CALLS:
            await asyncio.sleep(0.01)

    clock.advance(timedelta(minutes=10))
    assert await Worker(database, worker_id="second").run_once() == 0

    sample_jobs.GATES["slow"].set()
    assert await asyncio.wait_for(first, 10) == 1
    done = await only_job(database, sample_jobs.wait_for_gate)
    assert done.status == JobStatus.succeeded
    assert done.attempts == 1
    assert await effect_keys(database) == ["slow"]


@pytest.mark.postgres
@pytest.mark.committed
async def test_timeout_during_a_query_leaves_the_worker_usable(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.slow_query, {"key": "cut"})
        await enqueue(session, sample_jobs.record, {"key": "after"})

    assert await drain_jobs(database) == 2
    dead = await only_job(database, sample_jobs.slow_query)
    assert dead.status == JobStatus.dead
    assert dead.last_error is not None
    assert dead.last_error.startswith("JobTimedOut: attempt exceeded its 0.2s timeout")
    assert (await only_job(database, sample_jobs.record)).status == JobStatus.succeeded
    assert await effect_keys(database) == ["after"]


@pytest.mark.committed
@pytest.mark.parametrize("concurrency", [1, 4])
async def test_concurrent_workers_run_each_job_once(database: Database, concurrency: int) -> None:
    """Two workers in one process (and, on PostgreSQL, several jobs at once in each)."""
    async with database.unit_of_work() as session:
        await enqueue_many(session, sample_jobs.record, [{"key": str(i)} for i in range(100)])
    stop = asyncio.Event()
    workers = [Worker(database, concurrency=concurrency) for _ in range(2)]
    tasks = [asyncio.create_task(w.run_forever(stop)) for w in workers]

    async with asyncio.timeout(30):
        while len(await effect_keys(database)) < 100:
            await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 10)

    keys = await effect_keys(database)
    assert sorted(keys) == sorted(str(i) for i in range(100))
    jobs = await jobs_of(database, sample_jobs.record)
    assert {(j.status, j.attempts) for j in jobs} == {(JobStatus.succeeded, 1)}
