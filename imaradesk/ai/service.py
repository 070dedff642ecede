"""What the rest of the app calls: understand a message, translate, summarise, embed, generate.

Each function takes the Database, not a session: it opens short units of work around its reads
and writes only, never while a vendor is answering (SQLite has one pooled writer connection).
The caller must not hold a transaction of its own across these calls on SQLite either.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from imaradesk.ai import calls, classification
from imaradesk.ai.cache import (
    CacheRow,
    cache,
    cache_key,
    decode_classification,
    decode_vector,
    encode_classification,
    encode_vector,
)
from imaradesk.ai.local.language import count_words
from imaradesk.ai.providers.base import Provider
from imaradesk.ai.router import AllProvidersFailed, Routed, Router
from imaradesk.ai.schemas import Classification, Completion, Embeddings, Summary, Task, Translation, Turn, Usage
from imaradesk.ai.settings import WorkspaceAI, workspace_ai
from imaradesk.core.errors import AppError
from imaradesk.db.session import Database

T = TypeVar("T")


class TranslationUnavailable(AppError):
    status_code = 503
    code = "translation_unavailable"
    message = "No configured AI provider can translate right now."


async def understand_message(
    database: Database, workspace_id: uuid.UUID, text: str, *, previous_language: str | None
) -> Classification:
    """Intent, sentiment and language of one inbound message, with the conversation's sticky language."""
    ai = await workspace_ai(database, workspace_id)
    raw = await _classify(database, workspace_id, ai, text)
    language, confidence = classification.sticky_language(
        raw.language, raw.language_confidence, count_words(text), previous_language
    )
    if language == raw.language:
        return raw
    kept = raw.language_source.model_copy(update={"method": "sticky_language"})
    return raw.model_copy(update={"language": language, "language_confidence": confidence, "language_source": kept})


async def _classify(database: Database, workspace_id: uuid.UUID, ai: WorkspaceAI, text: str) -> Classification:
    task = Task.classification
    started = time.perf_counter()
    keys = [
        (p, cache_key(workspace_id, task, p.name, p.model, text, ai.examples_fingerprint))
        for p in ai.router.providers_for(task)
    ]
    for provider, key in keys:
        hit = cache.from_front(key)
        if hit is not None:
            _record_hit(database, workspace_id, task, provider.name, provider.model, started)
            return hit  # type: ignore[no-any-return]
    stored = await cache.load(database, workspace_id, [key for _, key in keys])
    for provider, key in keys:
        if key in stored:
            result = decode_classification(stored[key].value)
            cache.remember(key, result)
            _record_hit(database, workspace_id, task, provider.name, provider.model, started)
            return result
    routed = await _route(database, workspace_id, ai, task, lambda p: p.classify(text))
    result = routed.result
    key = cache_key(workspace_id, task, routed.provider.name, routed.provider.model, text, ai.examples_fingerprint)
    cache.remember(key, result.model_copy(update={"usage": Usage()}))
    row = CacheRow(workspace_id, key, task, routed.provider.name, routed.provider.model, encode_classification(result))
    await calls.record(database, calls.Pending(calls.routed_calls(workspace_id, task, routed, result.usage), [row]))
    return result


async def translate(
    database: Database,
    workspace_id: uuid.UUID,
    text: str,
    *,
    target_language: str,
    source_language: str | None,
) -> Translation:
    ai = await workspace_ai(database, workspace_id)
    try:
        routed = await _route(
            database,
            workspace_id,
            ai,
            Task.translation,
            lambda p: p.translate(text, target_language=target_language, source_language=source_language),
        )
    except AllProvidersFailed as exc:
        if not exc.attempts:
            raise TranslationUnavailable(
                "No AI provider that can translate is configured: the offline provider cannot translate. "
                "Add Gemini, OpenAI, Anthropic or an OpenAI-compatible endpoint in the AI settings."
            ) from exc
        reasons = "; ".join(f"{a.provider}: {a.error.message if a.error else 'cooling down'}" for a in exc.attempts)
        raise TranslationUnavailable(f"Translation failed with every configured provider ({reasons}).") from exc
    await calls.record(
        database, calls.Pending(calls.routed_calls(workspace_id, Task.translation, routed, routed.result.usage))
    )
    return routed.result


async def summarize(database: Database, workspace_id: uuid.UUID, turns: Sequence[Turn]) -> Summary:
    """A ticket title and description for a conversation (the local provider's is extractive)."""
    ai = await workspace_ai(database, workspace_id)
    routed = await _route(database, workspace_id, ai, Task.summarization, lambda p: p.summarize(turns))
    await calls.record(
        database, calls.Pending(calls.routed_calls(workspace_id, Task.summarization, routed, routed.result.usage))
    )
    return routed.result


