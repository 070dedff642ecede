"""Events: publish() writes one job per subscriber in the publisher's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.jobs.queue import JobDefinition, enqueue, job_name, register


class Event(BaseModel):
    """A past-tense fact (`MessageReceived`). A `workspace_id` field, if any, tags its jobs."""

    model_config = ConfigDict(frozen=True)


E = TypeVar("E", bound=Event)
SubscriberFn = Callable[[AsyncSession, E], Awaitable[None]]

_SUBSCRIBERS: dict[type[Event], dict[str, JobDefinition]] = {}


def subscriber(
    event_type: type[E],
    *,
    max_attempts: int = 5,
    backoff_seconds: float = 2.0,
    max_backoff_seconds: float = 3600.0,
    timeout_seconds: float = 60.0,
    waits_on_network: bool = False,
) -> Callable[[SubscriberFn[E]], SubscriberFn[E]]:
    """Run `async def fn(session, event) -> None` as its own job for every published event.

    The job is named like any @job (`whatsapp.send_queued_message`); it receives the
    event re-validated from the stored payload. Subscribing to a base class also
    receives its subclasses. `waits_on_network`: see JobDefinition.
    """

    def decorate(fn: SubscriberFn[E]) -> SubscriberFn[E]:
        async def run(session: AsyncSession, payload: dict[str, Any]) -> None:
            await fn(session, event_type.model_validate(payload))

        run.__module__ = fn.__module__
        run.__qualname__ = fn.__qualname__
        definition = register(
            JobDefinition(
                name=job_name(fn.__module__, fn.__name__),
                fn=run,
                max_attempts=max_attempts,
                backoff_seconds=backoff_seconds,
                max_backoff_seconds=max_backoff_seconds,
                timeout_seconds=timeout_seconds,
                waits_on_network=waits_on_network,
            )
        )
        _SUBSCRIBERS.setdefault(event_type, {})[definition.name] = definition
        return fn

    return decorate


def subscribers_of(event_type: type[Event]) -> list[JobDefinition]:
    """Jobs that one event of this type creates, base-class subscribers included."""
    found: dict[str, JobDefinition] = {}
    for cls in event_type.__mro__:
        if isinstance(cls, type) and issubclass(cls, Event):
            found.update(_SUBSCRIBERS.get(cls, {}))
    return list(found.values())


async def publish(
    session: AsyncSession,
    event: Event,
    *,
    dedupe_key: str | None = None,
    run_at: datetime | None = None,
) -> list[uuid.UUID]:
    """Enqueue one job per subscriber in the caller's transaction ("after commit" by construction).

    Subscribers are known once their modules are imported; publishing imports
    `imaradesk.jobs.registry.JOB_MODULES` first, so a command-line process (seed-demo) that
    never started the API or a worker still reaches every subscriber. With `dedupe_key`, a
    second publish while the first one's jobs are still pending is a no-op per subscriber.
    """
    from imaradesk.jobs.registry import import_job_modules  # domains import jobs: import them late

    import_job_modules()
    payload = event.model_dump(mode="json")
    workspace_id = getattr(event, "workspace_id", None)
    created: list[uuid.UUID] = []
    for definition in subscribers_of(type(event)):
        job_id = await enqueue(
            session,
            definition,
            payload,
            run_at=run_at,
            dedupe_key=f"{dedupe_key}:{definition.name}" if dedupe_key else None,
            workspace_id=workspace_id if isinstance(workspace_id, uuid.UUID) else None,
        )
        if job_id is not None:
            created.append(job_id)
    return created
