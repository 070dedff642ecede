"""Extractive ticket summary: the customer's own most central sentences, quoted, never rewritten.

Centrality is the cosine of each customer sentence to the centroid of all customer sentences, so the
sentence that shares the most with everything else the customer said becomes the title. Greetings
and one-word acknowledgements are skipped; they are never what a ticket is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from imaradesk.ai.embeddings import Embedder, clean_text
from imaradesk.ai.schemas import Turn

TITLE_MAX = 120
DESCRIPTION_SENTENCES = 3
# Only the latest customer sentences count: what the ticket is about now, with a bounded cost.
MAX_SENTENCES = 200
MIN_WORDS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+|\n+")


@dataclass(frozen=True)
class ExtractiveSummary:
    title: str
    description: str


def summarize_turns(turns: Sequence[Turn], embedder: Embedder) -> ExtractiveSummary:
    sentences = customer_sentences(turns)
    if not sentences:
        return ExtractiveSummary("Conversation without customer text", "The customer sent no text to summarise.")
    ranked = rank_by_centrality(sentences, embedder)
    chosen = sorted(ranked[:DESCRIPTION_SENTENCES])  # back into conversation order
    description = "Customer wrote:\n" + "\n".join(f"“{sentences[i]}”" for i in chosen)
    return ExtractiveSummary(shorten(sentences[ranked[0]], TITLE_MAX), description)


def customer_sentences(turns: Sequence[Turn]) -> list[str]:
    sentences = [
        sentence.strip()
        for turn in turns
        if turn.role == "customer"
        for sentence in _SENTENCE_END.split(clean_text(turn.text))
        if sentence.strip()
    ]
    substantive = [s for s in sentences if len(s.split()) >= MIN_WORDS]
    return (substantive or sentences)[-MAX_SENTENCES:]


def rank_by_centrality(sentences: Sequence[str], embedder: Embedder) -> list[int]:
    """Indices of `sentences`, most central first; ties keep conversation order."""
    if len(sentences) <= 2:
        return list(range(len(sentences)))
    vectors = embedder.embed(sentences)
    centroid = vectors.mean(axis=0)
    similarity = vectors @ (centroid / max(float(np.linalg.norm(centroid)), 1e-12))
    return sorted(range(len(sentences)), key=lambda i: (-float(similarity[i]), i))


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"
