"""SQLite's WAL checkpoints, run by a thread of their own instead of inside whichever commit crosses
the threshold.

By default SQLite checkpoints inside the commit that grows the write-ahead log past 1,000 pages:
that commit copies the pages into the database file and syncs it. Our SQLite calls run on the event
loop's thread (sqlite_inline.py), so every such commit stopped all requests for tens of
milliseconds (measured with `imaradesk bench ingest --no-worker` at 1,000 webhooks/s: p99 22 ms
with automatic checkpoints, 6 ms with this thread). The app's own connections therefore switch
automatic checkpoints off (`create_engine(..., checkpoint_in_background=True)`) and this thread
checkpoints every half second through a connection of its own. PASSIVE: it never waits for a
writer or blocks one, and sqlite3 releases the GIL while it copies and syncs. Once a checkpoint has
caught up, the next writer starts the log from the beginning again, so it stays small.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from dataclasses import dataclass

import structlog

logger = structlog.get_logger(__name__)

INTERVAL_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class CheckpointResult:
    busy: bool  # a writer or reader kept part of the log from being copied this time
    log_pages: int
    copied_pages: int


class WalCheckpointer:
    def __init__(self, path: str, interval_seconds: float = INTERVAL_SECONDS) -> None:
        self.path = path
        self.interval_seconds = interval_seconds
        self.runs = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def checkpoint(self) -> CheckpointResult:
        # A short busy timeout: PASSIVE does not wait for writers, only for the brief lock it takes.
        with contextlib.closing(sqlite3.connect(self.path, timeout=1.0)) as connection:
            busy, log_pages, copied_pages = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.runs += 1
        return CheckpointResult(bool(busy), int(log_pages), int(copied_pages))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sqlite-wal-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_seconds):
            try:
                self.checkpoint()
            except sqlite3.Error:
                # The next round tries again; a log that keeps growing is visible on disk.
                logger.exception("sqlite.checkpoint_failed", path=self.path)
