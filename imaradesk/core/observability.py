"""Structured logs, Prometheus metrics, and the request-timing middleware."""

from __future__ import annotations

import logging
import sys
import time

import structlog
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_LATENCY = Histogram(
    "imaradesk_http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route", "status"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
JOB_RUNS = Counter("imaradesk_job_runs_total", "Jobs run, by outcome", ["job", "outcome"])
JOB_FAILURES = Counter("imaradesk_job_failures_total", "Job attempts that raised", ["job"])
JOB_QUEUE_DEPTH = Gauge("imaradesk_job_queue_depth", "Jobs due or waiting to run")
AI_CALL_LATENCY = Histogram(
    "imaradesk_ai_call_duration_seconds",
    "AI provider calls and cache hits, by outcome (ok, cache_hit or the provider error code)",
    ["provider", "task", "outcome"],
    buckets=(0.0005, 0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


_access_log = structlog.get_logger("imaradesk.http")


def configure_logging(level: str = "INFO", *, json: bool = False) -> None:
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer()
        if json
        # plain_traceback: the rich formatter would print every frame's local variables, secrets included.
        else structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )


def metrics_response() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def _route_template(scope: Scope) -> str:
    """Label by route template (/api/v1/members/{member_id}), not raw path, to bound cardinality.

    Rebuilt from the path and its parameters because an included router's route knows only
    its own suffix of the path.
    """
    if scope.get("route") is None:
        return "unmatched"
    template = str(scope.get("path", ""))
    for name, value in scope.get("path_params", {}).items():
        template = template.replace(str(value), "{" + name + "}", 1)
    return template


class RequestMetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_with_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            elapsed = time.perf_counter() - started
            method, route = scope["method"], _route_template(scope)
            REQUEST_LATENCY.labels(method, route, str(status["code"])).observe(elapsed)
            _access_log.info(
                "http.request", method=method, route=route, status=status["code"], duration_ms=round(elapsed * 1000, 2)
            )
