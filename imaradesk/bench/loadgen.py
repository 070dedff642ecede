"""A keep-alive HTTP/1.1 load generator, run in its own process beside the server under test."""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.queues import Queue

RequestFactory = Callable[[int], bytes]


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    def figures(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}_requests_per_s": round(self.rate, 1),
            f"{prefix}_p50_ms": round(self.percentile(50), 3),
            f"{prefix}_p99_ms": round(self.percentile(99), 3),
            f"{prefix}_errors": self.errors,
        }


def plain_get(host: str, path: str) -> RequestFactory:
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n".encode()
    return lambda _i: request


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status


@dataclass(frozen=True)
class _Plan:
    deadline: float
    step: int  # connections: connection c sends requests c, c + step, c + 2 * step, …
    limit: int  # stop before request number `limit`
    interval: float | None  # paced: seconds between two requests of one connection


async def _connection(host: str, port: int, make: RequestFactory, plan: _Plan, offset: int, out: list[float]) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    errors = 0
    i = offset
    # Paced: request k of this connection is due at start + k * interval (connections staggered).
    # Latency counts from when it was due, not when it left: a server that falls behind is not
    # excused by the generator waiting for it (coordinated omission).
    due = time.perf_counter() + (plan.interval or 0) * offset / plan.step
    try:
        while time.perf_counter() < plan.deadline and i < plan.limit:
            if plan.interval is not None:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                started = due
                due += plan.interval
            else:
                started = time.perf_counter()
            writer.write(make(i))
            await writer.drain()
            status = await _read_response(reader)
            if status >= 400:
                errors += 1
            else:
                out.append((time.perf_counter() - started) * 1000)
            i += plan.step
    finally:
        writer.close()
    return errors


async def _drive(
    host: str, port: int, make: RequestFactory, seconds: float, concurrency: int, limit: int, rate: float | None
) -> LoadResult:
    latencies: list[float] = []
    started = time.perf_counter()
    plan = _Plan(started + seconds, concurrency, limit, concurrency / rate if rate else None)
    errors = await asyncio.gather(*(_connection(host, port, make, plan, c, latencies) for c in range(concurrency)))
    elapsed = time.perf_counter() - started
    return LoadResult(len(latencies) + sum(errors), sum(errors), elapsed, latencies)


def _child(
    host: str,
    port: int,
    make: RequestFactory,
    seconds: float,
    concurrency: int,
    limit: int,
    rate: float | None,
    queue: Queue[LoadResult],
) -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    queue.put(asyncio.run(_drive(host, port, make, seconds, concurrency, limit, rate)))


def run_load(
    host: str,
    port: int,
    make: RequestFactory,
    *,
    seconds: float,
    concurrency: int,
    limit: int = sys.maxsize,
    rate: float | None = None,
) -> LoadResult:
    """Drive the server from a separate process, for `seconds` or `limit` requests, and return what it measured.

    Without `rate` each connection sends its next request as soon as the previous answer arrives
    (closed loop: the rate is what the server sustains with `concurrency` requests in flight, and
    the latency includes queueing behind them). With `rate` the requests are paced at that many
    per second in all, the way a sender like Meta delivers a steady stream.
    """
    context = multiprocessing.get_context("fork")
    queue: Queue[LoadResult] = context.Queue()
    process = context.Process(target=_child, args=(host, port, make, seconds, concurrency, limit, rate, queue))
    process.start()
    result: LoadResult = queue.get(timeout=seconds + 60)
    process.join()
    return result
