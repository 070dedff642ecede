"""Reading back what the jobs did, for assertions."""

from __future__ import annotations

from sqlalchemy import text

from imaradesk.db.session import Database
from imaradesk.jobs.models import Job
from imaradesk.jobs.queue import JobDefinition
from imaradesk.jobs.repository import JobRepository


async def effect_keys(database: Database) -> list[str]:
    async with database.unit_of_work() as session:
        rows = await session.execute(text("SELECT key FROM job_test_effects ORDER BY id"))
        return [row[0] for row in rows]


async def jobs_of(database: Database, definition: JobDefinition) -> list[Job]:
    async with database.unit_of_work() as session:
        return list(await JobRepository(session).list_jobs(definition.name))


async def only_job(database: Database, definition: JobDefinition) -> Job:
    found = await jobs_of(database, definition)
    assert len(found) == 1, found
    return found[0]