async def generate(database: Database, workspace_id: uuid.UUID, *, system: str, prompt: str) -> Completion:
    ai = await workspace_ai(database, workspace_id)
    routed = await _route(
        database, workspace_id, ai, Task.generation, lambda p: p.generate(system=system, prompt=prompt)
    )
    await calls.record(
        database, calls.Pending(calls.routed_calls(workspace_id, Task.generation, routed, routed.result.usage))
    )
    return routed.result


async def embed(database: Database, workspace_id: uuid.UUID, texts: Sequence[str]) -> Embeddings:
    """One vector per text, all from one model; served from the cache when one provider has them all."""
    task = Task.embedding
    ai = await workspace_ai(database, workspace_id)
    started = time.perf_counter()
    providers = ai.router.providers_for(task)
    keyed = {p.name: [cache_key(workspace_id, task, p.name, _embedding_model(p), t) for t in texts] for p in providers}
    cached = _embeddings_from_front(keyed)
    if cached is None:
        stored = await cache.load(database, workspace_id, [k for keys in keyed.values() for k in keys])
        for name, keys in keyed.items():
            if keys and all(k in stored for k in keys):
                model = stored[keys[0]].model
                vectors = [decode_vector(stored[k].value) for k in keys]
                for key, vector in zip(keys, vectors, strict=True):
                    cache.remember(key, (model, vector))
                cached = (name, model, vectors)
                break
    if cached is not None:
        name, model, vectors = cached
        _record_hit(database, workspace_id, task, name, model, started)
        return Embeddings(model=model, vectors=np.vstack(vectors).astype(np.float32))
    routed = await _route(database, workspace_id, ai, task, lambda p: p.embed(texts))
    result = routed.result
    rows = []
    for text, vector in zip(texts, result.vectors, strict=True):
        key = cache_key(workspace_id, task, routed.provider.name, _embedding_model(routed.provider), text)
        cache.remember(key, (result.model, vector))
        rows.append(CacheRow(workspace_id, key, task, routed.provider.name, result.model, encode_vector(vector)))
    await calls.record(database, calls.Pending(calls.routed_calls(workspace_id, task, routed, result.usage), rows))
    return result


async def embed_with(database: Database, workspace_id: uuid.UUID, provider: str, texts: Sequence[str]) -> Embeddings:
    """Vectors from this one provider, never from a fallback: a knowledge base must not mix vector spaces.

    Raises AllProvidersFailed when the provider is not configured for embeddings, or fails.
    """
    ai = await workspace_ai(database, workspace_id)
    chosen = [p for p in ai.router.providers_for(Task.embedding) if p.name == provider]
    alone = replace(ai, router=Router(workspace_id, {Task.embedding: chosen}, local=None))
    routed = await _route(database, workspace_id, alone, Task.embedding, lambda p: p.embed(texts))
    await calls.record(
        database, calls.Pending(calls.routed_calls(workspace_id, Task.embedding, routed, routed.result.usage))
    )
    return routed.result


def _embedding_model(provider: Provider) -> str:
    """Names the vector space in the cache key: the cloud provider's embedding model, else its model
    (the local provider's model names its embedder)."""
    name = getattr(provider, "embedding_model_name", None)
    return name if isinstance(name, str) else provider.model


def _embeddings_from_front(keyed: dict[str, list[str]]) -> tuple[str, str, list[npt.NDArray[np.float32]]] | None:
    """(provider, embedding model, vectors) when one provider has every text in the front."""
    for name, keys in keyed.items():
        found: list[tuple[str, npt.NDArray[np.float32]]] = [
            hit for k in keys if (hit := cache.from_front(k)) is not None
        ]
        if keys and len(found) == len(keys) and len({model for model, _ in found}) == 1:
            return name, found[0][0], [vector for _, vector in found]
    return None


async def _route(
    database: Database,
    workspace_id: uuid.UUID,
    ai: WorkspaceAI,
    task: Task,
    call: Callable[[Provider], Awaitable[T]],
) -> Routed[T]:
    """Run the router; when every provider fails, record the failed calls before raising."""
    try:
        return await ai.router.run(task, call)
    except AllProvidersFailed as exc:
        await calls.record(database, calls.Pending(calls.failed_attempts(workspace_id, task, exc.attempts)))
        raise


def _record_hit(
    database: Database, workspace_id: uuid.UUID, task: Task, provider: str, model: str, started: float
) -> None:
    latency = (time.perf_counter() - started) * 1000
    calls.record_soon(
        database, calls.Pending([calls.CallRecord(workspace_id, task, provider, model, calls.CACHE_HIT, latency)])
    )


__all__ = [
    "TranslationUnavailable",
    "embed",
    "embed_with",
    "generate",
    "summarize",
    "translate",
    "understand_message",
]
