"""create_simulator_app(config): the simulator's own ASGI app, mounted at /simulator or run alone."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from imaradesk.config import Settings, SimulatorSettings
from imaradesk.core.errors import install_error_handlers
from imaradesk.core.observability import configure_logging
from imaradesk.simulator import control, graph, phone
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.errors import GraphError, fbtrace_id


def create_simulator_app(
    config: SimulatorSettings, *, webhook_transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """The simulator as an ASGI app; its `Simulator` is `app.state.simulator` (see `simulator_of`).

    Run alone, its lifespan starts and stops the simulator. Mounted in another app, Starlette
    does not run a sub-app's lifespan, so the parent calls `simulator_of(app).start()`/`stop()`.
    """
    simulator = Simulator(config, webhook_transport=webhook_transport)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await simulator.start()
        try:
            yield
        finally:
            await simulator.stop()

    app = FastAPI(
        title="WhatsApp Cloud API simulator",
        version=config.graph_version,
        docs_url="/_sim/docs",
        openapi_url="/_sim/openapi.json",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.simulator = simulator
    install_error_handlers(app)
    _install_graph_errors(app, f"/{config.graph_version}/")
    app.include_router(graph.router, prefix=f"/{config.graph_version}")
    app.include_router(graph.download_router)
    app.include_router(control.router, prefix="/_sim")
    app.include_router(phone.router)
    return app


def simulator_of(app: FastAPI) -> Simulator:
    simulator: Simulator = app.state.simulator
    return simulator


def _route_path(request: Request) -> str:
    path: str = request.scope["path"]
    root: str = request.scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _install_graph_errors(app: FastAPI, graph_prefix: str) -> None:
    core_http_handler = app.exception_handlers[StarletteHTTPException]

    async def on_graph_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, GraphError)
        headers = {"WWW-Authenticate": 'OAuth "Facebook Platform" "invalid_token"'} if exc.code == 190 else None
        return JSONResponse(exc.body(), status_code=exc.http_status, headers=headers)

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        path = _route_path(request)
        if not path.startswith(graph_prefix):
            response = core_http_handler(request, exc)
            assert inspect.isawaitable(response)
            core_response = await response
            assert isinstance(core_response, JSONResponse)
            return core_response
        # Unknown Graph paths and methods answer in Graph's shape, as Meta does.
        if exc.status_code == 405:
            message, code = f"Unsupported request - method type: {request.method.lower()}", 100
        else:
            message, code = f"Unknown path components: {path[len(graph_prefix) - 1 :]}", 2500
        error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": fbtrace_id()}
        return JSONResponse({"error": error}, status_code=400 if exc.status_code == 404 else exc.status_code)

    app.add_exception_handler(GraphError, on_graph_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)


def run_simulator(settings: Settings, host: str, port: int) -> None:
    """`imaradesk simulator`: the simulator alone, delivering webhooks to `simulator.webhook_url`."""
    import uvicorn

    configure_logging(settings.log_level, json=settings.log_json)
    uvicorn.run(
        create_simulator_app(settings.simulator),
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        access_log=False,
        # Open phone pages hold SSE streams; do not wait for them forever on shutdown.
        timeout_graceful_shutdown=3,
    )
