"""Batchable jobs: one transaction for a run of them, each in its own savepoint (jobs/worker.py)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from sqlalchemy import event

from imaradesk.db.session import Database, Foreground
from imaradesk.jobs import worker as worker_module
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.queue import enqueue_many
from imaradesk.jobs.worker import Worker, drain_jobs
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys, jobs_of

pytestmark = pytest.mark.usefixtures("effects")


@pytest.fixture(autouse=True)
def _hooks() -> None:
    sample_jobs.HOOKS_RUN.clear()


async def test_a_failing_job_of_a_batch_is_retried_alone_and_the_others_commit(database: Database) -> None:
    payloads: list[dict[str, Any]] = [{"key": "a"}, {"key": "b", "fail": True}, {"key": "c"}]
    async with database.unit_of_work() as session:
        await enqueue_many(session, sample_jobs.record_in_batch, payloads)

    assert await Worker(database, worker_id="w").run_once() == 3

    assert sorted(await effect_keys(database)) == ["a", "c"]
    assert sorted(sample_jobs.HOOKS_RUN) == ["a", "c"]  # the failed job's hook is dropped with it
    by_key = {job.payload["key"]: job for job in await jobs_of(database, sample_jobs.record_in_batch)}
    assert by_key["a"].status == by_key["c"].status == JobStatus.succeeded
    failed = by_key["b"]
    assert failed.status == JobStatus.queued
    assert failed.attempts == 1
    assert failed.last_error is not None and failed.last_error.startswith("RuntimeError: boom b")
    assert failed.locked_by is None


@pytest.mark.committed
async def test_a_batch_shares_one_transaction(committed_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker_module, "BATCH_BUDGET_SECONDS", 60.0)  # a slow machine would split it
    async with committed_database.unit_of_work() as session:
        await enqueue_many(session, sample_jobs.record_in_batch, [{"key": str(i)} for i in range(5)])
    commits: list[object] = []

    def listener(connection: object) -> None:
        commits.append(connection)

    event.listen(committed_database.engine.sync_engine, "commit", listener)
    try:
        assert await drain_jobs(committed_database) == 5
    finally:
        event.remove(committed_database.engine.sync_engine, "commit", listener)
    # The claim, one batch, and the empty poll that ends the drain: not one or two per job.
    assert len(commits) <= 3
    assert sorted(await effect_keys(committed_database)) == [str(i) for i in range(5)]


async def test_a_batch_ends_after_one_job_while_webhooks_come_in(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker_module, "BATCH_BUDGET_SECONDS", 60.0)
    async with database.unit_of_work() as session:
        await enqueue_many(session, sample_jobs.record_in_batch, [{"key": str(i)} for i in range(6)])
    worker = Worker(database, worker_id="w")
    foreground = database.foreground
    claimed = await worker._claim(10)
    # Someone waits on the database: each batch holds the transaction for one job only.
    with foreground.write():
        assert await worker._run_batch(claimed, foreground.started) == 1
    # One was acknowledged a moment ago: others that arrived meanwhile have not been read yet.
    assert await worker._run_batch(claimed[1:], foreground.started) == 1
    # One came and went since the batch was planned.
    seen = foreground.started
    monkeypatch.setattr(Foreground, "RECENT_SECONDS", 0.0)
    with foreground.write():
        pass
    assert await worker._run_batch(claimed[2:], seen) == 1
    # Quiet: the rest share one transaction.
    assert await worker._run_batch(claimed[3:], foreground.started) == 3
    assert sorted(await effect_keys(database)) == [str(i) for i in range(6)]


async def test_while_webhooks_arrive_the_worker_pauses_twice_as_long_as_it_worked(database: Database) -> None:
    worker = Worker(database, worker_id="w")
    foreground = database.foreground
    seen = foreground.started

    async def webhooks_keep_coming(seconds: float) -> None:
        ends = time.perf_counter() + seconds
        while time.perf_counter() < ends:
            with foreground.write():
                await asyncio.sleep(0.001)

    flood = asyncio.create_task(webhooks_keep_coming(0.3))
    await asyncio.sleep(0.01)
    started = time.perf_counter()
    await worker._give_way(0.05, seen)
    assert time.perf_counter() - started >= 0.1
    await flood

    # Once what came in has been answered, the pause ends: a trickle does not halve the worker.
    with foreground.write():
        pass
    started = time.perf_counter()
    await worker._give_way(0.05, seen)
    assert time.perf_counter() - started < 0.05

    stop = asyncio.Event()
    worker._stop = stop
    stop.set()
    flood = asyncio.create_task(webhooks_keep_coming(0.6))
    started = time.perf_counter()
    await worker._give_way(0.5, seen)
    assert time.perf_counter() - started < 0.5  # stopping ends the pause
    await flood
