"""Intent by nearest centroid over example phrases (prototypes.py), with an "other" floor and a small
keyword boost. Classifiers are cached by a hash of (embedder model, examples): a workspace that edits
its examples gets new centroids once, and every other workspace shares the defaults.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from imaradesk.ai.embeddings import Embedder, Vectors
from imaradesk.ai.local.intent_examples import DEFAULT_INTENT_EXAMPLES
from imaradesk.ai.local.intent_keywords import INTENT_KEYWORDS
from imaradesk.ai.local.language import default_detector
from imaradesk.ai.local.prototypes import Prototypes, softmax
from imaradesk.ai.schemas import INTENTS, Intent

# Below this similarity nothing is close enough and the message is "other" (out-of-domain chatter).
OTHER_THRESHOLD = 0.25
KEYWORD_BOOST = 0.08
# Softmax temperature turning the nine scores into a confidence; similarities differ by hundredths.
TEMPERATURE = 0.04
CACHE_SIZE = 64

# Per-workspace overrides may be flat lists (the UI edits one list per intent) or grouped by language.
IntentExamples = Mapping[Intent, Sequence[str] | Mapping[str, Sequence[str]]]


@dataclass(frozen=True)
class IntentPrediction:
    intent: Intent
    confidence: float
    scores: dict[Intent, float]


class IntentClassifier:
    def __init__(self, embedder: Embedder, examples: IntentExamples) -> None:
        self.embedder = embedder
        self.prototypes: Prototypes[Intent] = Prototypes(embedder, _group_by_language(examples))

    def predict(self, texts: Sequence[str]) -> list[IntentPrediction]:
        """Blocking (it embeds): call from a worker thread."""
        return self.predict_embedded(texts, self.embedder.embed(texts))

    def predict_embedded(self, texts: Sequence[str], vectors: Vectors) -> list[IntentPrediction]:
        matrix = self.prototypes.label_scores(texts, vectors)
        return [self._decide(text, row.tolist()) for text, row in zip(texts, matrix, strict=True)]

    def _decide(self, text: str, row: list[float]) -> IntentPrediction:
        scores: dict[Intent, float] = dict.fromkeys(INTENTS, -1.0)
        scores.update(zip(self.prototypes.labels, row, strict=True))
        for intent in matched_keyword_intents(text):
            scores[intent] += KEYWORD_BOOST
        scores["other"] = max(scores["other"], OTHER_THRESHOLD)
        probabilities = softmax([scores[intent] for intent in INTENTS], TEMPERATURE)
        best = int(probabilities.argmax())
        return IntentPrediction(INTENTS[best], float(probabilities[best]), scores)


def matched_keyword_intents(text: str) -> set[Intent]:
    folded = f" {fold_text(text)} "
    return {intent for intent, words in _folded_keywords().items() if any(word in folded for word in words)}


@functools.cache
def _folded_keywords() -> dict[Intent, tuple[str, ...]]:
    return {intent: tuple(f" {fold_text(word)} " for word in words) for intent, words in INTENT_KEYWORDS.items()}


def fold_text(text: str) -> str:
    """Lower case, accents and punctuation dropped, single spaces: how keywords are matched."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s-]+", " ", stripped).split())


def _group_by_language(examples: IntentExamples) -> list[tuple[Intent, list[str]]]:
    groups: list[tuple[Intent, list[str]]] = []
    for intent, phrases in examples.items():
        if intent not in INTENTS:
            raise ValueError(f"unknown intent {intent!r}")
        by_language = dict(phrases) if isinstance(phrases, Mapping) else _detect_groups(phrases)
        groups.extend((intent, list(group)) for _, group in sorted(by_language.items()))
    return groups


def _detect_groups(phrases: Sequence[str]) -> dict[str, list[str]]:
    """Group a flat list by detected language, so each language gets its own centroid."""
    grouped: dict[str, list[str]] = {}
    detector = default_detector()
    for phrase in phrases:
        language = detector.detect(phrase).language or "und"
        grouped.setdefault(language, []).append(phrase)
    return grouped


def examples_key(embedder: Embedder, examples: IntentExamples) -> str:
    canonical = {
        intent: (dict(sorted(phrases.items())) if isinstance(phrases, Mapping) else list(phrases))
        for intent, phrases in sorted(examples.items())
    }
    payload = json.dumps([embedder.model, canonical], ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha256(payload.encode()).hexdigest()


_cache: OrderedDict[str, IntentClassifier] = OrderedDict()
_cache_lock = threading.Lock()


def intent_classifier(embedder: Embedder, examples: IntentExamples | None = None) -> IntentClassifier:
    """The classifier for these examples (the defaults when None), built once and then served from memory."""
    chosen: IntentExamples = DEFAULT_INTENT_EXAMPLES if examples is None else examples
    key = examples_key(embedder, chosen)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    classifier = IntentClassifier(embedder, chosen)
    with _cache_lock:
        _cache[key] = classifier
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return classifier
