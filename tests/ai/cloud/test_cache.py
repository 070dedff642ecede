"""The cache's key, bounds and TTL (the end-to-end "no model call on a repeat" tests are in test_service.py)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.cache import Cache, CacheRow, cache_key, decode_vector, encode_vector, normalise
from imaradesk.ai.models import AICacheEntry
from imaradesk.ai.schemas import Task
from imaradesk.core import clock
from imaradesk.db.session import Database
from tests.factories.workspaces import make_workspace


def test_normalisation_is_nfc_collapsed_and_case_folded_where_allowed() -> None:
    decomposed = "Cafe\u0301   ITEM\n"
    assert normalise(decomposed, Task.classification) == "café item"
    assert normalise(decomposed, Task.embedding) == "Café ITEM"


def test_the_key_depends_on_workspace_task_model_and_input() -> None:
    ws = uuid.uuid4()
    base = cache_key(ws, Task.classification, "openai", "gpt-4o", "Hello  there")
    assert base == cache_key(ws, Task.classification, "openai", "gpt-4o", "hello there")
    assert base != cache_key(uuid.uuid4(), Task.classification, "openai", "gpt-4o", "hello there")
    assert base != cache_key(ws, Task.classification, "openai", "gpt-4o-mini", "hello there")
    assert base != cache_key(ws, Task.classification, "gemini", "gpt-4o", "hello there")
    assert base != cache_key(ws, Task.classification, "openai", "gpt-4o", "hello there", "examples-v2")
    assert len(base) == 64


def test_vectors_round_trip_as_float32_bytes() -> None:
    vector = np.array([0.25, -0.5, 0.125], dtype=np.float32)
    assert len(encode_vector(vector)) == 12
    assert np.array_equal(decode_vector(encode_vector(vector)), vector)


def test_the_front_is_a_bounded_lru_with_a_ttl() -> None:
    front = Cache(front_size=2, ttl=timedelta(hours=1))
    front.remember("a", 1)
    front.remember("b", 2)
    assert front.from_front("a") == 1
    front.remember("c", 3)
    assert front.from_front("b") is None, "least recently used went first"
    assert (front.from_front("a"), front.from_front("c")) == (1, 3)
    clock.advance(timedelta(hours=2))
    assert front.from_front("a") is None


async def _rows(workspace_id: uuid.UUID, count: int, start: int = 0) -> list[CacheRow]:
    return [
        CacheRow(workspace_id, f"{i:064d}", Task.embedding, "openai", "m", encode_vector(np.ones(2, np.float32)))
        for i in range(start, start + count)
    ]


async def test_the_table_is_capped_least_recently_used_first(session: AsyncSession, database: Database) -> None:
    owner = await make_workspace(session)
    bounded = Cache(max_entries=5, evict_every=1)
    async with database.unit_of_work() as uow:
        await bounded.write(uow, await _rows(owner.workspace_id, 5))
    clock.advance(timedelta(minutes=1))
    loaded = await bounded.load(database, owner.workspace_id, [f"{0:064d}"])
    assert list(loaded) == [f"{0:064d}"]
    clock.advance(timedelta(minutes=1))
    async with database.unit_of_work() as uow:
        await bounded.write(uow, await _rows(owner.workspace_id, 2, start=5))
    keys = set((await session.scalars(select(AICacheEntry.key))).all())
    assert len(keys) == 5
    assert f"{0:064d}" in keys, "a row read from the table counts as used"
    assert {f"{1:064d}", f"{2:064d}"}.isdisjoint(keys)


async def test_expired_rows_are_neither_served_nor_kept(session: AsyncSession, database: Database) -> None:
    owner = await make_workspace(session)
    ttl_cache = Cache(ttl=timedelta(days=1), evict_every=1)
    async with database.unit_of_work() as uow:
        await ttl_cache.write(uow, await _rows(owner.workspace_id, 3))
    clock.advance(timedelta(days=2))
    assert await ttl_cache.load(database, owner.workspace_id, [f"{0:064d}"]) == {}
    async with database.unit_of_work() as uow:
        await ttl_cache.write(uow, await _rows(owner.workspace_id, 1, start=10))
    assert await session.scalar(select(func.count()).select_from(AICacheEntry)) == 1
