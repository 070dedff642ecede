"""Search a workspace's knowledge base through its in-memory index, refreshed when the KB changed.

Each process keeps one index per workspace. Before a search it reads the workspace's KB version
(one indexed row); when another process (or this one) changed a document since, it loads only
the documents that became ready and drops those that went away, so an upload never reloads the
whole knowledge base and every process answers from the same documents.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.embeddings import Vectors
from imaradesk.core.errors import FieldInvalid
from imaradesk.db.session import database_of, release_before_slow_io
from imaradesk.knowledge import embedding, service
from imaradesk.knowledge.index import AdaptiveIndex
from imaradesk.knowledge.repository import ChunkRepository, DocumentRepository, StateRepository, VectorRepository

MAX_QUERY_CHARS = 2_000
_LOAD_BATCH = 200  # documents per vector query


@dataclass(frozen=True)
class SearchHit:
    chunk_id: uuid.UUID
    document_id: uuid.UUID
    document_name: str
    ordinal: int
    heading: str | None
    page: int | None
    text: str
    score: float


@dataclass
class _LoadedIndex:
    model: str
    dim: int
    version: int = -1
    index: AdaptiveIndex = field(init=False)
    chunk_of_key: dict[int, uuid.UUID] = field(default_factory=dict)
    keys_of_document: dict[uuid.UUID, list[int]] = field(default_factory=dict)
    next_key: int = 0

    def __post_init__(self) -> None:
        self.index = AdaptiveIndex(self.dim)

    def drop(self, document_id: uuid.UUID) -> None:
        keys = self.keys_of_document.pop(document_id, [])
        self.index.remove(keys)
        for key in keys:
            self.chunk_of_key.pop(key, None)

    def take(self, rows: Sequence[tuple[uuid.UUID, uuid.UUID, int, bytes]]) -> None:
        rows = [row for row in rows if row[2] == self.dim]
        if not rows:
            return
        keys = list(range(self.next_key, self.next_key + len(rows)))
        self.next_key += len(rows)
        matrix = np.frombuffer(b"".join(row[3] for row in rows), dtype="<f4").reshape(len(rows), self.dim)
        self.index.add(keys, matrix.astype(np.float32))
        for key, (chunk_id, document_id, _, _) in zip(keys, rows, strict=True):
            self.chunk_of_key[key] = chunk_id
            self.keys_of_document.setdefault(document_id, []).append(key)


_indexes: dict[uuid.UUID, _LoadedIndex] = {}
_locks: dict[uuid.UUID, asyncio.Lock] = {}


def forget_indexes() -> None:
    """Tests: drop every in-memory index, as a restarted process would have none."""
    _indexes.clear()
    _locks.clear()


def check_query(query: str) -> str:
    cleaned = " ".join(query.split())
    if not cleaned:
        raise FieldInvalid("question", "Type a question to search for.")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise FieldInvalid("question", f"A question can be at most {MAX_QUERY_CHARS} characters (got {len(cleaned)}).")
    return cleaned


async def search(
    session: AsyncSession, workspace_id: uuid.UUID, query: str, *, k: int = 5, collection: str | None = None
) -> list[SearchHit]:
    cleaned = check_query(query)
    loaded = await _fresh_index(session, workspace_id)
    if loaded is None or len(loaded.index) == 0:
        return []
    embedder = (await service.state(session, workspace_id)).embedder
    database = database_of(session)
    await release_before_slow_io(session)  # a provider's embedding is a network call
    embedded = await embedding.embed(database, workspace_id, embedder, [cleaned])
    # A document may have become ready (or gone) while the question was embedded: look again, so
    # the index and the chunks read next describe the same knowledge base.
    loaded = await _fresh_index(session, workspace_id)
    if loaded is None or embedded.model != loaded.model:
        return []  # the knowledge base is switching models; the next search reloads the index
    return await _hits(session, workspace_id, loaded, embedded.vectors[0], k, collection)


async def _hits(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    loaded: _LoadedIndex,
    query_vector: Vectors,
    k: int,
    collection: str | None,
) -> list[SearchHit]:
    # A collection filter is applied after the search, so ask for more candidates than needed.
    found = loaded.index.search(query_vector, k * 8 if collection else k)
    chunk_ids = [loaded.chunk_of_key[hit.key] for hit in found if hit.key in loaded.chunk_of_key]
    chunks = await ChunkRepository(session, workspace_id).by_ids(chunk_ids)
    document_ids = list({chunk.document_id for chunk in chunks.values()})
    documents = await DocumentRepository(session, workspace_id).by_ids(document_ids, collection)
    hits: list[SearchHit] = []
    for hit in found:
        chunk = chunks.get(loaded.chunk_of_key.get(hit.key, uuid.UUID(int=0)))
        document = documents.get(chunk.document_id) if chunk is not None else None
        if chunk is None or document is None:
            continue
        hits.append(
            SearchHit(
                chunk_id=chunk.id,
                document_id=document.id,
                document_name=document.filename,
                ordinal=chunk.ordinal,
                heading=chunk.heading,
                page=chunk.page,
                text=chunk.text,
                score=round(hit.score, 4),
            )
        )
    return hits[:k]


async def _fresh_index(session: AsyncSession, workspace_id: uuid.UUID) -> _LoadedIndex | None:
    version = await StateRepository(session, workspace_id).version()
    if version is None:
        return None
    loaded = _indexes.get(workspace_id)
    if loaded is not None and loaded.version == version:
        return loaded
    async with _locks.setdefault(workspace_id, asyncio.Lock()):
        return await _refresh(session, workspace_id, version)


async def _refresh(session: AsyncSession, workspace_id: uuid.UUID, version: int) -> _LoadedIndex:
    state = await service.state(session, workspace_id)
    vectors = VectorRepository(session, workspace_id)
    loaded = _indexes.get(workspace_id)
    if loaded is None or loaded.model != state.active_model:
        dim = await vectors.dim_of(state.active_model)
        loaded = _LoadedIndex(model=state.active_model, dim=dim or embedding.local_embedder().dim)
    if loaded.version == version:
        return loaded
    ready = await DocumentRepository(session, workspace_id).ready_ids()
    for gone in set(loaded.keys_of_document) - ready:
        loaded.drop(gone)
    new = sorted(ready - set(loaded.keys_of_document))
    for start in range(0, len(new), _LOAD_BATCH):
        loaded.take(await vectors.of_documents(loaded.model, new[start : start + _LOAD_BATCH]))
    loaded.version = version
    _indexes[workspace_id] = loaded
    return loaded
