"""Recording every provider call and cache hit (spec §4: provider, model, latency, tokens, outcome).

Rows go through a group-commit writer (db/batching.py) together with new cache entries, after the
vendor call has returned: no database session is ever open while a vendor is being waited on
(SQLite has one pooled writer connection). A failed write is logged, never raised to the caller.
Cache hits are recorded without waiting, so a hit stays in microseconds.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.cache import CacheRow, cache
from imaradesk.ai.repository import CallWriter
from imaradesk.ai.router import Attempt, Routed
from imaradesk.ai.schemas import Task, Usage
from imaradesk.core import clock
from imaradesk.core.ids import new_id
from imaradesk.core.observability import AI_CALL_LATENCY
from imaradesk.db.batching import BatchWriter
from imaradesk.db.session import Database

# stdlib logging, not structlog: its console renderer prints tracebacks with their locals (rich),
# and the frames here hold decrypted API keys.
log = logging.getLogger(__name__)

CACHE_HIT = "cache_hit"


@dataclass(frozen=True)
class CallRecord:
    workspace_id: uuid.UUID
    task: Task
    provider: str
    model: str
    outcome: str
    latency_ms: float = 0.0
    usage: Usage = field(default_factory=Usage)
    error_message: str | None = None
    fallback_from: str | None = None

    def as_row(self) -> dict[str, Any]:
        return {
            "id": new_id(),
            "workspace_id": self.workspace_id,
            "created_at": clock.now(),
            "task": self.task.value,
            "provider": self.provider,
            "model": self.model[:200],
            "latency_ms": round(self.latency_ms, 3),
            "input_tokens": self.usage.input_tokens,
            "output_tokens": self.usage.output_tokens,
            "outcome": self.outcome,
            "error_message": self.error_message[:300] if self.error_message else None,
            "is_fallback": self.fallback_from is not None,
            "fallback_from": self.fallback_from,
        }


def failed_attempts(workspace_id: uuid.UUID, task: Task, attempts: Sequence[Attempt]) -> list[CallRecord]:
    """Attempts that reached a provider and failed; circuit-open skips made no call."""
    return [
        CallRecord(
            workspace_id,
            task,
            a.provider,
            a.model,
            a.outcome,
            latency_ms=a.latency_ms,
            error_message=a.error.message if a.error else None,
        )
        for a in attempts
        if a.error is not None
    ]


def routed_calls(workspace_id: uuid.UUID, task: Task, routed: Routed[Any], usage: Usage) -> list[CallRecord]:
    answered = CallRecord(
        workspace_id,
        task,
        routed.provider.name,
        routed.provider.model,
        "ok",
        latency_ms=routed.latency_ms,
        usage=usage,
        fallback_from=routed.fallback_from,
    )
    return [*failed_attempts(workspace_id, task, routed.attempts), answered]


@dataclass
class Pending:
    calls: list[CallRecord] = field(default_factory=list)
    cache_rows: list[CacheRow] = field(default_factory=list)


async def _write(session: AsyncSession, batch: Sequence[Pending]) -> list[None]:
    await CallWriter(session).insert_many([call.as_row() for pending in batch for call in pending.calls])
    await cache.write(session, [row for pending in batch for row in pending.cache_rows])
    return [None] * len(batch)


_writers: weakref.WeakKeyDictionary[Database, BatchWriter[Pending, None]] = weakref.WeakKeyDictionary()
_in_flight: set[asyncio.Task[None]] = set()


def _writer(database: Database) -> BatchWriter[Pending, None]:
    writer = _writers.get(database)
    if writer is None:
        # Mostly written by background jobs (message enrichment): were these writes foreground,
        # the worker would pause after every enrichment for its own log rows.
        writer = _writers[database] = BatchWriter(database, _write, foreground=False)
    return writer


async def record(database: Database, pending: Pending) -> None:
    if not pending.calls and not pending.cache_rows:
        return
    for call in pending.calls:
        AI_CALL_LATENCY.labels(call.provider, call.task.value, call.outcome).observe(call.latency_ms / 1000)
    try:
        await _writer(database).submit(pending)
    except Exception:  # losing a log row must not fail the message it describes
        log.exception("could not record AI calls")


def record_soon(database: Database, pending: Pending) -> None:
    """Record without waiting (cache hits); `drain()` waits for these writes."""
    task = asyncio.get_running_loop().create_task(record(database, pending))
    _in_flight.add(task)
    task.add_done_callback(_in_flight.discard)


async def drain() -> None:
    while _in_flight:
        await asyncio.gather(*list(_in_flight))


async def close(database: Database) -> None:
    await drain()
    writer = _writers.pop(database, None)
    if writer is not None:
        await writer.close()
