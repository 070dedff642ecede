"""@job registrations and enqueue(): a job is a row written in the caller's transaction.

See docs/decisions/0001-job-queue.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, overload

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core import clock
from imaradesk.core.ids import new_id
from imaradesk.jobs.models import JobStatus
from imaradesk.jobs.repository import JobRepository

JobFn = Callable[[AsyncSession, dict[str, Any]], Awaitable[None]]


class JobPayloadError(TypeError):
    """A payload that would not survive the trip through the JSON column unchanged."""


@dataclass(frozen=True, slots=True)
class JobDefinition:
    name: str
    fn: JobFn
    max_attempts: int = 5
    backoff_seconds: float = 2.0
    max_backoff_seconds: float = 3600.0
    timeout_seconds: float = 60.0
    # The worker may run it in one transaction with other batchable jobs, each in a savepoint
    # (jobs/worker.py). Only for jobs that neither wait on the network nor end the transaction
    # (release_before_slow_io): they would hold the batch's transaction, or end it.
    batchable: bool = False
    # It waits on the network (an AI provider, the WhatsApp API) with no transaction open
    # (release_before_slow_io). The embedded worker runs such jobs beside the others, so a slow
    # provider delays its own feature, never the processing of incoming messages (spec §11).
    waits_on_network: bool = False

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError(f"job {self.name}: max_attempts must be at least 1")
        if self.timeout_seconds <= 0 or self.backoff_seconds < 0:
            raise ValueError(f"job {self.name}: timeout must be positive, backoff not negative")
        if self.batchable and self.waits_on_network:
            raise ValueError(f"job {self.name}: a job that waits on the network cannot share a batch's transaction")

    async def __call__(self, session: AsyncSession, payload: dict[str, Any]) -> None:
        """Run the job body inline (tests); the worker adds retries, timeout and the lease."""
        await self.fn(session, payload)

    def retry_delay(self, attempts: int) -> timedelta:
        """Exponential backoff after the `attempts`-th failed attempt, capped."""
        seconds = self.backoff_seconds * 2 ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.max_backoff_seconds))


_REGISTRY: dict[str, JobDefinition] = {}


def job_name(module: str, function: str) -> str:
    """`imaradesk.flows.jobs` + `resume_run` → `flows.resume_run`."""
    parts = module.split(".")
    if parts[0] == "imaradesk" and len(parts) > 1:
        parts = parts[1:]
    if parts[-1] == "jobs" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join([*parts, function])


def register(definition: JobDefinition) -> JobDefinition:
    existing = _REGISTRY.get(definition.name)
    if existing is not None and _origin(existing.fn) != _origin(definition.fn):
        raise ValueError(f"two jobs are named {definition.name!r}: {_origin(existing.fn)} and {_origin(definition.fn)}")
    _REGISTRY[definition.name] = definition
    return definition


def _origin(fn: Callable[..., Any]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


def get_job(name: str) -> JobDefinition | None:
    return _REGISTRY.get(name)


def registered_jobs() -> Mapping[str, JobDefinition]:
    return dict(_REGISTRY)


@overload
def job(fn: JobFn, /) -> JobDefinition: ...


@overload
def job(
    *,
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    max_backoff_seconds: float = 3600.0,
    timeout_seconds: float = 60.0,
    batchable: bool = False,
    waits_on_network: bool = False,
) -> Callable[[JobFn], JobDefinition]: ...


def job(
    fn: JobFn | None = None,
    /,
    *,
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    max_backoff_seconds: float = 3600.0,
    timeout_seconds: float = 60.0,
    batchable: bool = False,
    waits_on_network: bool = False,
) -> JobDefinition | Callable[[JobFn], JobDefinition]:
    """Register `async def fn(session, payload) -> None` as a job named from its module path.

    Retries wait backoff_seconds * 2**(attempt-1), at most max_backoff_seconds; after
    max_attempts failed attempts the job is dead. Each attempt is cut at timeout_seconds.
    `batchable`, `waits_on_network`: see JobDefinition.
    """

    def decorate(function: JobFn) -> JobDefinition:
        return register(
            JobDefinition(
                name=job_name(function.__module__, function.__name__),
                fn=function,
                max_attempts=max_attempts,
                backoff_seconds=backoff_seconds,
                max_backoff_seconds=max_backoff_seconds,
                timeout_seconds=timeout_seconds,
                batchable=batchable,
                waits_on_network=waits_on_network,
            )
        )

    return decorate(fn) if fn is not None else decorate


def _checked_payload(name: str, payload: Mapping[str, Any] | None) -> dict[str, Any]:
    if payload is None:
        return {}
    if not isinstance(payload, Mapping):
        raise JobPayloadError(f"payload of job {name} must be a dict, not {type(payload).__name__}")
    try:
        encoded = json.dumps(payload, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise JobPayloadError(
            f"payload of job {name} is not JSON-serialisable ({exc}); pass ids as str(uuid), "
            "times as datetime.isoformat(), and models as model_dump(mode='json')"
        ) from exc
    # The job sees the payload as it comes back from the JSON column (tuples become lists,
    # non-string keys become strings), so it sees the same thing in tests and in production.
    decoded: dict[str, Any] = json.loads(encoded)
    return decoded


def _job_row(
    job: JobDefinition,
    payload: Mapping[str, Any] | None,
    *,
    now: datetime,
    run_at: datetime | None,
    dedupe_key: str | None,
    workspace_id: uuid.UUID | None,
) -> dict[str, Any]:
    if run_at is not None and run_at.tzinfo is None:
        raise ValueError(f"run_at of job {job.name} must be timezone-aware (use clock.now())")
    return {
        "id": new_id(),
        "name": job.name,
        "payload": _checked_payload(job.name, payload),
        "workspace_id": workspace_id,
        "status": JobStatus.queued,
        "run_at": run_at or now,
        "attempts": 0,
        "max_attempts": job.max_attempts,
        "last_error": None,
        "locked_by": None,
        "locked_until": None,
        "dedupe_key": dedupe_key,
        "created_at": now,
        "finished_at": None,
    }


def _check_job(job: object) -> None:
    if not isinstance(job, JobDefinition):
        raise TypeError(f"enqueue() takes a function decorated with @job, not {job!r}")


async def enqueue(
    session: AsyncSession,
    job: JobDefinition,
    payload: Mapping[str, Any] | None = None,
    *,
    run_at: datetime | None = None,
    dedupe_key: str | None = None,
    workspace_id: uuid.UUID | None = None,
) -> uuid.UUID | None:
    """Write a job row in the caller's transaction: it exists iff that transaction commits.

    Returns the job id, or None when an active (queued or running) job already holds
    `dedupe_key` — so a running job cannot re-enqueue itself under its own key.
    """
    _check_job(job)
    row = _job_row(job, payload, now=clock.now(), run_at=run_at, dedupe_key=dedupe_key, workspace_id=workspace_id)
    created = await JobRepository(session).insert([row])
    return created[0] if created else None


async def enqueue_many(
    session: AsyncSession,
    job: JobDefinition,
    payloads: Sequence[Mapping[str, Any]],
    *,
    dedupe_keys: Sequence[str | None] | None = None,
    run_at: datetime | None = None,
    workspace_id: uuid.UUID | None = None,
) -> list[uuid.UUID]:
    """enqueue() for many payloads of one job in one round trip (campaign fan-out).

    `dedupe_keys`, when given, pairs one key (or None) with each payload. Returns the ids
    of the jobs created, without those skipped for a held dedupe key.
    """
    _check_job(job)
    if dedupe_keys is not None and len(dedupe_keys) != len(payloads):
        raise ValueError("enqueue_many() needs one dedupe key (or None) per payload")
    now = clock.now()
    keys = dedupe_keys if dedupe_keys is not None else [None] * len(payloads)
    rows = [
        _job_row(job, payload, now=now, run_at=run_at, dedupe_key=key, workspace_id=workspace_id)
        for payload, key in zip(payloads, keys, strict=True)
    ]
    return await JobRepository(session).insert(rows)
