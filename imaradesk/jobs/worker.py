"""The worker: claim due jobs, run each in its own transaction, record the outcome.

See docs/decisions/0001-job-queue.md for the claim, lease and retry rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import time
import traceback
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import JobSettings, Settings, install_settings
from imaradesk.core import clock
from imaradesk.core.observability import JOB_FAILURES, JOB_RUNS
from imaradesk.core.rate_limit import create_rate_limiter, install_rate_limiter
from imaradesk.core.realtime import create_broker, install_broker
from imaradesk.db.engine import create_engine
from imaradesk.db.session import Database, savepoint
from imaradesk.jobs.metrics import queue_depth, refresh_queue_depth
from imaradesk.jobs.queue import JobDefinition, get_job, registered_jobs
from imaradesk.jobs.registry import import_job_modules
from imaradesk.jobs.repository import ClaimedJob, JobRepository
from imaradesk.jobs.schedule import Schedule, Scheduler

logger = structlog.get_logger("imaradesk.jobs")

MAX_ERROR_CHARS = 8000
DEPTH_REPORT_SECONDS = 10.0
# A batch of batchable jobs shares one transaction until it has run this long, or until someone
# waits on the database (Database.foreground), whichever comes first.
BATCH_BUDGET_SECONDS = 0.02
# While someone waits on the database (webhooks arriving, requests), jobs take at most this share
# of the process's CPU: the worker pauses after each job or batch. Acknowledging comes first;
# processing catches up when the burst ends (docs/whatsapp.md, Ingest).
BACKGROUND_SHARE = 1 / 3
# The pause after a job ends once the foreground has been idle this long. Shorter than the gaps of
# a trickle of webhooks, longer than the gaps between group commits under a flood.
QUIET_SECONDS = 0.005
# A job that awaited the network for long while webhooks poured in would otherwise pause for long.
MAX_PAUSE_SECONDS = 1.0
# When the worker stops, network jobs running beside the others get this long to finish.
STOP_GRACE_SECONDS = 5.0
# Lost workers' jobs are looked for at most this often, not at every claim: the search cost as much
# as the claim, and a lease is a minute long anyway.
RECOVERY_INTERVAL = timedelta(seconds=5)


class _LeaseLost(Exception):
    """Another worker took the job over after this worker's lease expired."""


class JobTimedOut(Exception):
    """The attempt ran past the job's timeout_seconds and was cancelled."""


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def describe_error(exc: BaseException) -> str:
    """`Type: message` first (what a person reads), then the tail of the traceback."""
    summary = f"{type(exc).__name__}: {exc}"
    trace = "".join(traceback.format_exception(exc))
    return f"{summary}\n\n{trace[-(MAX_ERROR_CHARS - len(summary) - 2) :]}"[:MAX_ERROR_CHARS]


