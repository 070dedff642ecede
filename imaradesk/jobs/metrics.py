"""The queue-depth gauge, refreshed by workers and on each /metrics scrape."""

from __future__ import annotations

from imaradesk.core import clock
from imaradesk.core.observability import JOB_QUEUE_DEPTH
from imaradesk.db.session import Database
from imaradesk.jobs.repository import JobRepository


async def queue_depth(database: Database) -> int:
    """Queued jobs already due (jobs delayed into the future are not a backlog)."""
    async with database.unit_of_work() as session:
        return await JobRepository(session).queue_depth(clock.now())


async def refresh_queue_depth(database: Database) -> int:
    depth = await queue_depth(database)
    JOB_QUEUE_DEPTH.set(depth)
    return depth
