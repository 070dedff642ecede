"""`imaradesk bench ingest`: signed webhooks posted on loopback by a separate process (spec §12).

Goal: ≥ 1,000 events/s and p99 acknowledge latency < 25 ms in embedded mode (SQLite), next to
the framework's bare 200 endpoint measured in the same run.

The app runs as `make run` serves it: embedded mode, SQLite, the job worker in the process. Before
measuring, a few webhooks are posted and the worker is left to process them (the offline AI models
load on first use); the run then starts from an empty queue. Afterwards the events are counted in
the database: every acknowledged event must be stored, or the figures are void.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from imaradesk.bench.http import measure_bare
from imaradesk.bench.loadgen import RequestFactory, run_load
from imaradesk.bench.servers import serve
from imaradesk.config import SimulatorSettings

WEBHOOK_PATH = "/webhooks/whatsapp"
WARM_UP_EVENTS = 100
WARM_UP_DRAIN_SECONDS = 300.0


def webhook_requests(
    host: str, phone_number_id: str, waba_id: str, app_secret: str, wamid_prefix: str
) -> RequestFactory:
    """Each request is a distinct inbound text message (a new wamid), signed as Meta signs it."""

    def make(i: int) -> bytes:
        payload = {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": waba_id,
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {
                                    "display_phone_number": "254700000100",
                                    "phone_number_id": phone_number_id,
                                },
                                "contacts": [
                                    {"profile": {"name": f"Customer {i % 500}"}, "wa_id": f"2547{i % 500:08d}"}
                                ],
                                "messages": [
                                    {
                                        "from": f"2547{i % 500:08d}",
                                        "id": f"{wamid_prefix}.{i}",
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": f"Habari, order {i} iko wapi?"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        }
        body = json.dumps(payload, ensure_ascii=True).encode()
        signature = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
        head = (
            f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"X-Hub-Signature-256: sha256={signature}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body

    return make


def _prepare_database(env: dict[str, str]) -> None:
    for command in (["migrate"], ["seed-demo"]):
        subprocess.run(  # noqa: S603 (our own interpreter and CLI)
            [sys.executable, "-m", "imaradesk.cli", *command], env=env, check=True, capture_output=True
        )


def _query(database: Path, sql: str, *params: str) -> int:
    """A count read beside the server (WAL lets a reader in while it writes)."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)) as connection:
        return int(connection.execute(sql, params).fetchone()[0])


def _unfinished_jobs(database: Path) -> int:
    return _query(database, "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")


def _wait_until_processed(database: Path, timeout: float) -> float:
    """Seconds until the worker has no job left (raises past `timeout`)."""
    started = time.monotonic()
    while _unfinished_jobs(database):
        if time.monotonic() - started > timeout:
            raise RuntimeError(f"the worker did not finish the warm-up jobs within {timeout:.0f} s")
        time.sleep(0.2)
    return time.monotonic() - started


def _event_counts(database: Path, wamid_prefix: str) -> tuple[int, int]:
    """(stored, processed) events of this run."""
    pattern = f"message:{wamid_prefix}.%"
    stored = _query(database, "SELECT count(*) FROM whatsapp_webhook_events WHERE dedupe_key LIKE ?", pattern)
    processed = _query(
        database,
        "SELECT count(*) FROM whatsapp_webhook_events WHERE dedupe_key LIKE ? AND processed_at IS NOT NULL",
        pattern,
    )
    return stored, processed


def run(*, seconds: float, concurrency: int, with_worker: bool, rate: float | None = None) -> dict[str, float]:
    """`rate`: pace the webhooks at that many per second instead of as fast as answers come back."""
    figures: dict[str, float] = measure_bare(seconds, concurrency)
    sim = SimulatorSettings()
    number = sim.phone_numbers[0]
    prefix = f"wamid.bench.{os.getpid()}.{time.time_ns()}"
    with tempfile.TemporaryDirectory(prefix="imaradesk-bench-") as data_dir:
        database = Path(data_dir) / "bench.db"
        env = {
            **os.environ,
            "IMARADESK_DATA_DIR": data_dir,
            "IMARADESK_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
            "IMARADESK_REDIS_URL": "",
            "IMARADESK_JOBS__EMBEDDED_WORKER": "true" if with_worker else "false",
            "IMARADESK_LOG_LEVEL": "WARNING",
        }
        _prepare_database(env)
        with serve("imaradesk.app:create_app", factory=True, env=env) as server:
            warm_up = webhook_requests("127.0.0.1", number.phone_number_id, sim.waba_id, sim.app_secret, prefix + "w")
            run_load("127.0.0.1", server.port, warm_up, seconds=60, concurrency=concurrency, limit=WARM_UP_EVENTS)
            if with_worker:
                figures["warm_up_processing_s"] = round(_wait_until_processed(database, WARM_UP_DRAIN_SECONDS), 1)
            make = webhook_requests("127.0.0.1", number.phone_number_id, sim.waba_id, sim.app_secret, prefix)
            cpu_before = server.cpu_seconds()
            result = run_load("127.0.0.1", server.port, make, seconds=seconds, concurrency=concurrency, rate=rate)
            cpu = server.cpu_seconds() - cpu_before
            stored, processed = _event_counts(database, prefix)
            figures["jobs_left"] = _unfinished_jobs(database)
    acknowledged = result.requests - result.errors
    if stored != acknowledged:
        raise RuntimeError(f"{acknowledged} events were acknowledged but {stored} are stored: the figures are void")
    figures.update(result.figures("ingest"))
    figures["ingest_cpu_ms_per_request"] = round(cpu * 1000 / max(result.requests, 1), 3)
    figures["events_stored"] = stored
    figures["events_processed"] = processed
    figures["ingest_to_bare_ratio"] = round(figures["ingest_requests_per_s"] / figures["bare_requests_per_s"], 3)
    figures["with_worker"] = float(with_worker)
    figures["offered_rate"] = rate or 0.0
    figures["concurrency"] = concurrency
    figures["seconds"] = seconds
    return figures


def render(figures: dict[str, float]) -> str:
    paced = f"paced at {figures['offered_rate']:.0f}/s" if figures.get("offered_rate") else "closed loop"
    rows = [("bare FastAPI 200 (reference)", "bare"), (f"signed webhook ingest ({paced})", "ingest")]
    lines = [f"{'endpoint':34} {'events/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'CPU ms/req':>11}"]
    for label, key in rows:
        lines.append(
            f"{label:34} {figures[key + '_requests_per_s']:>10.0f} {figures[key + '_p50_ms']:>8.2f} "
            f"{figures[key + '_p99_ms']:>8.2f} {figures[key + '_errors']:>7.0f} "
            f"{figures[key + '_cpu_ms_per_request']:>11.3f}"
        )
    lines.append(
        f"ingest / bare throughput: {figures['ingest_to_bare_ratio']:.2f}  (goal: ≥ 1,000 events/s, p99 < 25 ms)"
    )
    worker = "on" if figures["with_worker"] else "off"
    lines.append(
        f"embedded worker {worker}: {figures['events_stored']:.0f} events acknowledged and stored (counted in the "
        f"database), {figures['events_processed']:.0f} processed during the run, "
        f"{figures['jobs_left']:.0f} jobs left to run"
    )
    if "warm_up_processing_s" in figures:
        lines.append(
            f"warm-up: {WARM_UP_EVENTS} webhooks processed in {figures['warm_up_processing_s']:.1f} s "
            "before measuring (AI models loaded)"
        )
    return "\n".join(lines)
