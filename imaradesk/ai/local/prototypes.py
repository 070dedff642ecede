"""Nearest-centroid scoring shared by intents and sentiment: one centroid per (label, language) group,
scored by embedding cosine plus a weighted character n-gram cosine."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Generic, TypeVar

import numpy as np

from imaradesk.ai.embeddings import Embedder, Vectors, unit_rows
from imaradesk.ai.local.char_ngrams import ngram_centroids, ngram_similarities

# Weight of the character n-gram cosine next to the embedding cosine; the sum is scaled back to [-1, 1].
NGRAM_WEIGHT = 0.6

L = TypeVar("L", bound=str)


class Prototypes(Generic[L]):
    """Centroids of example groups; several groups may share a label (one per language)."""

    def __init__(self, embedder: Embedder, groups: Sequence[tuple[L, Sequence[str]]]) -> None:
        groups = [(label, [p for p in phrases if p.strip()]) for label, phrases in groups]
        groups = [(label, phrases) for label, phrases in groups if phrases]
        if not groups:
            raise ValueError("no example phrases")
        self.group_labels: list[L] = [label for label, _ in groups]
        self.labels: list[L] = list(dict.fromkeys(self.group_labels))
        flat = [phrase for _, phrases in groups for phrase in phrases]
        sizes = [len(phrases) for _, phrases in groups]
        self.centroids = _centroids(embedder.embed(flat), sizes)
        self.ngram_centroids = ngram_centroids([phrases for _, phrases in groups])
        self._label_index = np.array([self.labels.index(label) for label in self.group_labels])

    def label_scores(self, texts: Sequence[str], vectors: Vectors) -> Vectors:
        """Shape (len(texts), len(self.labels)): each label's best group similarity, in [-1, 1]."""
        grams = ngram_similarities(texts, self.ngram_centroids)
        combined = (vectors @ self.centroids.T + NGRAM_WEIGHT * grams) / (1.0 + NGRAM_WEIGHT)
        out = np.full((len(texts), len(self.labels)), -1.0, dtype=np.float32)
        for group, label in enumerate(self._label_index):
            np.maximum(out[:, label], combined[:, group], out=out[:, label])
        return out


def _centroids(vectors: Vectors, sizes: Sequence[int]) -> Vectors:
    bounds = np.cumsum([0, *sizes])
    means = np.stack([vectors[start:end].mean(axis=0) for start, end in itertools.pairwise(bounds)])
    return unit_rows(means)


def softmax(values: Sequence[float], temperature: float) -> Vectors:
    array = np.asarray(values, dtype=np.float64)
    weights = np.exp((array - array.max()) / temperature)
    normalised: Vectors = (weights / weights.sum()).astype(np.float32)
    return normalised
