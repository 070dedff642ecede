"""Token buckets for the per-number throughput (§6.1) and the per-pair rate (§6.2)."""

from __future__ import annotations

from datetime import datetime


class TokenBucket:
    def __init__(self, rate_per_second: float, capacity: float, now: datetime) -> None:
        self.rate = rate_per_second
        self.capacity = capacity
        self.tokens = capacity
        self.updated = now

    def take(self, now: datetime) -> bool:
        # Time comes from the injectable clock; a clock moved backwards refills nothing.
        elapsed = max((now - self.updated).total_seconds(), 0.0)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = max(now, self.updated)
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
