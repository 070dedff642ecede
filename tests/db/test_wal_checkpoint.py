"""The embedded app's SQLite log is checkpointed by a thread, not inside a request's commit."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from sqlalchemy import text

from imaradesk.config import Settings
from imaradesk.db.engine import create_engine, sqlite_file
from imaradesk.db.session import Database
from imaradesk.db.wal_checkpoint import WalCheckpointer
from tests.conftest import make_settings

ROW = "x" * 4000  # about one page per row


def _settings(tmp_path: Path) -> tuple[Settings, Path]:
    path = tmp_path / "app.db"
    return make_settings(f"sqlite+aiosqlite:///{path}", tmp_path / "data"), path


async def _write_pages(database: Database, pages: int) -> None:
    for _ in range(pages // 100):
        async with database.unit_of_work() as session:
            for _ in range(100):
                await session.execute(text("INSERT INTO filler (body) VALUES (:body)"), {"body": ROW})


async def _open(tmp_path: Path, *, in_background: bool) -> tuple[Database, Path]:
    settings, path = _settings(tmp_path)
    database = Database(create_engine(settings, checkpoint_in_background=in_background))
    async with database.unit_of_work() as session:
        await session.execute(text("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"))
    return database, path


def _wal_pages(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


async def test_commits_leave_the_checkpoint_to_the_thread(tmp_path: Path) -> None:
    database, path = await _open(tmp_path, in_background=True)
    try:
        assert sqlite_file(database.engine) == str(path)
        await _write_pages(database, 1500)
        # Past SQLite's 1,000-page threshold no commit copied the log into the database file.
        assert _wal_pages(path) >= 1500
        result = WalCheckpointer(str(path)).checkpoint()
        assert not result.busy and result.copied_pages == result.log_pages >= 1500
    finally:
        await database.dispose()


async def test_without_it_a_commit_checkpoints_once_the_log_is_long(tmp_path: Path) -> None:
    database, path = await _open(tmp_path, in_background=False)
    try:
        await _write_pages(database, 1500)
        assert _wal_pages(path) < 1200  # a commit past 1,000 pages copied the log and it started over
    finally:
        await database.dispose()


async def test_the_thread_keeps_the_log_short_while_writes_go_on(tmp_path: Path) -> None:
    database, path = await _open(tmp_path, in_background=True)
    checkpointer = WalCheckpointer(str(path), interval_seconds=0.02)
    checkpointer.start()
    try:
        for _ in range(6):
            await _write_pages(database, 500)
            started = time.monotonic()
            runs = checkpointer.runs
            while checkpointer.runs < runs + 2 and time.monotonic() - started < 5:
                await asyncio.sleep(0.01)
        # 3,000 pages written; the log restarts after each checkpoint that caught up.
        assert _wal_pages(path) < 1500
    finally:
        checkpointer.stop()
        await database.dispose()
    assert checkpointer.runs > 0
