"""The `imaradesk` command."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from imaradesk.config import get_settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

app = typer.Typer(help="ImaraDesk: an AI-native WhatsApp helpdesk.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks: each figure next to its reference, measured in the same run.")
app.add_typer(bench_app, name="bench")
eval_app = typer.Typer(help="Accuracy of the AI labels against labelled files.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="API processes (scale-out mode only)")] = 1,
) -> None:
    """Serve the API and the web app (embedded mode also runs migrations and the job worker)."""
    import uvicorn

    settings = get_settings()
    typer.echo(f"ImaraDesk on http://{host}:{port} ({settings.mode.value} mode)")
    uvicorn.run(
        "imaradesk.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers if settings.mode.value == "scale_out" else 1,
        log_level=settings.log_level.lower(),
        access_log=False,
        timeout_graceful_shutdown=3,  # open event streams (inbox, phone page) would hold shutdown
    )


@app.command()
def worker() -> None:
    """Run a job worker (scale-out mode: start as many as you need)."""
    from imaradesk.ai.providers.registry import warm_up_local
    from imaradesk.jobs.worker import run_worker

    settings = get_settings()
    warm_up_local()  # the offline AI models, before the first message needs them
    asyncio.run(run_worker(settings, concurrency=settings.jobs.concurrency))


@app.command()
def simulator(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8001,
) -> None:
    """Run the WhatsApp Cloud API simulator alone (its webhooks go to IMARADESK_SIMULATOR__WEBHOOK_URL)."""
    from imaradesk.simulator import run_simulator

    settings = get_settings()
    typer.echo(f"Simulator on http://{host}:{port} (phone page at /), webhooks to {settings.simulator.webhook_url}")
    run_simulator(settings, host, port)


@app.command()
def migrate() -> None:
    """Apply database migrations."""
    from imaradesk import migrate as migrations

    settings = get_settings()
    migrations.upgrade(settings)
    typer.echo(f"Database is up to date ({settings.resolved_database_url.split('@')[-1]}).")


async def _in_unit_of_work(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    from imaradesk.db.engine import create_engine
    from imaradesk.db.session import Database

    database = Database(create_engine(get_settings()))
    try:
        async with database.unit_of_work() as session:
            return await work(session)
    finally:
        await database.dispose()


@app.command("create-user")
def create_user(
    email: Annotated[str, typer.Option(prompt=True)],
    name: Annotated[str, typer.Option(prompt=True)],
    workspace: Annotated[str, typer.Option(prompt=True, help="Name of the new workspace")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Create a user who owns a new workspace."""
    from imaradesk.auth import service as auth
    from imaradesk.core.errors import AppError
    from imaradesk.workspaces import service as workspaces

    async def work(session: AsyncSession) -> None:
        user = await auth.create_user(session, email=email, name=name, password=password)
        await workspaces.create_workspace(session, name=workspace, owner=user)

    try:
        asyncio.run(_in_unit_of_work(work))
    except AppError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Created {email}, owner of {workspace!r}.")


@app.command("seed-demo")
def seed_demo() -> None:
    """Create the demo workspace (owner + two agents in a team) and print the login."""
    from imaradesk import demo

    settings = get_settings()

    async def work(session: AsyncSession) -> demo.DemoLogin:
        return await demo.seed_demo(session, settings)

    login = asyncio.run(_in_unit_of_work(work))
    state = "created" if login.created else "already there"
    typer.echo(f"Demo workspace {state}. Sign in as {login.email} / {login.password}")
    typer.echo(f"Chat as a customer on the simulator phone: {settings.public_url.rstrip('/')}/simulator/")


@app.command()
def openapi(
    output: Annotated[Path | None, typer.Argument(help="File to write; stdout if omitted")] = None,
) -> None:
    """Print the OpenAPI schema (the web app's client is generated from it)."""
    from imaradesk.app import create_app

    schema = json.dumps(create_app().openapi(), indent=2, sort_keys=True) + "\n"
    if output is None:
        typer.echo(schema, nl=False)
    else:
        output.write_text(schema)


@bench_app.command("http")
def bench_http(
    seconds: Annotated[float, typer.Option(help="Duration of each measurement")] = 5.0,
    concurrency: Annotated[int, typer.Option(help="Concurrent connections of the load generator")] = 16,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of the figures")] = False,
) -> None:
    """Reference figure: the framework's bare 200 endpoint, requests/s and p99."""
    from imaradesk.bench import http as bench

    figures = bench.run(seconds=seconds, concurrency=concurrency)
    typer.echo(json.dumps(figures) if as_json else bench.render(figures))


@bench_app.command("ingest")
def bench_ingest(
    seconds: Annotated[float, typer.Option(help="Duration of each measurement")] = 5.0,
    concurrency: Annotated[int, typer.Option(help="Concurrent connections of the load generator")] = 16,
    worker: Annotated[bool, typer.Option(help="Run the embedded job worker during the run")] = True,
    rate: Annotated[float, typer.Option(help="Pace webhooks at this many per second (0: as fast as answered)")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of the figures")] = False,
) -> None:
    """Webhook ingest: signed events/s and acknowledge latency, next to the bare endpoint."""
    from imaradesk.bench import ingest as bench

    figures = bench.run(seconds=seconds, concurrency=concurrency, with_worker=worker, rate=rate or None)
    typer.echo(json.dumps(figures) if as_json else bench.render(figures))


@bench_app.command("ai")
def bench_ai(
    messages: Annotated[int, typer.Option(help="Messages classified one by one for the latency figures")] = 300,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of the figures")] = False,
) -> None:
    """Local provider: classification latency, embeddings/s (messages and passages), cached repeat."""
    from imaradesk.bench import ai as bench

    figures = bench.run(messages=messages)
    typer.echo(json.dumps(figures) if as_json else bench.render(figures))


@bench_app.command("kb")
def bench_kb(
    queries: Annotated[int, typer.Option(help="Questions timed against our index at each size")] = 200,
    seed_queries: Annotated[int, typer.Option(help="Questions timed with the seed's method (slow)")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of the figures")] = False,
) -> None:
    """Knowledge-base search at 10k and 100k chunks (p50/p99, recall@5) next to the seed's method; ingestion pages/s."""
    from imaradesk.bench import kb as bench

    figures = bench.run(queries=queries, seed_queries=seed_queries)
    typer.echo(json.dumps(figures) if as_json else bench.render(figures))


@eval_app.command("classify")
def eval_classify(
    file: Annotated[Path, typer.Argument(help="JSONL rows: text, intent, sentiment, lang")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object of the figures")] = False,
) -> None:
    """Intent, sentiment and language accuracy of the local provider, per label and per language."""
    from imaradesk.ai import evaluation

    try:
        report = evaluation.evaluate_file(file)
    except evaluation.EvalFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(report) if as_json else evaluation.render(report))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
