"""Hashed character n-gram vectors: the lexical signal next to the embedding for languages the embedder
barely knows (USE-multilingual v3 has no Swahili, Hausa or Yoruba; words like "pesa" or "kudi" still match).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from imaradesk.ai.embeddings import Vectors, clean_text

NGRAM_DIM = 2**15
NGRAM_SIZES = (3, 4, 5)
_NON_WORD = re.compile(r"[^\w\s]+")


def ngram_centroids(groups: Sequence[Sequence[str]]) -> Vectors:
    """Unit mean n-gram vector of each group, column-major (NGRAM_DIM by groups) for ngram_similarities.

    Built from the sparse rows, so a few thousand example phrases never make a dense phrases-by-32,768 matrix.
    """
    out = np.zeros((NGRAM_DIM, len(groups)), dtype=np.float32)
    for column, texts in enumerate(groups):
        for text in texts:
            indices, values = sparse_ngrams(text)
            out[indices, column] += values
        norm = float(np.linalg.norm(out[:, column]))
        if norm:
            out[:, column] /= norm
    return out


def sparse_ngrams(text: str) -> tuple[npt.NDArray[np.intp], Vectors]:
    """The non-zero entries of the text's unit n-gram vector: scoring a message touches ~100 of 32,768 columns."""
    counts = Counter(zlib.crc32(gram.encode()) % NGRAM_DIM for gram in _ngrams(clean_text(text)))
    indices = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
    values = np.log1p(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    norm = float(np.linalg.norm(values))
    return indices, (values / norm if norm else values).astype(np.float32)


def ngram_similarities(texts: Sequence[str], centroids_by_column: Vectors) -> Vectors:
    """Cosines of each text's n-gram vector with centroids given column-major (shape NGRAM_DIM by k)."""
    out = np.zeros((len(texts), centroids_by_column.shape[1]), dtype=np.float32)
    for row, text in enumerate(texts):
        indices, values = sparse_ngrams(text)
        if len(indices):
            out[row] = values @ centroids_by_column[indices]
    return out


def _ngrams(text: str) -> list[str]:
    # Diacritics are dropped: Yoruba and Hausa are often typed without them on phones.
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    grams: list[str] = []
    for word in _NON_WORD.sub(" ", folded).split():
        padded = f" {word} "
        for size in NGRAM_SIZES:
            grams.extend(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return grams
