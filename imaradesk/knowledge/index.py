"""Top-k cosine search over a workspace's chunk vectors, behind one interface.

Vectors are unit length, so cosine is a dot product. Small knowledge bases are searched exactly
with one numpy matrix-vector product (about 1 ms per 10,000 chunks on 2 cores). Past
`HNSW_THRESHOLD` vectors an exact scan would outgrow the 10 ms budget (spec §12: 12.6 ms for
100,000 by 512 float32 here), so the index switches to an HNSW graph (usearch, half-precision) whose
recall against exact search is measured by `imaradesk bench kb`. Both kinds take additions and
removals incrementally, so a document upload never rebuilds the whole index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from usearch.index import Index

Vectors = npt.NDArray[np.float32]

HNSW_THRESHOLD = 20_000
# Graph parameters: connectivity 16 keeps memory near 70 bytes of links per vector; a search
# expansion of 256 gave recall@5 ≥ 0.95 on the benchmark's clustered data at a few milliseconds.
HNSW_CONNECTIVITY = 16
HNSW_EXPANSION_ADD = 128
HNSW_EXPANSION_SEARCH = 256


@dataclass(frozen=True)
class Hit:
    key: int
    score: float


class VectorIndex(Protocol):
    dim: int

    def __len__(self) -> int: ...

    def add(self, keys: Sequence[int], vectors: Vectors) -> None: ...

    def remove(self, keys: Sequence[int]) -> None: ...

    def search(self, query: Vectors, k: int) -> list[Hit]: ...


class ExactIndex:
    """A dense matrix; removed rows are swapped out so the scan stays contiguous."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._matrix = np.zeros((0, dim), dtype=np.float32)
        self._keys = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, keys: Sequence[int], vectors: Vectors) -> None:
        _check_shape(vectors, len(keys), self.dim)
        self._matrix = np.vstack([self._matrix, vectors.astype(np.float32, copy=False)])
        self._keys = np.concatenate([self._keys, np.asarray(keys, dtype=np.int64)])

    def remove(self, keys: Sequence[int]) -> None:
        keep = ~np.isin(self._keys, np.asarray(keys, dtype=np.int64))
        self._matrix, self._keys = self._matrix[keep], self._keys[keep]

    def search(self, query: Vectors, k: int) -> list[Hit]:
        if len(self._keys) == 0 or k <= 0:
            return []
        scores = self._matrix @ query.astype(np.float32, copy=False)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [Hit(int(self._keys[i]), float(scores[i])) for i in top]

    def vectors(self) -> tuple[npt.NDArray[np.int64], Vectors]:
        return self._keys, self._matrix


class HnswIndex:
    """usearch HNSW over inner product (the vectors are unit length) in half precision."""

    def __init__(self, dim: int, *, expansion_search: int = HNSW_EXPANSION_SEARCH) -> None:
        self.dim = dim
        self._index = Index(
            ndim=dim,
            metric="ip",
            dtype="f16",
            connectivity=HNSW_CONNECTIVITY,
            expansion_add=HNSW_EXPANSION_ADD,
            expansion_search=expansion_search,
        )

    def __len__(self) -> int:
        return len(self._index)

    def add(self, keys: Sequence[int], vectors: Vectors) -> None:
        _check_shape(vectors, len(keys), self.dim)
        if len(keys):
            self._index.add(np.asarray(keys, dtype=np.uint64), vectors.astype(np.float32, copy=False), threads=2)

    def remove(self, keys: Sequence[int]) -> None:
        if len(keys):
            self._index.remove(np.asarray(keys, dtype=np.uint64))

    def search(self, query: Vectors, k: int) -> list[Hit]:
        if len(self._index) == 0 or k <= 0:
            return []
        matches = self._index.search(query.astype(np.float32, copy=False), k)
        # usearch reports inner-product *distance* (1 - dot); turn it back into a cosine score.
        pairs = zip(matches.keys, matches.distances, strict=True)
        return [Hit(int(key), 1.0 - float(distance)) for key, distance in pairs]


class AdaptiveIndex:
    """Exact while small; moves itself onto an HNSW graph once it passes `threshold` vectors."""

    def __init__(self, dim: int, *, threshold: int = HNSW_THRESHOLD) -> None:
        self.dim = dim
        self.threshold = threshold
        self._exact: ExactIndex | None = ExactIndex(dim)
        self._graph: HnswIndex | None = None

    @property
    def kind(self) -> str:
        return "exact" if self._exact is not None else "hnsw"

    def __len__(self) -> int:
        return len(self._active)

    @property
    def _active(self) -> VectorIndex:
        return self._exact if self._exact is not None else self._graph  # type: ignore[return-value]

    def add(self, keys: Sequence[int], vectors: Vectors) -> None:
        self._active.add(keys, vectors)
        if self._exact is not None and len(self._exact) > self.threshold:
            graph = HnswIndex(self.dim)
            graph.add(*self._exact.vectors())  # type: ignore[arg-type]
            self._exact, self._graph = None, graph

    def remove(self, keys: Sequence[int]) -> None:
        self._active.remove(keys)

    def search(self, query: Vectors, k: int) -> list[Hit]:
        return self._active.search(query, k)


def _check_shape(vectors: Vectors, rows: int, dim: int) -> None:
    if vectors.ndim != 2 or vectors.shape != (rows, dim):
        raise ValueError(f"expected {rows} vectors of dimension {dim}, got shape {vectors.shape}")
