"""Hashed character n-gram vectors: the lexical signal next to the embedding for languages the embedder
barely knows (USE-multilingual v3 has no Swahili, Hausa or Yoruba; words like "pesa" or "kudi" still match).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np

from imaradesk.ai.embeddings import Vectors, unit_rows

NGRAM_DIM = 2**15
NGRAM_SIZES = (3, 4, 5)
_NON_WORD = re.compile(r"[^\w\s]+")


def ngram_vectors(texts: Sequence[str]) -> Vectors:
    """One unit row per text: log counts of hashed 3-5 character n-grams of each word (with boundary marks)."""
    matrix = np.zeros((len(texts), NGRAM_DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for gram in _ngrams(text):
            matrix[row, zlib.crc32(gram.encode()) % NGRAM_DIM] += 1.0
    return unit_rows(np.log1p(matrix))


def _ngrams(text: str) -> list[str]:
    # Diacritics are dropped: Yoruba and Hausa are often typed without them on phones.
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    grams: list[str] = []
    for word in _NON_WORD.sub(" ", folded).split():
        padded = f" {word} "
        for size in NGRAM_SIZES:
            grams.extend(padded[i : i + size] for i in range(max(1, len(padded) - size + 1)))
    return grams
