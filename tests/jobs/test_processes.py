"""Real worker processes on PostgreSQL: no job runs twice, and a killed worker's job runs again."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import text

from imaradesk.core import clock
from imaradesk.db.session import Database
from imaradesk.jobs import enqueue
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.queue import enqueue_many
from imaradesk.jobs.worker import Worker
from tests.conftest import TEST_SECRET
from tests.jobs import sample_jobs
from tests.jobs.queries import effect_keys, only_job

pytestmark = [pytest.mark.postgres, pytest.mark.committed, pytest.mark.usefixtures("effects")]

ROOT = Path(__file__).resolve().parents[2]
JOB_COUNT = 1000


class WorkerProcess:
    def __init__(self, database_url: str, log_path: Path, **jobs_settings: str) -> None:
        env = {
            **os.environ,
            "IMARADESK_ENVIRONMENT": "test",
            "IMARADESK_SECRET_KEY": TEST_SECRET,
            "IMARADESK_DATABASE_URL": database_url,
            "IMARADESK_LOG_LEVEL": "INFO",
            "IMARADESK_JOBS__POLL_INTERVAL_SECONDS": "0.05",
            "IMARADESK_JOBS__BATCH_SIZE": "50",
        }
        env.update({f"IMARADESK_JOBS__{k.upper()}": v for k, v in jobs_settings.items()})
        self.log_path = log_path
        self._log: IO[bytes] = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.jobs.worker_process"],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def wait_started(self) -> None:
        async with asyncio.timeout(30):
            while "worker.started" not in self.log():
                assert self.process.poll() is None, self.log()
                await asyncio.sleep(0.02)

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=15)
        finally:
            self._log.close()


@pytest.fixture
def processes() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.stop(signal.SIGKILL)


async def status_counts(database: Database) -> dict[str, int]:
    async with database.unit_of_work() as session:
        rows = await session.execute(text("SELECT status, count(*) FROM jobs GROUP BY status"))
        return {status: count for status, count in rows}


async def test_two_worker_processes_run_each_of_1000_jobs_exactly_once(
    database: Database, database_url: str, tmp_path: Path, processes: list[WorkerProcess]
) -> None:
    for index in range(2):
        processes.append(WorkerProcess(database_url, tmp_path / f"worker-{index}.log"))
    await asyncio.gather(*(p.wait_started() for p in processes))

    async with database.unit_of_work() as session:
        await enqueue_many(session, sample_jobs.record, [{"key": f"job-{index}"} for index in range(JOB_COUNT)])
    started = time.perf_counter()
    async with asyncio.timeout(60):
        while (await status_counts(database)).get(JobStatus.succeeded, 0) < JOB_COUNT:
            await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - started
    assert [p.stop() for p in processes] == [0, 0], [p.log()[-2000:] for p in processes]

    assert await status_counts(database) == {JobStatus.succeeded: JOB_COUNT}
    keys = await effect_keys(database)
    assert len(keys) == JOB_COUNT
    assert sorted(keys) == sorted(f"job-{index}" for index in range(JOB_COUNT))
    async with database.unit_of_work() as session:
        per_process: dict[int, int] = dict(
            (await session.execute(text("SELECT pid, count(*) FROM job_test_effects GROUP BY pid"))).all()
        )
        attempts = (await session.execute(text("SELECT max(attempts) FROM jobs"))).scalar_one()
    assert set(per_process) == {p.process.pid for p in processes}
    assert all(count > 0 for count in per_process.values()), per_process
    assert attempts == 1
    print(
        f"\n2 worker processes: {JOB_COUNT} jobs in {elapsed:.2f}s = {JOB_COUNT / elapsed:.0f} jobs/s; "
        f"per process {sorted(per_process.values())}"
    )


async def test_job_of_a_killed_worker_process_runs_again_after_its_lease(
    database: Database, database_url: str, tmp_path: Path, processes: list[WorkerProcess]
) -> None:
    worker = WorkerProcess(database_url, tmp_path / "worker.log", lease_seconds="1")
    processes.append(worker)
    marker = tmp_path / "attempt-1-started"
    async with database.unit_of_work() as session:
        await enqueue(session, sample_jobs.hang_first_time, {"marker": str(marker), "key": "survivor"})

    async with asyncio.timeout(30):
        while not marker.exists():
            assert worker.process.poll() is None, worker.log()
            await asyncio.sleep(0.02)
    assert worker.stop(signal.SIGKILL) == -signal.SIGKILL
    assert marker.read_text() == str(worker.process.pid)
    running = await only_job(database, sample_jobs.hang_first_time)
    assert running.status == JobStatus.running
    assert running.attempts == 1
    assert await effect_keys(database) == []

    clock.advance(timedelta(seconds=2))  # past the 1 s lease the killed worker took
    rescuer = Worker(database, worker_id="rescuer")
    async with asyncio.timeout(15):
        # PostgreSQL frees the dead connection's row lock as soon as it sees the socket close.
        while await rescuer.run_once() == 0:
            await asyncio.sleep(0.02)

    done = await only_job(database, sample_jobs.hang_first_time)
    assert done.status == JobStatus.succeeded
    assert done.attempts == 2
    assert done.last_error is not None
    assert done.last_error.startswith(f"lease expired: worker {running.locked_by}")
    assert await effect_keys(database) == ["survivor"]
