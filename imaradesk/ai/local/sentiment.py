"""Sentiment in [-1, 1]: VADER for English, embedding anchors for every other language, emoji on top.

VADER is English only (dependencies.md §2: French, Spanish and Swahili complaints all score 0) and
misses complaints without emotional words ("still not delivered"), so for English its compound is
averaged with the anchor score; the method is recorded with the label.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from imaradesk.ai.embeddings import Embedder, Vectors
from imaradesk.ai.local.prototypes import Prototypes, softmax
from imaradesk.ai.local.sentiment_anchors import EMOJI_POLARITY, SENTIMENT_ANCHORS, SentimentClass

# Softmax temperature over the three anchor similarities; the signed score is P(positive) - P(negative).
TEMPERATURE = 0.05
# How much of the English score comes from VADER (the rest from the anchors).
VADER_WEIGHT = 0.5
# How much the emoji polarity pulls a text score towards itself.
EMOJI_WEIGHT = 0.5
# Sentiment classes are cut here (spec §7 uses -0.25 for a negative streak).
CLASS_CUT = 0.25


@dataclass(frozen=True)
class SentimentScore:
    score: float
    method: str  # "vader", "anchors", "vader+anchors", "emoji", with "+emoji" when emoji moved the score


def sentiment_class(score: float) -> SentimentClass:
    if score <= -CLASS_CUT:
        return "negative"
    if score >= CLASS_CUT:
        return "positive"
    return "neutral"


def emoji_polarity(text: str) -> float | None:
    """Mean polarity of the known emoji in the text, or None when there are none."""
    found = [value for emoji, value in EMOJI_POLARITY.items() if len(emoji) == 1 for _ in range(text.count(emoji))]
    return sum(found) / len(found) if found else None


class SentimentScorer:
    def __init__(self, embedder: Embedder) -> None:
        groups = [
            (label, phrases) for label, by_language in SENTIMENT_ANCHORS.items() for phrases in by_language.values()
        ]
        self.prototypes: Prototypes[SentimentClass] = Prototypes(embedder, groups)
        self._vader: Any = None
        self._lock = threading.Lock()

    def score(self, texts: Sequence[str], vectors: Vectors, languages: Sequence[str | None]) -> list[SentimentScore]:
        matrix = self.prototypes.label_scores(texts, vectors)
        index = {label: i for i, label in enumerate(self.prototypes.labels)}
        results = []
        for text, row, language in zip(texts, matrix.tolist(), languages, strict=True):
            probabilities = softmax(row, TEMPERATURE)
            anchor = float(probabilities[index["positive"]] - probabilities[index["negative"]])
            results.append(self._combine(text, anchor, language))
        return results

    def _combine(self, text: str, anchor: float, language: str | None) -> SentimentScore:
        emoji = emoji_polarity(text)
        if language is None:  # no letters: emoji (or nothing) is all there is
            return SentimentScore(_clip(emoji or 0.0), "emoji")
        if language == "en":
            score, method = VADER_WEIGHT * self.vader(text) + (1 - VADER_WEIGHT) * anchor, "vader+anchors"
        else:
            score, method = anchor, "anchors"
        if emoji is not None:
            score, method = (1 - EMOJI_WEIGHT) * score + EMOJI_WEIGHT * emoji, f"{method}+emoji"
        return SentimentScore(_clip(score), method)

    def vader(self, text: str) -> float:
        if self._vader is None:
            with self._lock:
                if self._vader is None:
                    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

                    self._vader = SentimentIntensityAnalyzer()
        return float(self._vader.polarity_scores(text)["compound"])


def _clip(value: float) -> float:
    return max(-1.0, min(1.0, value))
