"""`imaradesk bench http`: the bare framework endpoint and our app's /healthz, side by side."""

from __future__ import annotations

from imaradesk.bench.loadgen import plain_get, run_load
from imaradesk.bench.servers import serve, uvicorn_server


def measure_bare(seconds: float, concurrency: int) -> dict[str, float]:
    """The reference: requests/s, latency and server CPU per request of the bare 200 endpoint."""
    with serve("imaradesk.bench.bare:app") as server:
        request = plain_get("127.0.0.1", "/healthz")
        run_load("127.0.0.1", server.port, request, seconds=1, concurrency=concurrency)
        cpu_before = server.cpu_seconds()
        result = run_load("127.0.0.1", server.port, request, seconds=seconds, concurrency=concurrency)
        cpu = server.cpu_seconds() - cpu_before
    figures = result.figures("bare")
    figures["bare_cpu_ms_per_request"] = round(cpu * 1000 / max(result.requests, 1), 3)
    return figures


def run(*, seconds: float, concurrency: int) -> dict[str, float]:
    figures = measure_bare(seconds, concurrency)
    with uvicorn_server(
        "imaradesk.app:create_app", factory=True, env={"IMARADESK_JOBS__EMBEDDED_WORKER": "false"}
    ) as port:
        run_load("127.0.0.1", port, plain_get("127.0.0.1", "/healthz"), seconds=1, concurrency=concurrency)
        app = run_load("127.0.0.1", port, plain_get("127.0.0.1", "/healthz"), seconds=seconds, concurrency=concurrency)
    figures.update(app.figures("app_healthz"))
    figures["app_to_bare_ratio"] = round(figures["app_healthz_requests_per_s"] / figures["bare_requests_per_s"], 3)
    figures["concurrency"] = concurrency
    figures["seconds"] = seconds
    return figures


def render(figures: dict[str, float]) -> str:
    rows = [
        ("bare FastAPI 200 (reference)", "bare"),
        ("ImaraDesk /healthz (full middleware)", "app_healthz"),
    ]
    lines = [f"{'endpoint':40} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}"]
    for label, key in rows:
        lines.append(
            f"{label:40} {figures[key + '_requests_per_s']:>10.0f} "
            f"{figures[key + '_p50_ms']:>8.2f} {figures[key + '_p99_ms']:>8.2f}"
        )
    lines.append(f"app / bare throughput: {figures['app_to_bare_ratio']:.2f}")
    return "\n".join(lines)
