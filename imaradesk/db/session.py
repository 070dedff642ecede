"""Unit of work: one transaction per request or job, committed at the edge, hooks after commit."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from imaradesk.core.errors import AppError

AfterCommit = Callable[[], Awaitable[None]]
_HOOKS_KEY = "after_commit"
_DATABASE_KEY = "database"


class Foreground:
    """Writes someone is waiting on (a webhook's acknowledgement, a request): background work gives way.

    SQLite has one writer and embedded mode one event loop, so a job that holds either delays
    every webhook behind it. The worker reads this between jobs (jobs/worker.py).
    """

    # Within this long after a foreground write the foreground counts as busy: while a job holds
    # the loop no request is even read, so "nobody waited during the job" proves nothing.
    RECENT_SECONDS = 0.1

    def __init__(self) -> None:
        self.waiting = 0  # foreground units of work started and not finished
        self.started = 0  # all foreground units of work so far: a change means one came and went
        self.last_finished = 0.0

    def busy(self, seen: int) -> bool:
        """Someone waits now, came since the count `seen` was taken, or wrote a moment ago."""
        return self.waiting > 0 or self.started != seen or time.monotonic() - self.last_finished < self.RECENT_SECONDS

    def is_quiet(self, for_seconds: float) -> bool:
        """Nobody waits, and the last foreground write ended at least `for_seconds` ago."""
        return self.waiting == 0 and time.monotonic() - self.last_finished >= for_seconds

    @contextmanager
    def write(self) -> Iterator[None]:
        self.waiting += 1
        self.started += 1
        try:
            yield
        finally:
            self.waiting -= 1
            self.last_finished = time.monotonic()


class Database:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
        self.foreground = Foreground()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """Commit when the block succeeds, roll back when it raises, then run after-commit hooks."""
        async with self.sessionmaker() as session:
            session.info[_DATABASE_KEY] = self
            try:
                yield session
                await session.commit()
            except AppError as exc:
                await (session.commit() if exc.keeps_changes else session.rollback())
                raise
            except BaseException:
                await session.rollback()
                raise
            for hook in session.info.pop(_HOOKS_KEY, []):
                await hook()

    async def dispose(self) -> None:
        await self.engine.dispose()


def after_commit(session: AsyncSession, hook: AfterCommit) -> None:
    """Run `hook` once the current unit of work has committed (never if it rolls back)."""
    session.info.setdefault(_HOOKS_KEY, []).append(hook)


@asynccontextmanager
async def savepoint(session: AsyncSession) -> AsyncIterator[None]:
    """A part of the unit of work that fails alone: its writes and its after-commit hooks are
    dropped, the rest of the transaction goes on (the worker runs a batch of jobs this way)."""
    hooks = session.info.setdefault(_HOOKS_KEY, [])
    kept = len(hooks)
    try:
        async with session.begin_nested():
            yield
    except BaseException:
        del hooks[kept:]
        raise


def database_of(session: AsyncSession) -> Database:
    """The Database a unit-of-work session came from: for work that opens its own short transactions
    around slow I/O (AI calls), after `release_before_slow_io`."""
    database = session.info.get(_DATABASE_KEY)
    if not isinstance(database, Database):
        raise RuntimeError("this session was not opened by Database.unit_of_work()")
    return database


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    database = get_database(request)
    with database.foreground.write():
        async with database.unit_of_work() as session:
            yield session


# scope="function": the unit of work commits before the response is sent. With the default
# ("request") it committed after, so a client's next request could miss what the previous one wrote
# (a fresh sign-in's session row: a 401 seen between two uvicorn processes).
Session = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def release_before_slow_io(session: AsyncSession) -> None:
    """End a transaction that has only read, before waiting on the network.

    On SQLite every transaction holds the database's one write lock (BEGIN IMMEDIATE), so a job
    that kept it through a WhatsApp call would stall every other writer. Loaded objects are
    expired afterwards: copy what you need into plain values first. Writes after the call start
    a new transaction that the unit of work commits as usual.
    """
    if session.new or session.dirty or session.deleted:
        raise RuntimeError("release_before_slow_io() after writes would lose them; do the I/O first")
    if session.get_bind().dialect.name == "sqlite" and session.in_transaction():
        await session.rollback()
