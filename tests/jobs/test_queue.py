"""enqueue(): rows in the caller's transaction, run_at, dedupe keys, payload checks, names."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from prometheus_client import REGISTRY

from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs import enqueue, job
from imaradesk.jobs.metrics import refresh_queue_depth
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.queue import JobDefinition, JobPayloadError, enqueue_many, get_job, job_name
from imaradesk.jobs.repository import JobRepository
from imaradesk.jobs.worker import Worker, drain_jobs
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys, jobs_of, only_job

pytestmark = pytest.mark.usefixtures("effects")


def job_runs(definition: JobDefinition, outcome: str) -> float:
    labels = {"job": definition.name, "outcome": outcome}
    return REGISTRY.get_sample_value("imaradesk_job_runs_total", labels) or 0.0


async def test_job_enqueued_in_a_committed_transaction_runs_once(database: Database) -> None:
    runs_before = job_runs(sample_jobs.record, "succeeded")
    async with database.unit_of_work() as session:
        job_id = await enqueue(session, sample_jobs.record, {"key": "a"})

    assert await drain_jobs(database) == 1
    assert job_runs(sample_jobs.record, "succeeded") == runs_before + 1
    assert await drain_jobs(database) == 0
    assert await effect_keys(database) == ["a"]
    done = await only_job(database, sample_jobs.record)
    assert done.id == job_id
    assert done.status == JobStatus.succeeded
    assert done.attempts == 1
    assert done.finished_at is not None
    assert done.locked_by is None


async def test_job_enqueued_in_a_rolled_back_transaction_does_not_exist(database: Database) -> None:
    with pytest.raises(RuntimeError, match="request failed"):
        async with database.unit_of_work() as session:
            await enqueue(session, sample_jobs.record, {"key": "lost"})
            raise RuntimeError("request failed")

    assert await jobs_of(database, sample_jobs.record) == []
    assert await drain_jobs(database) == 0
    assert await effect_keys(database) == []


async def test_job_with_future_run_at_waits_until_the_clock_passes_it(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "later"}, run_at=clock.now() + timedelta(hours=1))

    assert await drain_jobs(database) == 0
    clock.advance(timedelta(minutes=59))
    assert await drain_jobs(database) == 0
    clock.advance(timedelta(minutes=2))
    assert await drain_jobs(database) == 1
    assert await effect_keys(database) == ["later"]


async def test_drain_runs_due_jobs_in_run_at_order(database: Database) -> None:
    start = clock.now()
    async with database.unit_of_work() as session:
        for minutes, key in [(3, "third"), (1, "first"), (2, "second")]:
            await enqueue(
                session,
                sample_jobs.record,
                {"key": key},
                run_at=start + timedelta(minutes=minutes),
            )

    clock.advance(timedelta(minutes=5))
    assert await drain_jobs(database) == 3
    assert await effect_keys(database) == ["first", "second", "third"]


async def test_dedupe_key_of_a_pending_job_makes_enqueue_a_no_op(database: Database) -> None:
    async with database.unit_of_work() as session:
        first = await enqueue(session, sample_jobs.record, {"key": "1"}, dedupe_key="send:42")
        second = await enqueue(session, sample_jobs.record, {"key": "2"}, dedupe_key="send:42")
        other = await enqueue(session, sample_jobs.record, {"key": "3"}, dedupe_key="send:43")
    assert first is not None and other is not None
    assert second is None

    async with database.unit_of_work() as session:
        assert await enqueue(session, sample_jobs.record, {"key": "4"}, dedupe_key="send:42") is None

    await drain_jobs(database)
    assert sorted(await effect_keys(database)) == ["1", "3"]


async def test_dedupe_key_holds_while_the_job_runs(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "1"}, dedupe_key="k")
    async with database.unit_of_work() as session:
        claimed = await JobRepository(session).claim(clock.now(), "w", clock.now() + timedelta(minutes=1), 10)
    assert [c.name for c in claimed] == [sample_jobs.record.name]

    async with database.unit_of_work() as session:
        assert await enqueue(session, sample_jobs.record, {"key": "2"}, dedupe_key="k") is None


async def test_dedupe_key_is_free_again_once_the_job_finished(database: Database) -> None:
    async with database.unit_of_work() as session:
        first = await enqueue(session, sample_jobs.record, {"key": "1"}, dedupe_key="k")
    await drain_jobs(database)

    async with database.unit_of_work() as session:
        again = await enqueue(session, sample_jobs.record, {"key": "2"}, dedupe_key="k")
    assert again is not None and again != first
    await drain_jobs(database)
    assert await effect_keys(database) == ["1", "2"]
    assert [j.dedupe_key for j in await jobs_of(database, sample_jobs.record)] == ["k", "k"]


async def test_enqueue_many_writes_one_job_per_payload_and_honours_dedupe_keys(
    database: Database,
) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "held"}, dedupe_key="send:2")
        created = await enqueue_many(
            session,
            sample_jobs.record,
            [{"key": f"r{i}"} for i in range(4)],
            dedupe_keys=["send:0", "send:1", "send:2", None],
        )
    assert len(created) == 3

    assert await drain_jobs(database) == 4
    assert sorted(await effect_keys(database)) == ["held", "r0", "r1", "r3"]

    async with database.unit_of_work() as session:
        with pytest.raises(ValueError, match="one dedupe key"):
            await enqueue_many(session, sample_jobs.record, [{"key": "a"}], dedupe_keys=[])
        assert await enqueue_many(session, sample_jobs.record, []) == []


async def test_payload_that_is_not_json_is_refused_with_the_job_name(database: Database) -> None:
    async with database.unit_of_work() as session:
        with pytest.raises(JobPayloadError, match=r"tests\.jobs\.sample_jobs\.record.*UUID"):
            await enqueue(session, sample_jobs.record, {"key": uuid.uuid4()})
        with pytest.raises(JobPayloadError, match="must be a dict"):
            await enqueue(session, sample_jobs.record, ["key"])  # type: ignore[arg-type]
        with pytest.raises(JobPayloadError, match="not JSON-serialisable"):
            await enqueue(session, sample_jobs.record, {"key": float("nan")})
    assert await jobs_of(database, sample_jobs.record) == []


async def test_payload_is_stored_as_json_round_trips_it(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "k", "ids": (1, 2), "nested": {"a": None}})
    await drain_jobs(database)
    assert sample_jobs.CALLS[0].payload == {"key": "k", "ids": [1, 2], "nested": {"a": None}}


async def test_naive_run_at_is_refused(database: Database) -> None:
    async with database.unit_of_work() as session:
        with pytest.raises(ValueError, match="timezone-aware"):
            await enqueue(session, sample_jobs.record, {"key": "k"}, run_at=clock.now().replace(tzinfo=None))


async def test_enqueue_takes_only_registered_job_functions(database: Database) -> None:
    async def plain(session: object, payload: object) -> None: ...

    async with database.unit_of_work() as session:
        with pytest.raises(TypeError, match="decorated with @job"):
            await enqueue(session, plain, {})  # type: ignore[arg-type]


async def test_unknown_job_name_is_dead_with_a_clear_error(database: Database) -> None:
    async def gone(session: object, payload: object) -> None: ...

    removed = JobDefinition(name="tickets.removed_in_v2", fn=gone)
    async with database.unit_of_work() as session:
        await enqueue(session, removed, {"x": 1})

    assert await drain_jobs(database) == 1
    dead = await only_job(database, removed)
    assert dead.status == JobStatus.dead
    assert dead.last_error is not None
    assert "no job named 'tickets.removed_in_v2'" in dead.last_error
    assert "JOB_MODULES" in dead.last_error
    assert await drain_jobs(database) == 0


def test_job_names_come_from_the_module_path() -> None:
    assert job_name("imaradesk.flows.jobs", "resume_run") == "flows.resume_run"
    assert job_name("imaradesk.conversations.enrichment", "enrich") == "conversations.enrichment.enrich"
    assert job_name("tests.jobs.sample_jobs", "record") == "tests.jobs.sample_jobs.record"
    assert sample_jobs.record.name == "tests.jobs.sample_jobs.record"
    assert get_job(sample_jobs.record.name) is sample_jobs.record


def test_two_functions_cannot_share_a_job_name() -> None:
    async def record(session: object, payload: object) -> None: ...

    record.__module__ = "tests.jobs.sample_jobs"
    with pytest.raises(ValueError, match=re.escape("two jobs are named 'tests.jobs.sample_jobs.record'")):
        job(record)
    assert get_job("tests.jobs.sample_jobs.record") is sample_jobs.record


async def test_queue_depth_counts_due_queued_jobs(database: Database) -> None:
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.record, {"key": "now"})
        await enqueue(session, sample_jobs.record, {"key": "now2"})
        await enqueue(session, sample_jobs.record, {"key": "later"}, run_at=clock.now() + timedelta(days=1))
    assert await refresh_queue_depth(database) == 2
    assert REGISTRY.get_sample_value("imaradesk_job_queue_depth") == 2
    await drain_jobs(database)
    assert await Worker(database).queue_depth() == 0
