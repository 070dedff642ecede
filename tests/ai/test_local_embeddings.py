"""The embedders: the real USE-multilingual model and the hash stand-in for plumbing tests."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from imaradesk.ai.embeddings import EMBED_BATCH, Embedder, HashEmbedder, UsemEmbedder, default_embedder, embed_async


def test_default_embedder_is_one_per_process() -> None:
    assert default_embedder() is default_embedder()
    assert isinstance(default_embedder(), Embedder)


def test_first_use_from_many_threads_loads_once_and_agrees() -> None:
    embedder = UsemEmbedder()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: embedder.embed(["Habari yako"]), range(4)))
    assert all(np.allclose(result, results[0], atol=1e-6) for result in results)


def test_batches_larger_than_one_model_call_keep_their_order() -> None:
    embedder = default_embedder()
    texts = [f"message number {i}" for i in range(EMBED_BATCH + 5)]
    batched = embedder.embed(texts)
    assert batched.shape == (len(texts), 512)
    assert np.allclose(batched[-1], embedder.embed([texts[-1]])[0], atol=1e-5)


def test_empty_text_still_gets_a_row() -> None:
    vectors = default_embedder().embed(["", "hello"])
    assert vectors.shape == (2, 512)
    assert np.isfinite(vectors).all()


async def test_embed_async_runs_off_the_event_loop() -> None:
    vectors = await embed_async(default_embedder(), ["one", "two"])
    assert vectors.shape == (2, 512)
    await asyncio.sleep(0)


def test_hash_embedder_is_deterministic_unit_length_and_lexical() -> None:
    embedder = HashEmbedder(dim=64)
    first, again = embedder.embed(["refund my order", "refund my order"])
    assert np.allclose(first, again)
    assert np.isclose(np.linalg.norm(first), 1.0)
    near, far = embedder.embed(["refund my orders", "good morning friends"])
    assert first @ near > first @ far
    assert embedder.embed([""]).shape == (1, 64)
