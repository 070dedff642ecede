"""Timers for status delays, approvals and redeliveries: one task, one heap, nothing sleeps per item."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import Callable

import structlog

log = structlog.get_logger(__name__)


class Scheduler:
    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._sequence = itertools.count()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def call_later(self, delay: float, callback: Callable[[], None]) -> None:
        """Run `callback` after `delay` seconds; equal due times run in the order they were added."""
        heapq.heappush(self._heap, (time.monotonic() + max(delay, 0.0), next(self._sequence), callback))
        self._wake.set()

    def clear(self) -> None:
        self._heap.clear()

    @property
    def pending(self) -> int:
        return len(self._heap)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="simulator-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            now = time.monotonic()
            while self._heap and self._heap[0][0] <= now:
                _, _, callback = heapq.heappop(self._heap)
                try:
                    callback()
                except Exception:  # one broken timer must not stop the others
                    log.exception("simulator.timer_failed")
            timeout = self._heap[0][0] - time.monotonic() if self._heap else None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
