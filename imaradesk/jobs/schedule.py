"""Recurring jobs: @every(seconds=…) and the scheduler tick that enqueues each period once.

Periods are aligned on the Unix epoch, so every process computes the same due times.
The `job_schedules` row of a schedule is compare-and-set to the newest period, so exactly
one process wins a period however many tick. Missed periods are not caught up: after a
pause only the current one runs. A period whose predecessor is still queued or running
is skipped (dedupe key `schedule:<name>`), so a slow job never piles up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs.queue import JobDefinition, JobFn, enqueue, job
from imaradesk.jobs.repository import JobScheduleRepository

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Schedule:
    job: JobDefinition
    period: timedelta

    @property
    def name(self) -> str:
        return self.job.name

    def due_at(self, now: datetime) -> datetime:
        """Start of the period that contains `now`."""
        elapsed = (now - _EPOCH) // timedelta(microseconds=1)
        step = self.period // timedelta(microseconds=1)
        return _EPOCH + timedelta(microseconds=elapsed - elapsed % step)


_SCHEDULES: dict[str, Schedule] = {}


def every(
    *,
    seconds: float,
    max_attempts: int = 3,
    backoff_seconds: float = 2.0,
    timeout_seconds: float = 60.0,
) -> Callable[[JobFn], JobDefinition]:
    """Register `async def fn(session, payload)` as a job run once per period.

    The payload is `{"due_at": "<ISO time of the period start>"}`.
    """
    if seconds < 1:
        raise ValueError("a schedule period must be at least one second")

    def decorate(fn: JobFn) -> JobDefinition:
        definition = job(
            max_attempts=max_attempts,
            backoff_seconds=backoff_seconds,
            max_backoff_seconds=seconds,
            timeout_seconds=timeout_seconds,
        )(fn)
        _SCHEDULES[definition.name] = Schedule(definition, timedelta(seconds=seconds))
        return definition

    return decorate


def registered_schedules() -> list[Schedule]:
    return list(_SCHEDULES.values())


def get_schedule(name: str) -> Schedule | None:
    return _SCHEDULES.get(name)


def unregister_schedule(name: str) -> None:
    """Tests register schedules in fixtures and remove them afterwards."""
    _SCHEDULES.pop(name, None)


class Scheduler:
    """Per-process tick state; remembers won/lost periods so an idle tick costs no query."""

    def __init__(self, schedules: Sequence[Schedule] | None = None) -> None:
        self._fixed = list(schedules) if schedules is not None else None
        self._ticked: dict[str, datetime] = {}
        self._ensured: set[str] = set()

    @property
    def schedules(self) -> list[Schedule]:
        return self._fixed if self._fixed is not None else registered_schedules()

    async def tick(self, database: Database) -> int:
        """Enqueue every schedule whose current period this process has not settled yet."""
        now = clock.now()
        pending = [
            (schedule, schedule.due_at(now))
            for schedule in self.schedules
            if self._ticked.get(schedule.name) != schedule.due_at(now)
        ]
        if not pending:
            return 0
        enqueued = 0
        async with database.unit_of_work() as session:
            repository = JobScheduleRepository(session)
            await repository.ensure([s.name for s, _ in pending if s.name not in self._ensured])
            for schedule, due_at in pending:
                if await repository.claim_period(schedule.name, due_at, now):
                    job_id = await enqueue(
                        session,
                        schedule.job,
                        {"due_at": due_at.isoformat()},
                        dedupe_key=f"schedule:{schedule.name}",
                    )
                    if job_id is not None:
                        enqueued += 1
        for schedule, due_at in pending:
            self._ensured.add(schedule.name)
            self._ticked[schedule.name] = due_at
        return enqueued
