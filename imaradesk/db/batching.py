"""Group commit: many small writes share one transaction, each caller waits for the commit holding it.

A transaction costs far more than one more row in it (SQLite serialises every writer), so the
webhook hot path hands its rows to one writer task that commits whatever has queued up meanwhile.
Callers are acknowledged only after that commit, so nothing is acknowledged before it is durable.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.db.session import Database

Item = TypeVar("Item")
Result = TypeVar("Result")
WriteBatch = Callable[[AsyncSession, Sequence[Item]], Awaitable[Sequence[Result]]]


class BatchWriter(Generic[Item, Result]):
    def __init__(
        self,
        database: Database,
        write: WriteBatch[Item, Result],
        *,
        max_batch: int = 256,
        foreground: bool = True,
    ) -> None:
        """`foreground`: its callers are someone waiting (a webhook's acknowledgement), so background
        jobs give way while it writes; False for bookkeeping that jobs write themselves."""
        self.database = database
        self.write = write
        self.max_batch = max_batch
        self.foreground = foreground
        self._pending: list[tuple[Item, asyncio.Future[Result]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        self._wake.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        return await future

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch :]
                await self._commit(batch)

    async def _commit(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            with self.database.foreground.write() if self.foreground else contextlib.nullcontext():
                async with self.database.unit_of_work() as session:
                    results = await self.write(session, [item for item, _ in batch])
        except Exception as exc:  # noqa: BLE001 (every waiting caller gets the failure)
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
