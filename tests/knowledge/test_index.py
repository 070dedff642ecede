"""The vector index: exact while small, HNSW past the threshold, additions and removals incremental."""

from __future__ import annotations

import numpy as np
import pytest

from imaradesk.knowledge.index import AdaptiveIndex, ExactIndex, HnswIndex


def unit(rows: np.ndarray) -> np.ndarray:
    normalised: np.ndarray = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    return normalised


@pytest.fixture
def data() -> np.ndarray:
    rng = np.random.default_rng(7)
    centres = rng.standard_normal((50, 64))
    return unit(centres[rng.integers(0, 50, 3_000)] + 0.3 * rng.standard_normal((3_000, 64)))


def test_exact_search_ranks_by_cosine(data: np.ndarray) -> None:
    index = ExactIndex(64)
    index.add(list(range(len(data))), data)
    hits = index.search(data[42], 3)
    assert hits[0].key == 42
    assert hits[0].score == pytest.approx(1.0, abs=1e-5)
    assert hits[0].score >= hits[1].score >= hits[2].score


def test_removed_vectors_are_never_found_again(data: np.ndarray) -> None:
    for index in (ExactIndex(64), HnswIndex(64)):
        index.add(list(range(len(data))), data)
        index.remove([42])
        assert 42 not in [hit.key for hit in index.search(data[42], 5)]
        assert len(index) == len(data) - 1


def test_hnsw_agrees_with_exact_search(data: np.ndarray) -> None:
    exact, graph = ExactIndex(64), HnswIndex(64)
    keys = list(range(len(data)))
    exact.add(keys, data)
    graph.add(keys, data)
    queries = unit(data[:100] + 0.05 * np.random.default_rng(1).standard_normal((100, 64)))
    found = sum(len({h.key for h in graph.search(q, 5)} & {h.key for h in exact.search(q, 5)}) for q in queries)
    assert found / 500 >= 0.95
    top = graph.search(queries[0], 1)[0]
    assert top.score == pytest.approx(float(data[top.key] @ queries[0]), abs=5e-3)


def test_adaptive_index_switches_to_a_graph_past_its_threshold(data: np.ndarray) -> None:
    index = AdaptiveIndex(64, threshold=1_000)
    index.add(list(range(800)), data[:800])
    assert index.kind == "exact"
    index.add(list(range(800, 3_000)), data[800:])
    assert index.kind == "hnsw"
    assert len(index) == 3_000
    assert index.search(data[2_500], 1)[0].key == 2_500


def test_wrong_dimensions_are_refused(data: np.ndarray) -> None:
    with pytest.raises(ValueError, match="dimension 32"):
        ExactIndex(32).add([1, 2], data[:2])
    with pytest.raises(ValueError, match="expected 3 vectors"):
        HnswIndex(64).add([1, 2, 3], data[:2])


def test_an_empty_index_finds_nothing() -> None:
    assert ExactIndex(8).search(np.ones(8, dtype=np.float32), 5) == []
    assert HnswIndex(8).search(np.ones(8, dtype=np.float32), 5) == []
