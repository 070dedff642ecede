"""A keep-alive HTTP/1.1 load generator, run in its own process beside the server under test."""

from __future__ import annotations

import asyncio
import multiprocessing
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


async def _connection(
    host: str, port: int, make: RequestFactory, deadline: float, offset: int, step: int, out: list[float]
) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    errors = 0
    i = offset
    try:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(make(i))
            await writer.drain()
            status = await _read_response(reader)
            if status >= 400:
                errors += 1
            else:
                out.append((time.perf_counter() - started) * 1000)
            i += step
    finally:
        writer.close()
    return errors


async def _drive(host: str, port: int, make: RequestFactory, seconds: float, concurrency: int) -> LoadResult:
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + seconds
    errors = await asyncio.gather(
        *(_connection(host, port, make, deadline, c, concurrency, latencies) for c in range(concurrency))
    )
    elapsed = time.perf_counter() - started
    return LoadResult(len(latencies) + sum(errors), sum(errors), elapsed, latencies)


def _child(
    host: str, port: int, make: RequestFactory, seconds: float, concurrency: int, queue: Queue[LoadResult]
) -> None:
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    queue.put(asyncio.run(_drive(host, port, make, seconds, concurrency)))


def run_load(host: str, port: int, make: RequestFactory, *, seconds: float, concurrency: int) -> LoadResult:
    """Drive the server from a separate process and return what it measured."""
    context = multiprocessing.get_context("fork")
    queue: Queue[LoadResult] = context.Queue()
    process = context.Process(target=_child, args=(host, port, make, seconds, concurrency, queue))
    process.start()
    result: LoadResult = queue.get(timeout=seconds + 60)
    process.join()
    return result
