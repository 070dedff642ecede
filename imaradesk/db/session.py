"""Unit of work: one transaction per request or job, committed at the edge, hooks after commit."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from imaradesk.core.errors import AppError

AfterCommit = Callable[[], Awaitable[None]]
_HOOKS_KEY = "after_commit"
_DATABASE_KEY = "database"


class Database:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)

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
    async with get_database(request).unit_of_work() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


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
