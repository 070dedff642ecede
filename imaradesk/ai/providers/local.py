"""The offline provider: USE-multilingual embeddings, py3langid, VADER and embedding anchors, all in-process.

No network, no key. It classifies, summarises extractively and embeds; it refuses translation,
generation and agent work with `Unsupported` instead of inventing text (spec §4).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

from imaradesk.ai.embeddings import Embedder, clean_text, default_embedder, embed_async
from imaradesk.ai.local.extractive_summary import summarize_turns
from imaradesk.ai.local.intents import IntentExamples, IntentPrediction, intent_classifier, matched_keyword_intents
from imaradesk.ai.local.language import LanguageGuess, default_detector
from imaradesk.ai.local.sentiment import SentimentScore, SentimentScorer, emoji_polarity
from imaradesk.ai.providers.base import Unsupported
from imaradesk.ai.schemas import (
    Classification,
    Completion,
    Embeddings,
    Intent,
    LabelSource,
    Summary,
    Task,
    Translation,
    Turn,
)

PROVIDER = "local"
LANGUAGE_MODEL = "py3langid-0.4.0"
VADER_MODEL = "vaderSentiment-3.3.2"
# Intent and sentiment read the start of a message: a 10,000-character paste costs what 1,000 do.
MAX_CLASSIFY_CHARS = 1_000
# Below this language confidence, sentiment does not trust "en" enough to use VADER.
VADER_MIN_LANGUAGE_CONFIDENCE = 0.5
EMOJI_COMPLAINT_POLARITY = -0.5

_SUPPORTED = frozenset({Task.classification, Task.embedding, Task.summarization})
_UNSUPPORTED_MESSAGES = {
    Task.translation: "offline mode has no translation model",
    Task.generation: "offline mode has no generative model; it can only quote the conversation or the knowledge base",
    Task.agent: "offline mode has no generative model to run an agent",
}

_scorers: dict[str, SentimentScorer] = {}
_scorers_lock = threading.Lock()


class LocalProvider:
    """Safe to build per workspace: the models are process-wide and intent centroids are cached by examples."""

    def __init__(
        self,
        *,
        embedder: Embedder | None = None,
        intent_examples: IntentExamples | None = None,
        fallback_language: str = "en",
    ) -> None:
        self._embedder = embedder or default_embedder()
        self._intent_examples = intent_examples
        # The language reported (with confidence 0) when a message has no letters: the schema needs a code.
        self._fallback_language = fallback_language

    @property
    def name(self) -> str:
        return PROVIDER

    @property
    def model(self) -> str:
        return f"{self._embedder.model}+py3langid+vader"

    def supports(self, task: Task) -> bool:
        return task in _SUPPORTED

    def warm_up(self) -> None:
        """Load every model now (about 3 s in all) so the first message is not the slow one."""
        self.classify_many(["warm up"])

    async def classify(self, text: str) -> Classification:
        results = await asyncio.to_thread(self.classify_many, [text])
        return results[0]

    def classify_many(self, texts: Sequence[str]) -> list[Classification]:
        """Blocking batch classification (eval, bench, backfills); `classify` runs it off the event loop."""
        cleaned = [clean_text(text) for text in texts]
        samples = [text[:MAX_CLASSIFY_CHARS].strip() for text in cleaned]
        languages = [default_detector().detect(text) for text in cleaned]
        vectors = self._embedder.embed(samples)
        intents = intent_classifier(self._embedder, self._intent_examples).predict_embedded(samples, vectors)
        sentiments = _scorer(self._embedder).score(samples, vectors, [_sentiment_language(g) for g in languages])
        return [
            self._assemble(sample, guess, intent, sentiment)
            for sample, guess, intent, sentiment in zip(samples, languages, intents, sentiments, strict=True)
        ]

    def _assemble(
        self, text: str, guess: LanguageGuess, intent: IntentPrediction, sentiment: SentimentScore
    ) -> Classification:
        if not text:
            return self._empty()
        language = self._fallback_language if guess.language is None else guess.language
        chosen, confidence, intent_method = _intent_label(text, guess, intent)
        return Classification(
            intent=chosen,
            intent_confidence=_unit(confidence),
            sentiment=sentiment.score,
            language=language,
            language_confidence=_unit(guess.confidence),
            intent_source=LabelSource(provider=PROVIDER, model=self._embedder.model, method=intent_method),
            sentiment_source=LabelSource(
                provider=PROVIDER, model=_sentiment_model(sentiment.method, self._embedder), method=sentiment.method
            ),
            language_source=LabelSource(provider=PROVIDER, model=LANGUAGE_MODEL, method=guess.method),
        )

    def _empty(self) -> Classification:
        """Empty or whitespace-only text: a complete, explicitly neutral label with zero confidence."""
        source = LabelSource(provider=PROVIDER, model=self.model, method="empty-input")
        return Classification(
            intent="other",
            intent_confidence=0.0,
            sentiment=0.0,
            language=self._fallback_language,
            language_confidence=0.0,
            intent_source=source,
            sentiment_source=source,
            language_source=source,
        )

    async def summarize(self, turns: Sequence[Turn]) -> Summary:
        summary = await asyncio.to_thread(summarize_turns, turns, self._embedder)
        return Summary(
            title=summary.title,
            description=summary.description,
            extractive=True,
            source=LabelSource(provider=PROVIDER, model=self._embedder.model, method="centrality"),
        )

    async def embed(self, texts: Sequence[str]) -> Embeddings:
        return Embeddings(model=self._embedder.model, vectors=await embed_async(self._embedder, texts))

    async def translate(self, text: str, *, target_language: str, source_language: str | None) -> Translation:
        raise Unsupported(PROVIDER, _UNSUPPORTED_MESSAGES[Task.translation])

    async def generate(self, *, system: str, prompt: str) -> Completion:
        raise Unsupported(PROVIDER, _UNSUPPORTED_MESSAGES[Task.generation])


def _intent_label(text: str, guess: LanguageGuess, intent: IntentPrediction) -> tuple[Intent, float, str]:
    if guess.language is None:  # emoji only: an angry face is a complaint, anything else says nothing
        polarity = emoji_polarity(text)
        if polarity is not None and polarity <= EMOJI_COMPLAINT_POLARITY:
            return "complaint", 0.5, "emoji"
        return "other", 0.5, "emoji"
    method = "centroid+keywords" if matched_keyword_intents(text) else "centroid"
    return intent.intent, intent.confidence, method


def _sentiment_language(guess: LanguageGuess) -> str | None:
    if guess.language is None:
        return None
    return guess.language if guess.confidence >= VADER_MIN_LANGUAGE_CONFIDENCE else "und"


def _sentiment_model(method: str, embedder: Embedder) -> str:
    if method.startswith("vader"):
        return f"{VADER_MODEL}+{embedder.model}"
    return "emoji-lexicon" if method == "emoji" else embedder.model


def _scorer(embedder: Embedder) -> SentimentScorer:
    # Anchor centroids depend only on the embedder; one scorer per embedder model for the process.
    with _scorers_lock:
        if embedder.model not in _scorers:
            _scorers[embedder.model] = SentimentScorer(embedder)
        return _scorers[embedder.model]


def _unit(value: float) -> float:
    return max(0.0, min(1.0, value))
