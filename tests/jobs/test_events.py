"""publish(): one job per subscriber, in the publisher's transaction."""

from __future__ import annotations

import pytest

from imaradesk.db.session import Database
from imaradesk.jobs import Event, publish
from imaradesk.jobs.events import subscribers_of
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.repository import JobRepository
from imaradesk.jobs.worker import drain_jobs
from tests.factories.workspaces import make_workspace
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys

pytestmark = pytest.mark.usefixtures("effects")


class UrgentTicketOpened(sample_jobs.TicketOpened):
    priority: int = 1


class NobodyListens(Event):
    value: int


async def all_jobs(database: Database) -> list[tuple[str, str]]:
    async with database.unit_of_work() as session:
        return [(j.name, j.status) for j in await JobRepository(session).list_jobs()]


async def test_publish_creates_one_job_per_subscriber(database: Database, calls: list[sample_jobs.Call]) -> None:
    async with database.unit_of_work() as session:
        owner = await make_workspace(session)
        created = await publish(session, sample_jobs.TicketOpened(ticket="T-1", workspace_id=owner.workspace_id))
    assert len(created) == 2

    async with database.unit_of_work() as session:
        jobs = await JobRepository(session).list_jobs()
    assert sorted(j.name for j in jobs) == [
        "tests.jobs.sample_jobs.notify_agents",
        "tests.jobs.sample_jobs.start_sla_clock",
    ]
    assert {j.workspace_id for j in jobs} == {owner.workspace_id}
    assert {j.max_attempts for j in jobs} == {5, 2}

    assert await drain_jobs(database) == 2
    assert sorted(c.job for c in calls) == ["notify_agents", "start_sla_clock"]
    for call in calls:
        assert call.payload == sample_jobs.TicketOpened(ticket="T-1", workspace_id=owner.workspace_id)
        assert type(call.payload) is sample_jobs.TicketOpened
    assert await effect_keys(database) == ["sla:T-1"]


async def test_publish_in_a_rolled_back_transaction_creates_no_job(database: Database) -> None:
    with pytest.raises(RuntimeError):
        async with database.unit_of_work() as session:
            await publish(session, sample_jobs.TicketOpened(ticket="T-2"))
            raise RuntimeError("request failed")
    assert await all_jobs(database) == []


async def test_subscribers_of_a_base_event_receive_subclasses_as_the_base(
    database: Database, calls: list[sample_jobs.Call]
) -> None:
    assert len(subscribers_of(UrgentTicketOpened)) == 2
    async with database.unit_of_work() as session:
        await publish(session, UrgentTicketOpened(ticket="T-3", priority=9))
    await drain_jobs(database)
    assert {type(c.payload) for c in calls} == {sample_jobs.TicketOpened}
    assert {c.payload.ticket for c in calls} == {"T-3"}


async def test_event_without_subscribers_creates_nothing(database: Database) -> None:
    async with database.unit_of_work() as session:
        assert await publish(session, NobodyListens(value=1)) == []
    assert await all_jobs(database) == []


async def test_publish_with_a_dedupe_key_is_idempotent_while_pending(database: Database) -> None:
    event = sample_jobs.TicketOpened(ticket="T-4")
    async with database.unit_of_work() as session:
        assert len(await publish(session, event, dedupe_key="ticket:T-4:opened")) == 2
        assert await publish(session, event, dedupe_key="ticket:T-4:opened") == []
    await drain_jobs(database)
    assert await effect_keys(database) == ["sla:T-4"]
    assert {status for _, status in await all_jobs(database)} == {JobStatus.succeeded}


def test_events_are_immutable() -> None:
    event = sample_jobs.TicketOpened(ticket="T-5")
    with pytest.raises(ValueError, match="frozen"):
        event.ticket = "other"  # type: ignore[misc]
