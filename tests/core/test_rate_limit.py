"""The per-number send rate: a budget per second, shared by every process when Redis is configured."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from imaradesk.core.rate_limit import MemoryRateLimiter, RateLimiter, RedisRateLimiter


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Records how long the limiter asked to wait (and really waits, so time moves on)."""
    recorded: list[float] = []
    real_sleep = asyncio.sleep
    test_thread = threading.get_ident()

    async def sleep(seconds: float) -> None:
        # asyncio.sleep is patched for the whole process: servers running in other threads
        # (the fake AI vendors of other tests) sleep too, and are not the limiter.
        if threading.get_ident() == test_thread:
            recorded.append(seconds)
        await real_sleep(seconds)

    monkeypatch.setattr("imaradesk.core.rate_limit.asyncio.sleep", sleep)
    return recorded


async def _acquire(limiter: RateLimiter, key: str, times: int, per_second: int) -> None:
    for _ in range(times):
        await limiter.acquire(key, per_second)


async def test_memory_limiter_lets_a_burst_through_then_waits(waits: list[float]) -> None:
    limiter = MemoryRateLimiter()
    await _acquire(limiter, "wa-send:1", 5, per_second=5)
    assert waits == []
    await _acquire(limiter, "wa-send:1", 1, per_second=5)
    assert waits and 0 < waits[0] <= 0.2
    await _acquire(limiter, "wa-send:2", 5, per_second=5)  # another number has its own budget
    assert len(waits) == 1


async def test_redis_limiter_budget_is_shared_between_processes(waits: list[float]) -> None:
    first, second = RedisRateLimiter("redis://127.0.0.1:6379/13"), RedisRateLimiter("redis://127.0.0.1:6379/13")
    key = f"wa-send:shared-{id(waits)}"
    try:
        await asyncio.sleep(1.02 - time.time() % 1)  # start just after a second begins
        waits.clear()
        await _acquire(first, key, 3, per_second=3)
        assert waits == []
        await _acquire(second, key, 1, per_second=3)
        assert len(waits) == 1  # the 4th in that second waited, though another process sent the 3
    finally:
        await first.close()
        await second.close()
