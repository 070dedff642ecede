"""Answer a question from the knowledge base, with citations, or say honestly that it isn't there.

Retrieval first; below `MIN_SCORE` nothing is relevant and the answer is a refusal, never a guess.
With a provider that can generate, the answer is written from the numbered passages only. Offline
the answer is extractive: the sentences of the best passages closest to the question, quoted.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Literal

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import service as ai
from imaradesk.ai.embeddings import embed_async
from imaradesk.ai.router import AllProvidersFailed
from imaradesk.db.session import database_of, release_before_slow_io
from imaradesk.knowledge import embedding
from imaradesk.knowledge.search import SearchHit, search

# Cosine below which a passage is not about the question, for the offline embedder (USE-multilingual):
# on tests/knowledge/shop.py the right passage scored 0.13 to 0.54 and off-topic questions 0.02 to 0.12
# (one outlier, a weather question naming a delivery town, 0.17). See docs/knowledge.md.
MIN_SCORE = 0.13
REFUSAL = "I don't have that information in the knowledge base."
_SENTENCE = re.compile(r"(?<=[.!?。؟])\s+|\s*;\s+")
EXTRACT_SENTENCES = 2
SECOND_SENTENCE_SHARE = 0.75


@dataclass(frozen=True)
class Citation:
    number: int
    document_id: uuid.UUID
    document_name: str
    chunk: int
    page: int | None
    score: float
    passage: str


@dataclass(frozen=True)
class Answer:
    text: str
    mode: Literal["generated", "extractive", "refused"]
    citations: list[Citation]
    provider: str | None = None
    model: str | None = None


async def answer(
    session: AsyncSession, workspace_id: uuid.UUID, question: str, *, k: int = 5, collection: str | None = None
) -> Answer:
    hits = [hit for hit in await search(session, workspace_id, question, k=k, collection=collection)]
    relevant = [hit for hit in hits if hit.score >= MIN_SCORE]
    if not relevant:
        return Answer(text=REFUSAL, mode="refused", citations=[])
    citations = [_citation(number, hit) for number, hit in enumerate(relevant, start=1)]
    database = database_of(session)
    await release_before_slow_io(session)
    try:
        completion = await ai.generate(
            database, workspace_id, system=_SYSTEM, prompt=_prompt(question.strip(), citations)
        )
    except AllProvidersFailed:
        return await _extractive(question, citations)
    text = completion.text.strip()
    if not text or REFUSAL.lower().rstrip(".") in text.lower():
        return Answer(text=REFUSAL, mode="refused", citations=[])
    return Answer(
        text=text,
        mode="generated",
        citations=citations,
        provider=completion.source.provider,
        model=completion.source.model,
    )


def _citation(number: int, hit: SearchHit) -> Citation:
    return Citation(
        number=number,
        document_id=hit.document_id,
        document_name=hit.document_name,
        chunk=hit.ordinal,
        page=hit.page,
        score=hit.score,
        passage=hit.text,
    )


_SYSTEM = (
    "You answer customers' questions for a business using only the numbered passages you are given. "
    "Cite the passages you use like [1] or [2]. Keep the answer short and in the language of the question. "
    f'If the passages do not contain the answer, reply exactly: "{REFUSAL}"'
)


def _prompt(question: str, citations: list[Citation]) -> str:
    passages = "\n\n".join(f"[{c.number}] ({c.document_name}) {c.passage}" for c in citations)
    return f"Passages:\n{passages}\n\nQuestion: {question}"


async def _extractive(question: str, citations: list[Citation]) -> Answer:
    """The sentences of the cited passages closest to the question, quoted with their citation number."""
    candidates = [
        (citation, sentence.strip())
        for citation in citations[:3]
        for sentence in _SENTENCE.split(citation.passage)
        if len(sentence.strip()) > 3
    ]
    vectors = await embed_async(embedding.local_embedder(), [question] + [sentence for _, sentence in candidates])
    scores = vectors[1:] @ vectors[0]
    ranked = np.argsort(-scores)[:EXTRACT_SENTENCES].tolist()
    # A second sentence only when it answers nearly as well as the first (not a neighbour's filler).
    best = sorted(i for i in ranked if i == ranked[0] or scores[i] >= SECOND_SENTENCE_SHARE * scores[ranked[0]])
    used = sorted({candidates[i][0].number for i in best})
    quoted = " ".join(f"“{candidates[i][1]}” [{candidates[i][0].number}]" for i in best)
    return Answer(text=quoted, mode="extractive", citations=[c for c in citations if c.number in used])
