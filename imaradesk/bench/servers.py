"""Start a server in a subprocess on a free loopback port, for the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ServedApp:
    port: int
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system; Linux only, else NaN).

        On a machine shared with other work the requests/s move with the load; the CPU spent per
        request does not, so the benchmarks print both.
        """
        stat = Path(f"/proc/{self.pid}/stat")
        if not stat.exists():
            return float("nan")
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serve(app_path: str, *, factory: bool = False, env: dict[str, str] | None = None) -> Iterator[ServedApp]:
    """uvicorn as `imaradesk serve` runs it: uvloop, httptools, no access log."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        app_path,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command, env={**os.environ, **(env or {})})  # noqa: S603 (our own interpreter)
    try:
        _wait_until_up(port, process)
        yield ServedApp(port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=15)


@contextmanager
def uvicorn_server(app_path: str, *, factory: bool = False, env: dict[str, str] | None = None) -> Iterator[int]:
    with serve(app_path, factory=factory, env=env) as served:
        yield served.port


def _wait_until_up(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"benchmark server exited with code {process.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("benchmark server did not start within 60 s")
