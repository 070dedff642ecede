"""Job rows and schedule state (docs/decisions/0001-job-queue.md)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from imaradesk.core import clock
from imaradesk.db.base import Base, IdMixin


class JobStatus(StrEnum):
    queued = "queued"  # waiting for run_at, including retries after a failed attempt
    running = "running"  # claimed; locked_by holds it until locked_until
    succeeded = "succeeded"
    dead = "dead"  # attempts exhausted, unknown job name, or lost on its last attempt


ACTIVE_STATUSES = (JobStatus.queued, JobStatus.running)


class Job(IdMixin, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        # The claim walks queued rows in run_at order; finished rows stay for observability
        # but sit under other status prefixes, so they never slow the claim down.
        Index("ix_jobs_status_run_at", "status", "run_at"),
        # A dedupe key only blocks while its job is still queued or running.
        Index(
            "uq_jobs_dedupe_key",
            "dedupe_key",
            unique=True,
            sqlite_where=text("status IN ('queued', 'running')"),
            postgresql_where=text("status IN ('queued', 'running')"),
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]]
    workspace_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.queued)
    run_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    max_attempts: Mapped[int]
    last_error: Mapped[str | None] = mapped_column(Text)
    locked_by: Mapped[str | None] = mapped_column(String(200))
    locked_until: Mapped[datetime | None]
    dedupe_key: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    finished_at: Mapped[datetime | None]


class JobSchedule(Base):
    """One row per recurring job: the last period a process won the right to enqueue."""

    __tablename__ = "job_schedules"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    last_due_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]