class Worker:
    def __init__(
        self,
        database: Database,
        settings: Settings | None = None,
        *,
        worker_id: str | None = None,
        schedules: Iterable[Schedule] | None = None,
        concurrency: int = 1,
        network_lane: int = 0,
    ) -> None:
        """`concurrency` > 1 runs that many jobs of a batch at once (PostgreSQL only:
        SQLite has one writer, so its jobs always run one after another).

        `network_lane` > 0: up to that many jobs that wait on the network run beside the others,
        outside the batches, so an AI provider or the WhatsApp API answering slowly does not hold
        up the processing of incoming messages. On SQLite they hold no transaction while they wait.
        """
        self.database = database
        self.config: JobSettings = settings.jobs if settings is not None else JobSettings()
        self.worker_id = worker_id or default_worker_id()
        self.scheduler = Scheduler(list(schedules) if schedules is not None else None)
        self.is_sqlite = database.engine.dialect.name == "sqlite"
        self.concurrency = 1 if self.is_sqlite else max(1, concurrency)
        self.network_lane = network_lane
        self._beside: dict[uuid.UUID, asyncio.Task[None]] = {}
        self._lane_freed = asyncio.Event()
        self._recovered_at: datetime | None = None
        self._stop: asyncio.Event | None = None
        self._depth_reported_at = 0.0

    @property
    def is_stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    async def tick(self) -> int:
        """Enqueue the recurring jobs that are due; returns how many were enqueued here."""
        return await self.scheduler.tick(self.database)

    async def run_once(self, limit: int | None = None) -> int:
        """Claim one batch of due jobs and run it; returns how many jobs were claimed."""
        claimed = await self._claim(limit or self.config.batch_size)
        if self.concurrency == 1:
            await self._run_in_turn(claimed)
        else:
            await self._run_together(claimed)
        return len(claimed)

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Tick schedules and run jobs until `stop` is set; idle polls wait poll_interval."""
        self._stop = stop
        logger.info("worker.started", worker=self.worker_id, concurrency=self.concurrency)
        while not stop.is_set():
            claimed = 0
            try:
                await self.tick()
                claimed = await self.run_once()
                await self._report_depth()
            except Exception:
                logger.exception("worker.poll_failed", worker=self.worker_id)
            if claimed < self.config.batch_size:
                await self._idle(stop)
        await self._stop_beside()
        logger.info("worker.stopped", worker=self.worker_id)

    async def _idle(self, stop: asyncio.Event) -> None:
        """Wait for the next poll, for `stop`, or for a place in the network lane: network jobs left
        queued while it was full can then be claimed at once."""
        waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._lane_freed.wait())}
        try:
            await asyncio.wait(waits, timeout=self.config.poll_interval_seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()

    async def queue_depth(self) -> int:
        return await queue_depth(self.database)

    async def _report_depth(self) -> None:
        if time.monotonic() - self._depth_reported_at < DEPTH_REPORT_SECONDS:
            return
        self._depth_reported_at = time.monotonic()
        await refresh_queue_depth(self.database)

    async def _claim(self, limit: int) -> list[ClaimedJob]:
        now = clock.now()
        async with self.database.unit_of_work() as session:
            repository = JobRepository(session)
            if self._recovered_at is None or now - self._recovered_at >= RECOVERY_INTERVAL:
                self._recovered_at = now
                recovered = await repository.requeue_expired(now, keep=self._beside.keys())
                if recovered:
                    logger.warning("jobs.lease_expired", count=recovered, worker=self.worker_id)
            self._lane_freed.clear()  # a place freed from now on wakes the idle worker (_idle)
            skip = network_job_names() if self._lane_is_full() else ()
            return await repository.claim(now, self.worker_id, self._lease_end(), limit, skip_names=skip)

    def _lease_end(self) -> datetime:
        return clock.now() + timedelta(seconds=self.config.lease_seconds)

    async def _release(self, jobs: list[ClaimedJob]) -> None:
        async with self.database.unit_of_work() as session:
            await JobRepository(session).release([j.id for j in jobs], self.worker_id)
        logger.info("worker.released", count=len(jobs), worker=self.worker_id)

    async def _run_in_turn(self, claimed: list[ClaimedJob]) -> None:
        """One job after another (SQLite has one writer); neighbouring batchable jobs share a transaction.

        Network jobs go to their own lane when the worker has one (`network_lane`)."""
        later: list[ClaimedJob] = []
        try:
            await self._run_claimed_in_turn(claimed, later)
        finally:
            if later:
                await self._release(later)

    async def _run_claimed_in_turn(self, claimed: list[ClaimedJob], later: list[ClaimedJob]) -> None:
        index = 0
        while index < len(claimed):
            if self.is_stopping:
                await self._release(claimed[index:])
                return
            if self._sent_to_lane(claimed[index], later):
                index += 1
                continue
            foreground_seen = self.database.foreground.started
            cpu_started = time.thread_time()
            if _is_batchable(claimed[index]):
                index += await self._run_batch(claimed[index:], foreground_seen)
            else:
                await self._run(claimed[index])
                index += 1
            await self._give_way(time.thread_time() - cpu_started, foreground_seen)

    async def _run_together(self, claimed: list[ClaimedJob]) -> None:
        """Up to `concurrency` jobs at once (PostgreSQL); network jobs go to their lane, as in turn."""
        later: list[ClaimedJob] = []
        batch = [claimed_job for claimed_job in claimed if not self._sent_to_lane(claimed_job, later)]
        gate = asyncio.Semaphore(self.concurrency)

        async def run_gated(claimed_job: ClaimedJob) -> None:
            async with gate:
                await self._run(claimed_job)

        try:
            outcomes = await asyncio.gather(*(run_gated(claimed_job) for claimed_job in batch), return_exceptions=True)
        finally:
            if later:
                await self._release(later)
        # Job failures are recorded inside _run; what escapes is the database failing.
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome

    def _sent_to_lane(self, claimed: ClaimedJob, later: list[ClaimedJob]) -> bool:
        """A network job starts in the lane, or goes to `later` (handed back) if the lane filled up
        after the claim; False for the other jobs, which the caller runs."""
        if not self._runs_beside(claimed):
            return False
        if self._lane_is_full():
            later.append(claimed)
        else:
            self._start_beside(claimed)
        return True

    def _runs_beside(self, claimed: ClaimedJob) -> bool:
        definition = get_job(claimed.name)
        return definition is not None and definition.waits_on_network and self.network_lane > 0

    def _lane_is_full(self) -> bool:
        return self.network_lane > 0 and len(self._beside) >= self.network_lane

    def _start_beside(self, claimed: ClaimedJob) -> None:
        """Run a network job as its own task; a claim made while the lane was full took none."""
        task = asyncio.create_task(self._run(claimed), name=f"job {claimed.name} {claimed.id}")
        self._beside[claimed.id] = task
        task.add_done_callback(lambda done: self._finished_beside(claimed, done))

    def _finished_beside(self, claimed: ClaimedJob, task: asyncio.Task[None]) -> None:
        self._beside.pop(claimed.id, None)
        self._lane_freed.set()
        if not task.cancelled() and task.exception() is not None:
            # _run records the job's own failures; what escapes is the database failing.
            logger.error("worker.network_job_failed", job=claimed.name, error=repr(task.exception()))

    async def _stop_beside(self) -> None:
        """Stopping: network jobs get a moment to finish, the rest are cancelled and handed back."""
        if not self._beside:
            return
        _done, pending = await asyncio.wait(self._beside.values(), timeout=STOP_GRACE_SECONDS)
        if not pending:
            return
        cancelled = [job_id for job_id, task in self._beside.items() if task in pending]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        async with self.database.unit_of_work() as session:
            await JobRepository(session).release(cancelled, self.worker_id)
        logger.info("worker.released", count=len(cancelled), worker=self.worker_id)

    async def _give_way(self, worked: float, foreground_seen: int) -> None:
        """Pause if someone used the database meanwhile, so that the worker takes at most
        BACKGROUND_SHARE of the process's CPU from them; otherwise only let waiting callbacks run.

        The pause ends early once everything that came in has been answered and nothing more came
        for QUIET_SECONDS: with webhooks trickling in the worker keeps most of the CPU, under a flood
        it takes its share.

        `worked` is the loop thread's CPU time during the job, the foreground's own work while the
        job awaited included (which makes the pause longer, never shorter). Not the process's: the
        network lane's jobs run at the same time, and their threads (the offline AI models, a
        document being embedded) would have made every pause the longest one.
        """
        foreground = self.database.foreground
        if not foreground.busy(foreground_seen):
            await asyncio.sleep(0)
            return
        deadline = time.monotonic() + min(worked * (1 / BACKGROUND_SHARE - 1), MAX_PAUSE_SECONDS)
        while (remaining := deadline - time.monotonic()) > 0 and not self.is_stopping:
            await asyncio.sleep(min(QUIET_SECONDS, remaining))
            if foreground.is_quiet(QUIET_SECONDS):
                return

    async def _run_batch(self, claimed: list[ClaimedJob], foreground_seen: int) -> int:
        """Run the leading batchable jobs of `claimed` in one transaction, each in a savepoint.

        As in _run, a job's writes and its outcome (succeeded, or failed and when to retry) commit
        together; a failing job rolls back only its own savepoint. If the transaction itself fails,
        none of the batch was kept, and each of its jobs runs again alone (the lease is still ours).
        Returns how many jobs it took.
        """
        outcomes: list[_Outcome] = []
        taken, started = 0, time.perf_counter()
        try:
            async with self.database.unit_of_work() as session:
                repository = JobRepository(session)
                for claimed_job in claimed:
                    if not _is_batchable(claimed_job) or (taken and self._batch_is_full(started, foreground_seen)):
                        break
                    taken += 1
                    outcomes.append(await self._run_in_savepoint(session, repository, claimed_job))
                    await asyncio.sleep(0)  # requests that arrived meanwhile get read and queued
        except Exception:
            logger.exception("worker.batch_failed", count=taken, worker=self.worker_id)
            for claimed_job in claimed[:taken]:
                await self._run(claimed_job)
            return taken
        for outcome in outcomes:
            outcome.report(self.worker_id)
        return taken

    def _batch_is_full(self, started: float, foreground_seen: int) -> bool:
        # Not only "a webhook waits for the database now": webhooks that arrived during the last job
        # have barely been read when it ends, and reach the database a few loop turns later.
        return (
            self.database.foreground.busy(foreground_seen)
            or time.perf_counter() - started >= BATCH_BUDGET_SECONDS
            or self.is_stopping
        )

    async def _run_in_savepoint(
        self, session: AsyncSession, repository: JobRepository, claimed: ClaimedJob
    ) -> _Outcome:
        definition = get_job(claimed.name)
        assert definition is not None  # _is_batchable checked it
        started = time.perf_counter()
        # In the batch's transaction: on SQLite it holds the write lock, on PostgreSQL the row lock.
        if not await repository.take_lease(claimed.id, self.worker_id, self._lease_end()):
            return _Outcome(claimed, "lease_lost", time.perf_counter() - started)
        try:
            async with savepoint(session):
                await _call(definition, session, claimed)
                if not await repository.mark_succeeded(claimed.id, self.worker_id, clock.now()):
                    raise _LeaseLost
        except _LeaseLost:
            return _Outcome(claimed, "lease_lost", time.perf_counter() - started)
        except Exception as exc:  # noqa: BLE001 (any failure of a job is recorded, then retried)
            JOB_FAILURES.labels(job=claimed.name).inc()
            error = describe_error(exc)
            is_last = claimed.attempts >= claimed.max_attempts
            retry_at = None if is_last else clock.now() + definition.retry_delay(claimed.attempts)
            await repository.mark_failed(claimed.id, self.worker_id, error, clock.now(), retry_at)
            outcome = "dead" if is_last else "retry"
            return _Outcome(claimed, outcome, time.perf_counter() - started, error.partition("\n")[0])
        return _Outcome(claimed, "succeeded", time.perf_counter() - started)

    async def _run(self, claimed: ClaimedJob) -> None:
        log = logger.bind(
            job=claimed.name,
            job_id=str(claimed.id),
            attempt=claimed.attempts,
            max_attempts=claimed.max_attempts,
            worker=self.worker_id,
        )
        definition = get_job(claimed.name)
        if definition is None:
            error = (
                f"UnknownJob: no job named {claimed.name!r} is registered in this worker "
                "(is its module listed in imaradesk.jobs.registry.JOB_MODULES?)"
            )
            await self._record_failure(claimed, error, retry_at_delay=None)
            self._finish(log, claimed.name, "dead", 0.0, error=error)
            return
        started = time.perf_counter()
        try:
            await self._execute(definition, claimed)
        except _LeaseLost:
            self._finish(log, claimed.name, "lease_lost", time.perf_counter() - started)
        except Exception as exc:  # noqa: BLE001 (any failure of a job is recorded, then retried)
            duration = time.perf_counter() - started
            JOB_FAILURES.labels(job=claimed.name).inc()
            error = describe_error(exc)
            is_last = claimed.attempts >= claimed.max_attempts
            delay = None if is_last else definition.retry_delay(claimed.attempts)
            await self._record_failure(claimed, error, retry_at_delay=delay)
            outcome = "dead" if is_last else "retry"
            self._finish(log, claimed.name, outcome, duration, error=error.partition("\n")[0])
        else:
            self._finish(log, claimed.name, "succeeded", time.perf_counter() - started)

    async def _execute(self, definition: JobDefinition, claimed: ClaimedJob) -> None:
        if self.is_sqlite:
            # Every SQLite transaction holds the database's one write lock (BEGIN IMMEDIATE),
            # so the lease is renewed in its own short transaction, not for the whole job.
            async with self.database.unit_of_work() as session:
                if not await JobRepository(session).take_lease(claimed.id, self.worker_id, self._lease_end()):
                    raise _LeaseLost
        async with self.database.unit_of_work() as session:
            repository = JobRepository(session)
            if not self.is_sqlite and not await repository.take_lease(claimed.id, self.worker_id, self._lease_end()):
                raise _LeaseLost
            await _call(definition, session, claimed)
            # Same transaction as the job's own writes: they commit together or not at all.
            if not await repository.mark_succeeded(claimed.id, self.worker_id, clock.now()):
                raise _LeaseLost

    async def _record_failure(self, claimed: ClaimedJob, error: str, *, retry_at_delay: timedelta | None) -> None:
        now = clock.now()
        retry_at = None if retry_at_delay is None else now + retry_at_delay
        async with self.database.unit_of_work() as session:
            await JobRepository(session).mark_failed(claimed.id, self.worker_id, error, now, retry_at)

    @staticmethod
    def _finish(
        log: structlog.typing.FilteringBoundLogger,
        name: str,
        outcome: str,
        duration: float,
        *,
        error: str | None = None,
    ) -> None:
        _record_outcome(log, name, outcome, duration, error)


def network_job_names() -> list[str]:
    return [name for name, definition in registered_jobs().items() if definition.waits_on_network]


def _is_batchable(claimed: ClaimedJob) -> bool:
    definition = get_job(claimed.name)
    return definition is not None and definition.batchable


async def _call(definition: JobDefinition, session: AsyncSession, claimed: ClaimedJob) -> None:
    """The job body, cut at its timeout."""
    try:
        async with asyncio.timeout(definition.timeout_seconds) as deadline:
            await definition.fn(session, claimed.payload)
    except TimeoutError as exc:
        if deadline.expired():
            raise JobTimedOut(f"attempt exceeded its {definition.timeout_seconds:g}s timeout") from exc
        raise


def _record_outcome(
    log: structlog.typing.FilteringBoundLogger, name: str, outcome: str, duration: float, error: str | None
) -> None:
    JOB_RUNS.labels(job=name, outcome=outcome).inc()
    fields = {"outcome": outcome, "duration_ms": round(duration * 1000, 2)}
    if error is None:
        log.info("job.finished", **fields)
    elif outcome == "retry":
        log.warning("job.failed", error=error, **fields)
    else:
        log.error("job.failed", error=error, **fields)


@dataclass(frozen=True, slots=True)
class _Outcome:
    """How one job of a batch ended; reported once the batch has committed."""

    claimed: ClaimedJob
    outcome: str
    duration: float
    error: str | None = None

    def report(self, worker_id: str) -> None:
        log = logger.bind(
            job=self.claimed.name,
            job_id=str(self.claimed.id),
            attempt=self.claimed.attempts,
            max_attempts=self.claimed.max_attempts,
            worker=worker_id,
        )
        _record_outcome(log, self.claimed.name, self.outcome, self.duration, self.error)


async def drain_jobs(database: Database, *, max_rounds: int = 100) -> int:
    """Tests: run every due job inline, oldest run_at first, until none is due.

    Uses `clock.now()`, so jobs delayed or backed off into the future stay queued until
    the test advances the clock. Returns how many jobs ran.
    """
    worker = Worker(database, worker_id="drain")
    total = 0
    for _ in range(max_rounds):
        ran = await worker.run_once()
        if ran == 0:
            return total
        total += ran
    raise RuntimeError(
        f"jobs were still due after {max_rounds} rounds ({total} jobs run); does a job keep enqueueing itself?"
    )


async def run_worker(
    settings: Settings,
    stop: asyncio.Event | None = None,
    *,
    modules: Iterable[str] | None = None,
    concurrency: int = 1,
) -> None:
    """`imaradesk worker`: import the job modules and run until `stop`, SIGTERM or SIGINT."""
    import_job_modules(modules)
    install_settings(settings)
    broker = create_broker(settings)
    install_broker(broker)  # jobs push inbox updates; in scale-out they reach API processes via Redis
    install_rate_limiter(create_rate_limiter(settings))
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    database = Database(create_engine(settings))
    try:
        worker = Worker(database, settings, concurrency=concurrency, network_lane=settings.jobs.network_jobs)
        await worker.run_forever(stop)
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
        await broker.close()
        await database.dispose()
