"""Send-rate limits shared by every process: a token bucket in memory (embedded) or Redis (scale-out)."""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

from imaradesk.config import Settings


class RateLimiter(Protocol):
    async def acquire(self, key: str, per_second: int) -> None:
        """Wait until one more action under `key` fits in `per_second`."""
        ...


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill)
        self._lock = asyncio.Lock()

    async def acquire(self, key: str, per_second: int) -> None:
        while True:
            async with self._lock:
                now = time.monotonic()
                tokens, last = self._buckets.get(key, (float(per_second), now))
                tokens = min(float(per_second), tokens + (now - last) * per_second)
                if tokens >= 1:
                    self._buckets[key] = (tokens - 1, now)
                    return
                self._buckets[key] = (tokens, now)
                wait = (1 - tokens) / per_second
            await asyncio.sleep(wait)


class RedisRateLimiter:
    """A counter per key and second, so N API and worker processes share one budget."""

    def __init__(self, url: str) -> None:
        import redis.asyncio as redis

        self._redis = redis.Redis.from_url(url)

    async def acquire(self, key: str, per_second: int) -> None:
        while True:
            now = time.time()
            window = f"ratelimit:{key}:{int(now)}"
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(window)
                pipe.expire(window, 2)
                count, _ = await pipe.execute()
            if int(count) <= per_second:
                return
            await asyncio.sleep(1 - (now % 1) + 0.001)

    async def close(self) -> None:
        await self._redis.aclose()


def create_rate_limiter(settings: Settings) -> RateLimiter:
    return RedisRateLimiter(settings.redis_url) if settings.redis_url else MemoryRateLimiter()


_limiter: RateLimiter = MemoryRateLimiter()


def install_rate_limiter(limiter: RateLimiter) -> None:
    global _limiter
    _limiter = limiter


def current_rate_limiter() -> RateLimiter:
    return _limiter
