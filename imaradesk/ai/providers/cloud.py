"""CloudProvider: one pydantic-ai chat model (and optionally an embedding model) behind the Provider protocol.

The vendor modules build the SDK client (retries off, base URL, timeout) and hand the models to
this class; prompts, output models and the mapping of every failure onto base.py errors live here
once, so the four vendors cannot drift apart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_ai import Agent
from pydantic_ai.embeddings import EmbeddingModel
from pydantic_ai.exceptions import (
    AgentRunError,
    ModelAPIError,
    ModelAuthenticationError,
    ModelConnectionError,
    ModelHTTPError,
    ModelQuotaExceededError,
    ModelRateLimitError,
    ModelRequestTimeout,
    ModelServerError,
    ModelUnavailableError,
    UnexpectedModelBehavior,
)
from pydantic_ai.models import Model

from imaradesk.ai.providers.base import (
    InvalidOutput,
    ProviderAuthFailed,
    ProviderError,
    ProviderRateLimited,
    ProviderUnavailable,
    Unsupported,
)
from imaradesk.ai.schemas import (
    INTENTS,
    Classification,
    Completion,
    Embeddings,
    Intent,
    LabelSource,
    Summary,
    Task,
    Translation,
    Turn,
    Usage,
)

DEFAULT_TIMEOUT_SECONDS = 20.0
_ISO_639_1 = r"^[a-z]{2}$"

INTENT_MEANINGS: dict[Intent, str] = {
    "greeting": "hello, thanks or small talk with no request",
    "product_inquiry": "questions about products, prices, stock or features before buying",
    "order_status": "where an order or delivery is, when it arrives",
    "billing_payment": "payments, invoices, charges, M-Pesa or card problems",
    "technical_support": "something does not work: app, device, account, login",
    "complaint": "dissatisfaction with the service, product or staff",
    "refund_return": "returning an item, exchanges, getting money back",
    "human_agent": "asks to speak to a person or agent",
    "other": "anything else",
}


class ClassificationOutput(BaseModel):
    """What the model must return; an intent outside the nine labels fails validation."""

    model_config = ConfigDict(extra="forbid")

    intent: Intent
    intent_confidence: float = Field(ge=0.0, le=1.0)
    sentiment: float = Field(ge=-1.0, le=1.0, description="-1 very negative, 0 neutral, +1 very positive")
    language: str = Field(pattern=_ISO_639_1, description="ISO 639-1 code of the message's language")
    language_confidence: float = Field(ge=0.0, le=1.0)


class TranslationOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The translation, nothing else")
    source_language: str = Field(pattern=_ISO_639_1, description="ISO 639-1 code of the original text")


class SummaryOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=120, description="A short ticket title")
    description: str = Field(description="What the customer needs, in two to four sentences")


def classification_instructions(examples: dict[str, list[str]] | None = None) -> str:
    lines = [
        "You label one WhatsApp message sent by a customer to a business's support line.",
        "Choose exactly one intent from this list:",
        *(f"- {intent}: {INTENT_MEANINGS[intent]}" for intent in INTENTS),
        "Give the intent confidence in [0, 1], the sentiment in [-1, 1], and the message's language "
        "as an ISO 639-1 code with a confidence in [0, 1].",
    ]
    for intent, phrases in (examples or {}).items():
        if phrases:
            lines.append(f"Messages like these are {intent}: " + "; ".join(repr(p) for p in phrases[:10]))
    return "\n".join(lines)


SUMMARY_INSTRUCTIONS = (
    "Summarise a customer-support conversation as a ticket: a title of at most 80 characters naming the "
    "problem, and a description of two to four sentences with the facts the customer gave (order numbers, "
    "dates, amounts). Write in the language most of the conversation uses. Do not invent facts."
)

Output = TypeVar("Output")


@dataclass(frozen=True)
class Vendor:
    key: str
    label: str


class CloudProvider:
    """Implements the Provider protocol over pydantic-ai; every method makes one vendor request."""

    def __init__(
        self,
        vendor: Vendor,
        model: Model,
        model_name: str,
        *,
        embedding_model: EmbeddingModel | None = None,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        intent_examples: dict[str, list[str]] | None = None,
    ) -> None:
        self._vendor = vendor
        self._model = model
        self._model_name = model_name
        self._embedding_model = embedding_model
        self._timeout = timeout_seconds
        self._agents: dict[str, Agent[None, Any]] = {}
        self._classification_instructions = classification_instructions(intent_examples)

    @property
    def name(self) -> str:
        return self._vendor.key

    @property
    def model(self) -> str:
        return self._model_name

    @property
    def embedding_model_name(self) -> str | None:
        return self._embedding_model.model_name if self._embedding_model is not None else None

    def supports(self, task: Task) -> bool:
        return task != Task.embedding or self._embedding_model is not None

    def _source(self) -> LabelSource:
        return LabelSource(provider=self.name, model=self.model)

    def _agent(self, key: str, output_type: type[Any], instructions: str | None) -> Agent[None, Any]:
        agent = self._agents.get(key)
        if agent is None:
            # retries=0: a malformed or off-schema answer fails at once and the router moves on.
            agent = Agent(self._model, output_type=output_type, instructions=instructions, retries=0)
            self._agents[key] = agent
        return agent

    async def _run(
        self, key: str, output_type: type[Output], instructions: str | None, prompt: str
    ) -> tuple[Output, Usage]:
        agent = self._agent(key, output_type, instructions)
        try:
            async with asyncio.timeout(self._timeout):
                result = await agent.run(prompt)
        except Exception as exc:  # every failure becomes one of base.py's errors
            raise self.map_error(exc) from exc
        usage = result.usage
        output = result.output
        if not isinstance(output, output_type):
            raise InvalidOutput(self.name, f"{self._vendor.label} answered with {type(output).__name__}")
        return output, Usage(input_tokens=usage.input_tokens or 0, output_tokens=usage.output_tokens or 0)

    async def classify(self, text: str) -> Classification:
        out, usage = await self._run(
            "classification", ClassificationOutput, self._classification_instructions, f"Message:\n{text}"
        )
        source = self._source()
        return Classification(
            intent=out.intent,
            intent_confidence=out.intent_confidence,
            sentiment=out.sentiment,
            language=out.language,
            language_confidence=out.language_confidence,
            intent_source=source,
            sentiment_source=source,
            language_source=source,
            usage=usage,
        )

    async def translate(self, text: str, *, target_language: str, source_language: str | None) -> Translation:
        origin = f" from the language with ISO 639-1 code {source_language!r}" if source_language else ""
        instructions = (
            f"Translate the customer's message{origin} into the language with ISO 639-1 code "
            f"{target_language!r}. Keep names, numbers and order ids unchanged. Also report the ISO 639-1 code "
            "of the original text."
        )
        out, usage = await self._run(
            f"translation:{source_language}:{target_language}", TranslationOutput, instructions, text
        )
        return Translation(
            text=out.text,
            source_language=source_language or out.source_language,
            target_language=target_language,
            source=self._source(),
            usage=usage,
        )

    async def summarize(self, turns: Sequence[Turn]) -> Summary:
        transcript = "\n".join(f"{turn.role}: {turn.text}" for turn in turns)
        out, usage = await self._run("summary", SummaryOutput, SUMMARY_INSTRUCTIONS, transcript)
        return Summary(
            title=out.title, description=out.description, extractive=False, source=self._source(), usage=usage
        )

    async def generate(self, *, system: str, prompt: str) -> Completion:
        agent = Agent(self._model, output_type=str, instructions=system, retries=0)
        try:
            async with asyncio.timeout(self._timeout):
                result = await agent.run(prompt)
        except Exception as exc:  # every failure becomes one of base.py's errors
            raise self.map_error(exc) from exc
        usage = result.usage
        return Completion(
            text=result.output,
            source=self._source(),
            usage=Usage(input_tokens=usage.input_tokens or 0, output_tokens=usage.output_tokens or 0),
        )

    async def embed(self, texts: Sequence[str]) -> Embeddings:
        if self._embedding_model is None:
            raise Unsupported(self.name, f"{self._vendor.label} has no embedding model")
        try:
            async with asyncio.timeout(self._timeout):
                result = await self._embedding_model.embed(list(texts), input_type="document")
        except Exception as exc:  # every failure becomes one of base.py's errors
            raise self.map_error(exc) from exc
        vectors = np.asarray(result.embeddings, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise InvalidOutput(
                self.name, f"{self._vendor.label} returned {vectors.shape[0]} vectors for {len(texts)} texts"
            )
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return Embeddings(
            model=self._embedding_model.model_name,
            vectors=(vectors / np.where(norms == 0, 1, norms)).astype(np.float32),
            usage=Usage(input_tokens=result.usage.input_tokens or 0),
        )

    def map_error(self, exc: BaseException) -> ProviderError:
        """Vendor failure → base.py error. Messages never repeat the vendor's body (it may echo the key)."""
        label, name = self._vendor.label, self.name
        status = exc.status_code if isinstance(exc, ModelHTTPError) else None
        suffix = f" (HTTP {status})" if status else ""
        if isinstance(exc, ProviderError):
            return exc
        if isinstance(exc, ModelAuthenticationError) or status in (401, 403):
            return ProviderAuthFailed(name, f"the key was rejected by {label}{suffix}")
        if isinstance(exc, ModelRateLimitError | ModelQuotaExceededError) or status == 429:
            return ProviderRateLimited(name, f"{label} is rate-limiting this key{suffix}")
        if isinstance(exc, TimeoutError | ModelRequestTimeout):
            return ProviderUnavailable(name, f"{label} did not answer within {self._timeout:g} s")
        if isinstance(exc, ModelConnectionError):
            return ProviderUnavailable(name, f"{label} could not be reached ({type(exc.__cause__ or exc).__name__})")
        if isinstance(exc, ModelUnavailableError | ModelServerError) or (status is not None and status >= 500):
            return ProviderUnavailable(name, f"{label} is failing{suffix}")
        if isinstance(exc, UnexpectedModelBehavior | ValidationError) or isinstance(exc.__cause__, ValueError):
            return InvalidOutput(name, f"{label} answered off-schema or with malformed JSON")
        if isinstance(exc, ModelHTTPError):
            return ProviderError(name, f"{label} refused the request{suffix}")
        if isinstance(exc, ModelAPIError | AgentRunError):
            return ProviderUnavailable(name, f"{label} failed: {type(exc).__name__}")
        return ProviderUnavailable(name, f"{label} failed: {type(exc).__name__}")
