"""Classification and embedding cache: hash(workspace, task, provider/model, normalised input) → result.

Two tiers: an in-memory LRU front (a hit costs microseconds, spec §12: under 1 ms) and a table
that survives restarts, bounded by a row cap (least recently used out first) and a TTL. A DB hit
marks the row used in the next write, not at once, so reading never takes SQLite's write lock.
The workspace is part of the key: a workspace's own OpenAI-compatible endpoint must never be able
to answer for another workspace.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.repository import CacheMaintenanceRepository, CacheRepository
from imaradesk.ai.schemas import Classification, Task, Usage
from imaradesk.core import clock
from imaradesk.db.session import Database

_SPACES = re.compile(r"\s+")
# Tasks whose answer does not depend on letter case (an embedding model may tell "US" from "us").
_CASE_INSENSITIVE = frozenset({Task.classification})


def normalise(text: str, task: Task) -> str:
    """NFC, whitespace collapsed and trimmed, case-folded where the task allows."""
    flat = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return flat.casefold() if task in _CASE_INSENSITIVE else flat


def cache_key(workspace_id: uuid.UUID, task: Task, provider: str, model: str, text: str, variant: str = "") -> str:
    parts = (str(workspace_id), task.value, provider, model, variant, normalise(text, task))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def encode_classification(result: Classification) -> bytes:
    return result.model_copy(update={"usage": Usage()}).model_dump_json().encode()


def decode_classification(value: bytes) -> Classification:
    return Classification.model_validate_json(value)


def encode_vector(vector: npt.NDArray[np.float32]) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def decode_vector(value: bytes) -> npt.NDArray[np.float32]:
    return np.frombuffer(value, dtype="<f4").astype(np.float32)


@dataclass(frozen=True)
class CacheRow:
    workspace_id: uuid.UUID
    key: str
    task: Task
    provider: str
    model: str
    value: bytes

    def as_row(self, at: datetime) -> dict[str, Any]:
        return {
            "workspace_id": self.workspace_id,
            "key": self.key,
            "task": self.task.value,
            "provider": self.provider,
            "model": self.model,
            "value": self.value,
            "created_at": at,
            "last_used_at": at,
        }


@dataclass(frozen=True)
class Stored:
    value: bytes
    model: str


@dataclass
class _FrontEntry:
    created_at: datetime
    value: Any


class Cache:
    def __init__(
        self,
        *,
        front_size: int = 20_000,
        max_entries: int = 200_000,
        ttl: timedelta = timedelta(days=30),
        evict_every: int = 1_000,
    ) -> None:
        self.front_size = front_size
        self.max_entries = max_entries
        self.ttl = ttl
        self.evict_every = evict_every
        self._front: OrderedDict[str, _FrontEntry] = OrderedDict()
        self._touched: set[str] = set()
        self._written_since_eviction = 0

    def clear_front(self) -> None:
        self._front.clear()

    def from_front(self, key: str) -> Any | None:
        entry = self._front.get(key)
        if entry is None:
            return None
        if clock.now() - entry.created_at > self.ttl:
            del self._front[key]
            return None
        self._front.move_to_end(key)
        return entry.value

    def remember(self, key: str, value: Any, created_at: datetime | None = None) -> None:
        self._front[key] = _FrontEntry(created_at or clock.now(), value)
        self._front.move_to_end(key)
        while len(self._front) > self.front_size:
            self._front.popitem(last=False)

    async def load(self, database: Database, workspace_id: uuid.UUID, keys: Sequence[str]) -> dict[str, Stored]:
        """Stored values for the keys the front did not have; a short read, never during a vendor call."""
        if not keys:
            return {}
        async with database.unit_of_work() as session:
            rows = await CacheRepository(session, workspace_id).fresh(keys, created_after=clock.now() - self.ttl)
            found = {row.key: Stored(row.value, row.model) for row in rows}
        self._touched.update(found)
        return found

    async def write(self, session: AsyncSession, rows: Sequence[CacheRow]) -> None:
        """Store new entries, mark DB hits as used, and now and then enforce the TTL and the cap."""
        at = clock.now()
        repository = CacheMaintenanceRepository(session)
        await repository.insert_new([row.as_row(at) for row in rows])
        touched, self._touched = list(self._touched), set()
        await repository.touch(touched, at)
        self._written_since_eviction += len(rows)
        if self._written_since_eviction >= self.evict_every:
            self._written_since_eviction = 0
            await repository.delete_created_before(at - self.ttl)
            await repository.evict_least_recently_used(self.max_entries)


cache = Cache()
