"""Jobs used by the job-queue tests, importable by name from worker subprocesses."""

from __future__ import annotations

import asyncio
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core import clock
from imaradesk.db.session import after_commit
from imaradesk.jobs import Event, job, subscriber

# Not in the application metadata: tests create and drop it themselves.
effects = Table(
    "job_test_effects",
    MetaData(),
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(100), nullable=False),
    Column("pid", Integer, nullable=False),
)


@dataclass(frozen=True)
class Call:
    job: str
    at: datetime
    payload: Any


CALLS: list[Call] = []
GATES: dict[str, asyncio.Event] = {}


async def _write_effect(session: AsyncSession, key: str) -> None:
    await session.execute(insert(effects).values(key=key, pid=os.getpid()))


@job
async def record(session: AsyncSession, payload: dict[str, Any]) -> None:
    CALLS.append(Call("record", clock.now(), payload))
    await _write_effect(session, payload["key"])


@job(max_attempts=3, backoff_seconds=10.0)
async def always_fails(session: AsyncSession, payload: dict[str, Any]) -> None:
    CALLS.append(Call("always_fails", clock.now(), payload))
    await _write_effect(session, payload["key"])
    raise RuntimeError("boom")


@job(max_attempts=1, timeout_seconds=0.05)
async def never_finishes(session: AsyncSession, payload: dict[str, Any]) -> None:
    CALLS.append(Call("never_finishes", clock.now(), payload))
    await _write_effect(session, payload["key"])
    await asyncio.Event().wait()


@job
async def wait_for_gate(session: AsyncSession, payload: dict[str, Any]) -> None:
    """Blocks until the test opens GATES[key], so a test can act while the job runs."""
    CALLS.append(Call("wait_for_gate", clock.now(), payload))
    await _write_effect(session, payload["key"])
    await GATES[payload["key"]].wait()


@job(max_attempts=3)
async def hang_first_time(session: AsyncSession, payload: dict[str, Any]) -> None:
    """First attempt: leave a marker file and hang (the test kills the process). Later: finish."""
    marker = Path(payload["marker"])
    if not marker.exists():
        marker.write_text(str(os.getpid()))
        await asyncio.Event().wait()
    await _write_effect(session, payload["key"])


class TicketOpened(Event):
    ticket: str
    workspace_id: uuid.UUID | None = None


@subscriber(TicketOpened)
async def notify_agents(session: AsyncSession, event: TicketOpened) -> None:
    CALLS.append(Call("notify_agents", clock.now(), event))


@subscriber(TicketOpened, max_attempts=2)
async def start_sla_clock(session: AsyncSession, event: TicketOpened) -> None:
    CALLS.append(Call("start_sla_clock", clock.now(), event))
    await _write_effect(session, f"sla:{event.ticket}")


@job(max_attempts=1, timeout_seconds=0.2)
async def slow_query(session: AsyncSession, payload: dict[str, Any]) -> None:
    await _write_effect(session, payload["key"])
    await session.execute(text("SELECT pg_sleep(5)"))


HOOKS_RUN: list[str] = []


@job(batchable=True)
async def record_in_batch(session: AsyncSession, payload: dict[str, Any]) -> None:
    """Batchable: writes an effect and asks for an after-commit hook; fails when told to."""
    CALLS.append(Call("record_in_batch", clock.now(), payload))
    await _write_effect(session, payload["key"])

    async def hook() -> None:
        HOOKS_RUN.append(payload["key"])

    after_commit(session, hook)
    if payload.get("fail"):
        raise RuntimeError(f"boom {payload['key']}")


@job(waits_on_network=True, timeout_seconds=30)
async def call_slow_api(session: AsyncSession, payload: dict[str, Any]) -> None:
    """Waits on GATES[key] with no transaction open, as a job calling a slow provider does; then writes."""
    CALLS.append(Call("call_slow_api", clock.now(), payload))
    await GATES[payload["key"]].wait()
    await _write_effect(session, payload["key"])
