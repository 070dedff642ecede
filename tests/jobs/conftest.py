from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from imaradesk.db.session import Database
from tests.jobs import sample_jobs


@pytest.fixture(autouse=True)
def calls() -> Iterator[list[sample_jobs.Call]]:
    sample_jobs.CALLS.clear()
    yield sample_jobs.CALLS
    sample_jobs.CALLS.clear()
    sample_jobs.GATES.clear()


@pytest.fixture
async def effects(request: pytest.FixtureRequest, database: Database) -> AsyncIterator[None]:
    """The side-effect table the sample jobs write to (rolled back with the test, or dropped)."""
    async with database.unit_of_work() as session:
        await session.run_sync(lambda s: sample_jobs.effects.create(s.connection(), checkfirst=True))
    yield
    if "committed" in request.keywords:
        async with database.unit_of_work() as session:
            await session.run_sync(lambda s: sample_jobs.effects.drop(s.connection(), checkfirst=True))
