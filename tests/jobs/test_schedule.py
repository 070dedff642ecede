"""Recurring jobs: each period is enqueued once, however many workers tick."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs import every
from imaradesk.jobs.queue import JobDefinition
from imaradesk.jobs.schedule import Schedule, get_schedule, registered_schedules, unregister_schedule
from imaradesk.jobs.worker import Worker, drain_jobs
from tests.jobs import sample_jobs
from tests.jobs.queries import jobs_of

pytestmark = pytest.mark.usefixtures("effects")


async def scan_breaches(session: AsyncSession, payload: dict[str, Any]) -> None:
    sample_jobs.CALLS.append(sample_jobs.Call("scan_breaches", clock.now(), payload))


@pytest.fixture
def scan() -> Iterator[JobDefinition]:
    definition = every(seconds=60)(scan_breaches)
    yield definition
    unregister_schedule(definition.name)


def worker_for(database: Database, scan: JobDefinition) -> Worker:
    """A worker that ticks only the test's schedule (domains register their own)."""
    schedule = get_schedule(scan.name)
    assert schedule is not None
    return Worker(database, schedules=[schedule])


def at_period_start() -> None:
    """Move the test clock to 1 s past the next minute, so ticks don't straddle a boundary."""
    now = clock.now()
    next_minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    clock.advance(next_minute - now + timedelta(seconds=1))


def test_period_start_is_aligned_on_the_epoch(scan: JobDefinition) -> None:
    schedule = get_schedule(scan.name)
    assert schedule in registered_schedules()
    assert schedule is not None
    at = datetime(2025, 3, 1, 12, 34, 56, 789, tzinfo=UTC)
    assert schedule.due_at(at) == datetime(2025, 3, 1, 12, 34, tzinfo=UTC)
    hourly = Schedule(scan, timedelta(hours=1))
    assert hourly.due_at(at) == datetime(2025, 3, 1, 12, tzinfo=UTC)


@pytest.mark.committed
async def test_two_workers_enqueue_each_period_once(
    database: Database, scan: JobDefinition, calls: list[sample_jobs.Call]
) -> None:
    at_period_start()
    first, second = worker_for(database, scan), worker_for(database, scan)

    assert sorted(await asyncio.gather(first.tick(), second.tick())) == [0, 1]
    assert await first.tick() + await second.tick() == 0
    assert await drain_jobs(database) == 1

    clock.advance(timedelta(seconds=30))
    assert await first.tick() + await second.tick() == 0
    assert await worker_for(database, scan).tick() == 0  # a process started later in the same period

    clock.advance(timedelta(seconds=30))
    assert sorted(await asyncio.gather(second.tick(), first.tick())) == [0, 1]
    assert await drain_jobs(database) == 1

    assert [c.job for c in calls] == ["scan_breaches", "scan_breaches"]
    due = [datetime.fromisoformat(c.payload["due_at"]) for c in calls]
    assert due[1] - due[0] == timedelta(minutes=1)
    assert due[0].second == 0


async def test_missed_periods_are_not_caught_up(database: Database, scan: JobDefinition) -> None:
    at_period_start()
    worker = worker_for(database, scan)
    assert await worker.tick() == 1
    await drain_jobs(database)
    clock.advance(timedelta(hours=3))
    assert await worker.tick() == 1
    assert await worker.tick() == 0
    await drain_jobs(database)
    assert len(await jobs_of(database, scan)) == 2


async def test_a_period_is_skipped_while_the_previous_run_is_pending(database: Database, scan: JobDefinition) -> None:
    at_period_start()
    worker = worker_for(database, scan)
    assert await worker.tick() == 1
    clock.advance(timedelta(minutes=1))
    assert await worker.tick() == 0
    assert await drain_jobs(database) == 1


async def test_a_worker_can_be_limited_to_given_schedules(database: Database, scan: JobDefinition) -> None:
    assert await Worker(database, schedules=[]).tick() == 0
    assert await jobs_of(database, scan) == []
