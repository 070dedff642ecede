"""Switching the knowledge base to another embedding model in the background, without a gap.

Searches keep using the active model's vectors while the new model's vectors are written batch
by batch (one job each, so progress survives a restart). When no ready chunk lacks a new vector,
the same transaction switches the active model and drops the old vectors.
"""

from __future__ import annotations

import uuid

import numpy as np
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import settings as ai_settings
from imaradesk.core.errors import Conflict, FieldInvalid
from imaradesk.db.session import database_of, release_before_slow_io
from imaradesk.jobs import publish
from imaradesk.knowledge import embedding, service
from imaradesk.knowledge.events import ReembeddingRequested
from imaradesk.knowledge.models import ChunkVector, KnowledgeState
from imaradesk.knowledge.repository import ChunkRepository, StateRepository, VectorRepository

log = structlog.get_logger(__name__)

BATCH = 64
_NO_MODEL_YET = ""  # before the first batch, no chunk has a vector of the (unknown) target model


async def choices(session: AsyncSession, workspace_id: uuid.UUID) -> list[str]:
    """The offline embedder and every configured provider that has an embeddings API."""
    configured = {provider.kind.value for provider in await ai_settings.list_providers(session, workspace_id)}
    return [embedding.LOCAL, *[name for name in embedding.EMBEDDING_PROVIDERS if name in configured]]


async def start(session: AsyncSession, workspace_id: uuid.UUID, embedder: str) -> KnowledgeState:
    state = await service.state(session, workspace_id)
    if embedder not in await choices(session, workspace_id):
        raise FieldInvalid(
            "embedder", f"{embedder} cannot embed: choose the offline model or a configured provider with embeddings."
        )
    if state.target_embedder is not None:
        raise Conflict(f"The knowledge base is already being re-embedded with {state.target_embedder}.")
    if embedder == state.embedder:
        raise Conflict(f"The knowledge base already uses {embedder}.")
    state.target_embedder = embedder
    state.target_model = None
    state.reembed_done = 0
    state.reembed_total = await ChunkRepository(session, workspace_id).count_ready()
    state.reembed_error = None
    await publish(session, ReembeddingRequested(workspace_id=workspace_id))
    return state


async def step(session: AsyncSession, workspace_id: uuid.UUID) -> None:
    """Embed one batch with the target model, then queue the next batch or switch over."""
    state = await service.state(session, workspace_id)
    if state.target_embedder is None:
        return
    embedder, target_model = state.target_embedder, state.target_model or _NO_MODEL_YET
    chunks = await ChunkRepository(session, workspace_id).texts_without_vector(target_model, BATCH)
    if not chunks:
        if state.target_model is None:  # nothing to embed: ask the model its name, outside the transaction
            database = database_of(session)
            await release_before_slow_io(session)
            probe = await embedding.embed(database, workspace_id, embedder, ["name"])
            state = await service.state(session, workspace_id)
            state.target_model = probe.model
        await _switch(session, workspace_id, state)
        return
    work = [(chunk.id, chunk.document_id, chunk.text) for chunk in chunks]
    database = database_of(session)
    await release_before_slow_io(session)
    try:
        embedded = await embedding.embed(database, workspace_id, embedder, [text for _, _, text in work])
    except embedding.EmbedderUnavailable as exc:
        await _record_error(session, workspace_id, exc.message)
        raise  # the job retries with backoff; searches keep using the old vectors meanwhile
    state = await service.state(session, workspace_id)
    if state.target_embedder != embedder:
        return  # cancelled or restarted meanwhile
    vectors = VectorRepository(session, workspace_id)
    for (chunk_id, document_id, _), vector in zip(work, embedded.vectors, strict=True):
        vectors.add(
            ChunkVector(
                chunk_id=chunk_id,
                model=embedded.model,
                document_id=document_id,
                dim=int(vector.shape[0]),
                vector=np.asarray(vector, dtype="<f4").tobytes(),
            )
        )
    state.target_model = embedded.model
    state.reembed_done += len(work)
    state.reembed_total = max(state.reembed_total, state.reembed_done)
    state.reembed_error = None
    await publish(session, ReembeddingRequested(workspace_id=workspace_id))


async def _switch(session: AsyncSession, workspace_id: uuid.UUID, state: KnowledgeState) -> None:
    old_model, new_model = state.active_model, state.target_model or state.active_model
    state.embedder, state.active_model = state.target_embedder or state.embedder, new_model
    state.target_embedder = state.target_model = None
    state.reembed_error = None
    if new_model != old_model:
        await VectorRepository(session, workspace_id).drop_model(old_model)
    await StateRepository(session, workspace_id).bump()
    log.info("knowledge.reembedded", workspace_id=str(workspace_id), model=new_model, chunks=state.reembed_done)


async def _record_error(session: AsyncSession, workspace_id: uuid.UUID, message: str) -> None:
    state = await service.state(session, workspace_id)
    state.reembed_error = message
    await session.flush()
