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
        self._is_stopping = False

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
            self._is_stopping = False
            self._task = asyncio.create_task(self._run(), name="simulator-scheduler")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._is_stopping = True
        self._wake.set()
        try:
            async with asyncio.timeout(1.0):
                await self._task
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None

    async def _run(self) -> None:
        while not self._is_stopping:
            self._wake.clear()
            now = time.monotonic()
            while self._heap and self._heap[0][0] <= now:
                _, _, callback = heapq.heappop(self._heap)
                try:
                    callback()
                except Exception:  # one broken timer must not stop the others
                    log.exception("simulator.timer_failed")
            timeout = max(self._heap[0][0] - time.monotonic(), 0.0) if self._heap else None
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
