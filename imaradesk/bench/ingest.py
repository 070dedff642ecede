"""`imaradesk bench ingest`: signed webhooks posted on loopback by a separate process (spec §12).

Goal: ≥ 1,000 events/s and p99 acknowledge latency < 25 ms in embedded mode (SQLite), next to
the framework's bare 200 endpoint measured in the same run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from imaradesk.bench.http import measure_bare
from imaradesk.bench.loadgen import RequestFactory, run_load
from imaradesk.bench.servers import uvicorn_server
from imaradesk.config import SimulatorSettings

WEBHOOK_PATH = "/webhooks/whatsapp"


def webhook_requests(host: str, phone_number_id: str, waba_id: str, app_secret: str) -> RequestFactory:
    """Each request is a distinct inbound text message (a new wamid), signed as Meta signs it."""
    prefix = f"wamid.bench.{os.getpid()}.{time.time_ns()}"

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
                                        "id": f"{prefix}.{i}",
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


def run(*, seconds: float, concurrency: int, with_worker: bool) -> dict[str, float]:
    figures: dict[str, float] = measure_bare(seconds, concurrency)
    sim = SimulatorSettings()
    with tempfile.TemporaryDirectory(prefix="imaradesk-bench-") as data_dir:
        env = {
            **os.environ,
            "IMARADESK_DATA_DIR": data_dir,
            "IMARADESK_DATABASE_URL": f"sqlite+aiosqlite:///{Path(data_dir) / 'bench.db'}",
            "IMARADESK_REDIS_URL": "",
            "IMARADESK_JOBS__EMBEDDED_WORKER": "true" if with_worker else "false",
            "IMARADESK_LOG_LEVEL": "WARNING",
        }
        _prepare_database(env)
        with uvicorn_server("imaradesk.app:create_app", factory=True, env=env) as port:
            make = webhook_requests("127.0.0.1", sim.phone_numbers[0].phone_number_id, sim.waba_id, sim.app_secret)
            run_load("127.0.0.1", port, make, seconds=1, concurrency=concurrency)  # warm-up
            result = run_load("127.0.0.1", port, make, seconds=seconds, concurrency=concurrency)
    figures.update(result.figures("ingest"))
    figures["ingest_to_bare_ratio"] = round(figures["ingest_requests_per_s"] / figures["bare_requests_per_s"], 3)
    figures["with_worker"] = float(with_worker)
    figures["concurrency"] = concurrency
    figures["seconds"] = seconds
    return figures


def render(figures: dict[str, float]) -> str:
    rows = [("bare FastAPI 200 (reference)", "bare"), ("signed webhook ingest (SQLite)", "ingest")]
    lines = [f"{'endpoint':34} {'events/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"]
    for label, key in rows:
        lines.append(
            f"{label:34} {figures[key + '_requests_per_s']:>10.0f} {figures[key + '_p50_ms']:>8.2f} "
            f"{figures[key + '_p99_ms']:>8.2f} {figures[key + '_errors']:>7.0f}"
        )
    lines.append(
        f"ingest / bare throughput: {figures['ingest_to_bare_ratio']:.2f}  (goal: ≥ 1,000 events/s, p99 < 25 ms)"
    )
    return "\n".join(lines)
