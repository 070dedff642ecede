"""Queue depth for /metrics, read when Prometheus scrapes."""

from __future__ import annotations

from imaradesk.core import clock
from imaradesk.core.observability import JOB_QUEUE_DEPTH
from imaradesk.db.session import Database
from imaradesk.jobs.repository import JobRepository


async def refresh_queue_depth(database: Database) -> None:
    async with database.sessionmaker() as session:
        JOB_QUEUE_DEPTH.set(await JobRepository(session).queue_depth(clock.now()))
