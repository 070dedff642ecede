"""Engine construction: SQLite pragmas for the embedded mode, pools for PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from imaradesk.config import Settings
from imaradesk.db.sqlite_inline import inline_connector


def create_engine(settings: Settings, url: str | None = None) -> AsyncEngine:
    database_url = url or settings.resolved_database_url
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite":
        return _create_sqlite_engine(database_url, settings)
    return create_async_engine(
        database_url,
        pool_size=settings.db.pool_size,
        pool_pre_ping=True,
        echo=settings.db.echo,
    )


def _create_sqlite_engine(url: str, settings: Settings) -> AsyncEngine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # One connection, handed over in FIFO order by the pool: writers queue in asyncio instead of
    # sleeping in SQLite's busy handler (which backs off up to 100 ms per try). Its calls run on
    # the loop's thread, not aiosqlite's (see sqlite_inline.py).
    engine = create_async_engine(
        url,
        echo=settings.db.echo,
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
        async_creator=inline_connector(database or ":memory:"),
    )
    busy_timeout = settings.db.sqlite_busy_timeout_ms

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented
        # recipe is to switch it off and emit BEGIN ourselves (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two writers wait on busy_timeout
        # instead of failing with "database is locked" when one upgrades its read lock.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
