"""aiosqlite without its thread: each call runs at once on the event loop's own thread.

aiosqlite hands every call (cursor, execute, fetch, close, commit) to a thread of its own and
waits for the answer: two thread switches per call, about 20 per webhook batch and 75 per
processed message. SQLite on a local file answers those calls in microseconds, so the hand-over
cost more than the work (measured: 18 ms of CPU per processed message with the thread, 11 ms
without), and on a busy machine every switch also waits for the scheduler.

The price: a call that waits runs on the loop. In embedded mode nothing waits on SQLite's lock
(one process, one pooled connection, the queue for it is in asyncio), but a slow query now holds
the loop as well as the connection; `busy_timeout` only comes into play when another process
(a CLI command) writes at the same time.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Generator
from functools import partial
from typing import Any

import aiosqlite

_Call = tuple[asyncio.Future[Any] | None, Callable[[], Any]]


class _RunAtOnce:
    """Stands where aiosqlite keeps the queue to its thread, and runs each call as it arrives.

    aiosqlite (and SQLAlchemy's adapter, for `isolation_level`) put `(future, call)` pairs on
    that queue and await the future: here it is already resolved, so the await never suspends.
    """

    def put_nowait(self, item: _Call) -> None:
        future, call = item
        try:
            result = call()
        except BaseException as exc:  # noqa: BLE001 (handed to the awaiting caller, as aiosqlite does)
            if future is not None and not future.done():
                future.set_exception(exc)
            return
        if future is not None and not future.done():
            future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _RunAtOnce()  # type: ignore[assignment]

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        # aiosqlite starts its thread here; there is none to start.
        return self._connect().__await__()  # type: ignore[return-value]


def inline_connector(database: str) -> Callable[[], Awaitable[aiosqlite.Connection]]:
    """`async_creator` for create_async_engine: SQLAlchemy's aiosqlite dialect, no thread."""

    async def connect() -> aiosqlite.Connection:
        # check_same_thread off: the pool may close a connection from another thread at exit.
        return await InlineConnection(partial(sqlite3.connect, database, check_same_thread=False))

    return connect
