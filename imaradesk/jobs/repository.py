"""Every query on the job tables: insert with dedupe, claim, lease, outcome, schedule periods."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, func, literal, select, update

from imaradesk.db.repository import Repository, insert_ignoring_conflicts
from imaradesk.jobs.models import Job, JobSchedule, JobStatus

_NO_SYNC = {"synchronize_session": False}


@dataclass(frozen=True, slots=True)
class ClaimedJob:
    id: uuid.UUID
    name: str
    payload: dict[str, Any]
    workspace_id: uuid.UUID | None
    run_at: datetime
    created_at: datetime
    attempts: int
    max_attempts: int


# Core tables for inserts: the ORM's bulk path would resolve every foreign key target
# (workspaces), which a worker process that imports only its job modules may not have.
JOBS = cast(Table, Job.__table__)
JOB_SCHEDULES = cast(Table, JobSchedule.__table__)


_UPDATE_OWN: dict[tuple[str, ...], Any] = {}


def _update_own_statement(columns: tuple[str, ...]) -> Any:
    """UPDATE of a job this worker holds, built once per set of columns: every job runs two or
    three of them, and building a statement (and its cache key) each time cost more than running it."""
    statement = _UPDATE_OWN.get(columns)
    if statement is None:
        statement = _UPDATE_OWN[columns] = (
            update(JOBS)
            .where(
                JOBS.c.id == bindparam("job_id"),
                JOBS.c.locked_by == bindparam("worker_id"),
                JOBS.c.status == JobStatus.running,
            )
            .values({name: bindparam(name) for name in columns})
            .returning(JOBS.c.id)
        )
    return statement


class JobRepository(Repository[Job]):
    model = Job

    async def insert(self, rows: Sequence[dict[str, Any]]) -> list[uuid.UUID]:
        """Insert jobs (one round trip per batch); rows whose dedupe key is held are skipped."""
        if not rows:
            return []
        statement = insert_ignoring_conflicts(self.session, JOBS, returning=("id",))
        result = await self.session.execute(statement, list(rows))
        return list(result.scalars())

    def _due(self, now: datetime, limit: int, skip_names: Collection[str]) -> Select[uuid.UUID]:
        # Core statements on the table throughout: the ORM's bulk UPDATE path cost more than the
        # claim itself. SKIP LOCKED lets several PostgreSQL workers claim disjoint batches; SQLite's
        # dialect drops the clause and its single write lock serialises claims instead.
        statement = select(JOBS.c.id).where(JOBS.c.status == JobStatus.queued, JOBS.c.run_at <= now)
        if skip_names:
            statement = statement.where(JOBS.c.name.not_in(skip_names))
        return statement.order_by(JOBS.c.run_at).limit(limit).with_for_update(skip_locked=True)

    def _expired(self, now: datetime, keep: Collection[uuid.UUID]) -> Select[uuid.UUID]:
        # A running job whose worker is alive holds its row lock (see take_lease), so only
        # rows of lost workers, or claimed rows not started yet, are seen here.
        statement = select(JOBS.c.id).where(JOBS.c.status == JobStatus.running, JOBS.c.locked_until < now)
        if keep:
            statement = statement.where(JOBS.c.id.not_in(keep))
        return statement.with_for_update(skip_locked=True)

    async def requeue_expired(self, now: datetime, keep: Collection[uuid.UUID] = ()) -> int:
        """Put jobs whose lease ran out back in the queue, or to dead on their last attempt.

        `keep`: jobs the calling worker is still running (on SQLite a job's lease is not held by
        a row lock, and the embedded worker claims while its network jobs run)."""
        lost = literal("lease expired: worker ") + JOBS.c.locked_by + " stopped during attempt"
        dead = await self.session.execute(
            update(JOBS)
            .where(JOBS.c.id.in_(self._expired(now, keep).where(JOBS.c.attempts >= JOBS.c.max_attempts)))
            .values(
                status=JobStatus.dead,
                last_error=lost,
                locked_by=None,
                locked_until=None,
                finished_at=now,
            )
            .returning(JOBS.c.id)
        )
        requeued = await self.session.execute(
            update(JOBS)
            .where(JOBS.c.id.in_(self._expired(now, keep)))
            .values(
                status=JobStatus.queued,
                last_error=lost,
                locked_by=None,
                locked_until=None,
            )
            .returning(JOBS.c.id)
        )
        return len(dead.all()) + len(requeued.all())

    async def claim(
        self, now: datetime, worker_id: str, locked_until: datetime, limit: int, skip_names: Collection[str] = ()
    ) -> list[ClaimedJob]:
        """Mark up to `limit` due jobs running for this worker, none named in `skip_names`; each
        claim counts an attempt."""
        result = await self.session.execute(
            update(JOBS)
            .where(JOBS.c.id.in_(self._due(now, limit, skip_names)))
            .values(
                status=JobStatus.running,
                locked_by=worker_id,
                locked_until=locked_until,
                attempts=JOBS.c.attempts + 1,
            )
            .returning(
                JOBS.c.id,
                JOBS.c.name,
                JOBS.c.payload,
                JOBS.c.workspace_id,
                JOBS.c.run_at,
                JOBS.c.created_at,
                JOBS.c.attempts,
                JOBS.c.max_attempts,
            )
        )
        claimed = [ClaimedJob(*row) for row in result.all()]
        # RETURNING order is unspecified on both backends.
        claimed.sort(key=lambda job: (job.run_at, job.created_at))
        return claimed

    async def take_lease(self, job_id: uuid.UUID, worker_id: str, locked_until: datetime) -> bool:
        """Renew the lease at the start of the job's own transaction.

        On PostgreSQL this also row-locks the job until that transaction ends, so another
        worker's claim skips it even if the job outlives its lease. False: the lease was lost.
        """
        return await self._update_own(job_id, worker_id, locked_until=locked_until)

    async def mark_succeeded(self, job_id: uuid.UUID, worker_id: str, now: datetime) -> bool:
        return await self._update_own(
            job_id,
            worker_id,
            status=JobStatus.succeeded,
            finished_at=now,
            locked_by=None,
            locked_until=None,
        )

    async def mark_failed(
        self,
        job_id: uuid.UUID,
        worker_id: str,
        error: str,
        now: datetime,
        retry_at: datetime | None,
    ) -> bool:
        """Queue the next attempt at `retry_at`, or mark the job dead when it is None."""
        values: dict[str, Any] = {
            "last_error": error,
            "locked_by": None,
            "locked_until": None,
        }
        if retry_at is None:
            values.update(status=JobStatus.dead, finished_at=now)
        else:
            values.update(status=JobStatus.queued, run_at=retry_at)
        return await self._update_own(job_id, worker_id, **values)

    async def release(self, job_ids: Sequence[uuid.UUID], worker_id: str) -> int:
        """Hand claimed jobs that never started back to the queue, without using an attempt."""
        if not job_ids:
            return 0
        result = await self.session.execute(
            update(JOBS)
            .where(
                JOBS.c.id.in_(job_ids),
                JOBS.c.locked_by == worker_id,
                JOBS.c.status == JobStatus.running,
            )
            .values(
                status=JobStatus.queued,
                attempts=JOBS.c.attempts - 1,
                locked_by=None,
                locked_until=None,
            )
            .returning(JOBS.c.id)
        )
        return len(result.all())

    async def _update_own(self, job_id: uuid.UUID, worker_id: str, **values: Any) -> bool:
        statement = _update_own_statement(tuple(sorted(values)))
        result = await self.session.execute(statement, {"job_id": job_id, "worker_id": worker_id, **values})
        return result.scalar_one_or_none() is not None

    async def queue_depth(self, now: datetime) -> int:
        """Queued jobs already due: the backlog (jobs delayed into the future are not counted)."""
        total = await self.session.scalar(
            select(func.count()).select_from(Job).where(Job.status == JobStatus.queued, Job.run_at <= now)
        )
        return int(total or 0)

    async def list_jobs(self, name: str | None = None) -> Sequence[Job]:
        """Jobs in creation order, optionally of one name (tests and admin views)."""
        statement = self.select().order_by(Job.created_at, Job.run_at)
        if name is not None:
            statement = statement.where(Job.name == name)
        return await self.all(statement)


class JobScheduleRepository(Repository[JobSchedule]):
    model = JobSchedule

    async def ensure(self, names: Sequence[str]) -> None:
        for name in names:
            await self.session.execute(insert_ignoring_conflicts(self.session, JOB_SCHEDULES).values(name=name))

    async def claim_period(self, name: str, due_at: datetime, now: datetime) -> bool:
        """Compare-and-set the last period: exactly one process wins each (name, due_at)."""
        result = await self.session.execute(
            update(JobSchedule)
            .where(
                JobSchedule.name == name,
                (JobSchedule.last_due_at.is_(None)) | (JobSchedule.last_due_at < due_at),
            )
            .values(last_due_at=due_at, updated_at=now)
            .returning(JobSchedule.name)
            .execution_options(**_NO_SYNC)
        )
        return result.scalar_one_or_none() is not None
