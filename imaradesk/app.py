"""create_app(settings): middleware, error handling, routers, health, metrics, the web app."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text

from imaradesk.ai import calls as ai_calls
from imaradesk.ai.providers.registry import warm_up_local
from imaradesk.api import API_PREFIX, api_router, plain_routes, webhook_router
from imaradesk.config import Mode, Settings, get_settings, install_settings
from imaradesk.core.errors import error_body, install_error_handlers
from imaradesk.core.limits import BodySizeLimitMiddleware
from imaradesk.core.observability import (
    RequestMetricsMiddleware,
    configure_logging,
    metrics_response,
)
from imaradesk.core.rate_limit import create_rate_limiter, install_rate_limiter
from imaradesk.core.realtime import create_broker, install_broker
from imaradesk.db.engine import create_engine
from imaradesk.db.session import Database
from imaradesk.jobs.registry import import_job_modules
from imaradesk.simulator import create_simulator_app, simulator_of
from imaradesk.whatsapp.client import SIMULATOR_BASE_URL, TIMEOUT, install_http_client
from imaradesk.whatsapp.numbers import WEBHOOK_PATH

WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
SIMULATOR_PATH = "/simulator"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    database: Database = app.state.database
    broker = create_broker(settings)
    install_broker(broker)
    install_rate_limiter(create_rate_limiter(settings))
    if settings.mode == Mode.embedded:
        from imaradesk import migrate

        await asyncio.to_thread(migrate.upgrade, settings)
    simulator = getattr(app.state, "simulator", None)
    if simulator is not None:
        install_http_client(simulator_http_client(app.state.simulator_app))
        await simulator.start()
    worker_task: asyncio.Task[None] | None = None
    stop = asyncio.Event()
    if settings.mode == Mode.embedded and settings.jobs.embedded_worker:
        from imaradesk.jobs.worker import Worker

        worker = Worker(database, settings, worker_id="embedded", network_lane=settings.jobs.network_jobs)
        worker_task = asyncio.create_task(worker.run_forever(stop))
        app.state.ai_warm_up = asyncio.create_task(asyncio.to_thread(warm_up_local))
        # What is loaded by now, and the offline AI models once warm, lives as long as the process:
        # frozen, the collector no longer walks it, else each full collection stalls every webhook
        # for 100-150 ms with the models loaded (measured: the ingest p99 at 1,000 events/s).
        gc.freeze()
        app.state.ai_warm_up.add_done_callback(lambda _task: gc.freeze())
    try:
        yield
    finally:
        stop.set()
        if worker_task is not None:
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow the cancellation.
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                async with asyncio.timeout(10):
                    await worker_task
        await ai_calls.close(database)  # the call log's writer flushes what it holds
        if simulator is not None:
            await simulator.stop()
        if getattr(app.state, "ingest_writer", None) is not None:
            await app.state.ingest_writer.close()
        await broker.close()
        await database.dispose()


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    install_settings(settings)
    import_job_modules()  # publish() must know every subscriber
    configure_logging(settings.log_level, json=settings.log_json)
    app = FastAPI(
        title="ImaraDesk API",
        version="0.1.0",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.database = database or Database(create_engine(settings))
    install_error_handlers(app)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.http.max_body_bytes,
        per_path={
            f"^{WEBHOOK_PATH}$": settings.whatsapp.max_webhook_bytes,
            f"^{SIMULATOR_PATH}/": settings.whatsapp.max_media_bytes,
            f"^{API_PREFIX}/conversations/[^/]+/attachments$": settings.whatsapp.max_media_bytes,
            f"^{API_PREFIX}/knowledge/documents(/[^/]+/file)?$": (
                settings.knowledge.max_upload_bytes * settings.knowledge.max_files_per_upload + 1_000_000
            ),
        },
    )
    app.add_middleware(RequestMetricsMiddleware)
    app.router.routes[:0] = plain_routes  # first: the webhook POST (see api.py)
    app.include_router(api_router)
    app.include_router(webhook_router)
    _add_operational_routes(app)
    # The simulator has no authentication of its own: never next to real customers.
    if settings.mode == Mode.embedded and settings.simulator.enabled and settings.environment != "production":
        _mount_simulator(app, settings)
    _add_web_app(app, WEB_DIST)
    return app


def _add_operational_routes(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", include_in_schema=False)
    async def readyz(request: Request) -> JSONResponse:
        database: Database = request.app.state.database
        try:
            async with database.sessionmaker() as session:
                await session.execute(text("SELECT 1"))
        except Exception as exc:  # noqa: BLE001 (any failure means not ready)
            return JSONResponse(
                error_body("database_unavailable", f"The database is not reachable: {exc.__class__.__name__}"),
                status_code=503,
            )
        return JSONResponse({"status": "ready"})

    @app.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        from imaradesk.jobs.metrics import refresh_queue_depth

        await refresh_queue_depth(request.app.state.database)
        return metrics_response()


def _mount_simulator(app: FastAPI, settings: Settings) -> None:
    """Embedded mode: the Cloud API simulator and its phone page at /simulator/, wired in-process.

    Its webhooks reach this app through an ASGI transport, and numbers whose Graph base URL is
    SIMULATOR_BASE_URL reach it the same way, so neither depends on the port we serve on.
    """
    simulator_app = create_simulator_app(settings.simulator, webhook_transport=httpx.ASGITransport(app=app))
    app.mount(SIMULATOR_PATH, simulator_app)
    app.state.simulator_app = simulator_app
    app.state.simulator = simulator_of(simulator_app)

    @app.get(SIMULATOR_PATH, include_in_schema=False)
    async def phone_page() -> RedirectResponse:
        return RedirectResponse(SIMULATOR_PATH + "/")


def simulator_http_client(simulator_app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=TIMEOUT, mounts={SIMULATOR_BASE_URL: httpx.ASGITransport(app=simulator_app)})


def _add_web_app(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA at / with a fallback to index.html for client-side routes."""
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    # Top-level files (favicon, robots.txt) are listed once, so no request path reaches the disk.
    top_level = {f.name: f for f in dist.iterdir() if f.is_file()} if dist.is_dir() else {}
    index = top_level.get("index.html")

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> Response:
        if path.startswith("api/"):
            return JSONResponse(error_body("not_found", f"No API route /{path}."), status_code=404)
        if path in top_level:
            return FileResponse(top_level[path])
        if index is not None:
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return HTMLResponse("<h1>ImaraDesk</h1><p>The web app is not built yet: run <code>make web</code>.</p>")
