"""Which model embeds a workspace's knowledge base, and embedding with it.

The offline embedder is the default. A workspace may switch to an AI provider's embeddings; the
vectors then come from that provider only, never from a fallback, because vectors of two models
cannot be compared (a search would silently return nonsense).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from imaradesk.ai import service as ai
from imaradesk.ai.embeddings import Embedder, default_embedder, embed_async
from imaradesk.ai.router import AllProvidersFailed
from imaradesk.ai.schemas import Embeddings
from imaradesk.core.errors import AppError
from imaradesk.db.session import Database

LOCAL = "local"
# Anthropic has no embeddings API; every other provider kind can embed.
EMBEDDING_PROVIDERS = ("gemini", "openai", "openai_compatible")

_embedder_override: Embedder | None = None


class EmbedderUnavailable(AppError):
    status_code = 503
    code = "embedder_unavailable"
    keeps_changes = True  # a re-embedding job records why it is waiting before it retries


def install_embedder(embedder: Embedder | None) -> None:
    """Tests of plumbing swap in a tiny deterministic embedder; None restores the offline model."""
    global _embedder_override
    _embedder_override = embedder


def local_embedder() -> Embedder:
    return _embedder_override or default_embedder()


async def embed(database: Database, workspace_id: uuid.UUID, embedder: str, texts: Sequence[str]) -> Embeddings:
    if embedder == LOCAL:
        model = local_embedder()
        return Embeddings(model=model.model, vectors=await embed_async(model, texts))
    try:
        return await ai.embed_with(database, workspace_id, embedder, texts)
    except AllProvidersFailed as exc:
        raise EmbedderUnavailable(
            f"The knowledge base embeds with {embedder}, which could not answer: {exc.message}"
        ) from exc
