"""Shared fixtures: --db sqlite|postgres, a migrated database per xdist worker, a rolled-back
transaction per test (or real commits with @pytest.mark.committed), the app and its client."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from imaradesk import migrate
from imaradesk.app import create_app
from imaradesk.config import Settings
from imaradesk.core import clock
from imaradesk.db.engine import create_engine
from imaradesk.db.session import Database
from imaradesk.models import Base

PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
TEST_SECRET = "test-secret-key-0123456789-abcdef"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", choices=["sqlite", "postgres"], default="sqlite", help="database backend")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--db") == "postgres":
        return
    skip = pytest.mark.skip(reason="needs --db postgres")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def db_backend(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--db"))


async def _recreate_pg_database(name: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def database_url(db_backend: str, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> str:
    """A freshly migrated database for this xdist worker (the migrations themselves are exercised)."""
    if db_backend == "postgres":
        # A prefix lets two checkouts on one machine test against PostgreSQL side by side.
        name = f"{os.environ.get('IMARADESK_TEST_DB_PREFIX', 'imaradesk_test')}_{worker_id}"
        asyncio.run(_recreate_pg_database(name))
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    migrate.upgrade(make_settings(url, tmp_path_factory.mktemp("data")))
    return url


def make_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "secret_key": TEST_SECRET,
        "database_url": database_url,
        "data_dir": data_dir,
        "jobs": {"embedded_worker": False},
        "whatsapp": {"retry_backoff_seconds": 0.01, "send_attempts": 2},
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path / "data")


@pytest.fixture(scope="session")
async def engine(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(make_settings(database_url, tmp_path_factory.mktemp("engine")))
    yield engine
    await engine.dispose()


@pytest.fixture(autouse=True)
def _reset_clock() -> Iterator[None]:
    clock.reset()
    yield
    clock.reset()


@pytest.fixture
async def database(request: pytest.FixtureRequest, engine: AsyncEngine) -> AsyncIterator[Database]:
    """Sessions join one outer transaction, rolled back after the test; `commit()` releases a savepoint."""
    if "committed" in request.keywords:
        yield Database(engine)
        await _empty_all_tables(engine)
        return
    async with engine.connect() as connection:
        outer = await connection.begin()
        database = Database(engine)
        database.sessionmaker = async_sessionmaker(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        yield database
        if outer.is_active:
            await outer.rollback()


@pytest.fixture
async def committed_database(engine: AsyncEngine) -> AsyncIterator[Database]:
    yield Database(engine)
    await _empty_all_tables(engine)


async def _empty_all_tables(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(text(f'DELETE FROM "{table.name}"'))


@pytest.fixture
async def session(database: Database) -> AsyncIterator[AsyncSession]:
    async with database.sessionmaker() as session:
        yield session


@pytest.fixture
def app(settings: Settings, database: Database) -> FastAPI:
    return create_app(settings, database=database)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(app) as client:
        yield client


def make_client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
