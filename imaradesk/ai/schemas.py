"""What the AI layer returns. Providers fill these; orchestrators validate, cache and record them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal, get_args

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from imaradesk.core.schemas import Schema, StrictInput

Intent = Literal[
    "greeting",
    "product_inquiry",
    "order_status",
    "billing_payment",
    "technical_support",
    "complaint",
    "refund_return",
    "human_agent",
    "other",
]
INTENTS: tuple[Intent, ...] = get_args(Intent)


class Task(StrEnum):
    """What a call is for; the router keeps an ordered provider list per task."""

    classification = "classification"
    generation = "generation"
    agent = "agent"
    embedding = "embedding"
    translation = "translation"
    summarization = "summarization"


class Usage(BaseModel):
    model_config = ConfigDict(frozen=True)

    input_tokens: int = 0
    output_tokens: int = 0


class LabelSource(BaseModel):
    """Who produced a label, e.g. provider "local" with method "vader", or provider "openai" model "gpt-4o"."""

    model_config = ConfigDict(frozen=True)

    provider: str
    model: str
    method: str | None = None


class Classification(BaseModel):
    """Understanding of one message. Every field is always present: nothing is stored half-labelled."""

    model_config = ConfigDict(frozen=True)

    intent: Intent
    intent_confidence: float = Field(ge=0.0, le=1.0)
    sentiment: float = Field(ge=-1.0, le=1.0)
    language: str = Field(pattern=r"^[a-z]{2}$", description="ISO 639-1")
    language_confidence: float = Field(ge=0.0, le=1.0)
    intent_source: LabelSource
    sentiment_source: LabelSource
    language_source: LabelSource
    usage: Usage = Usage()


class Translation(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    source_language: str
    target_language: str
    source: LabelSource
    usage: Usage = Usage()


class Summary(BaseModel):
    """A conversation summary shaped as a ticket: a short title and a description."""

    model_config = ConfigDict(frozen=True)

    title: str = Field(max_length=120)
    description: str
    extractive: bool = Field(description="True when the text is quoted from the conversation, not generated")
    source: LabelSource
    usage: Usage = Usage()


class Completion(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    source: LabelSource
    usage: Usage = Usage()


@dataclass(frozen=True)
class Embeddings:
    """Unit-length float32 vectors (shape n by dim), one row per input, all from one model."""

    model: str
    vectors: npt.NDArray[np.float32]
    usage: Usage = field(default_factory=Usage)

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])


class Turn(BaseModel):
    """One line of a conversation handed to summaries: who spoke and what they said."""

    model_config = ConfigDict(frozen=True)

    role: Literal["customer", "agent", "bot"]
    text: str


class ProviderKind(StrEnum):
    """A cloud vendor a workspace can configure; the offline provider ("local") needs no settings."""

    gemini = "gemini"
    openai = "openai"
    anthropic = "anthropic"
    openai_compatible = "openai_compatible"


# Per-workspace AI settings API (settings.py, endpoints.py).

ProviderName = Annotated[str, Field(pattern=r"^(gemini|openai|anthropic|openai_compatible|local)$")]
ExamplePhrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class AIProviderCreate(StrictInput):
    kind: ProviderKind
    model: str | None = Field(default=None, max_length=200, description="Default: the kind's default model")
    base_url: HttpUrl | None = Field(default=None, description="Default: the vendor's public API")
    embedding_model: str | None = Field(default=None, max_length=200)
    api_key: str | None = Field(default=None, min_length=1, max_length=500, description="Stored encrypted")
    timeout_seconds: float = Field(default=20.0, gt=0, le=120)
    is_enabled: bool = True


class AIProviderUpdate(StrictInput):
    model: str | None = Field(default=None, min_length=1, max_length=200)
    base_url: HttpUrl | None = None
    embedding_model: str | None = Field(default=None, max_length=200)
    api_key: str | None = Field(default=None, min_length=1, max_length=500, description="Replaces the stored key")
    timeout_seconds: float | None = Field(default=None, gt=0, le=120)
    is_enabled: bool | None = None


class AIProviderRead(Schema):
    id: uuid.UUID
    kind: ProviderKind
    label: str
    model: str
    base_url: str
    embedding_model: str | None
    has_key: bool
    key_last4: str | None = Field(description="The last four characters of the key; the key itself is never returned")
    timeout_seconds: float
    is_enabled: bool
    created_at: datetime


class AIRoutingRead(Schema):
    routing: dict[Task, list[str]] = Field(description="The order each task uses now; local is the last resort")
    custom_routing: dict[Task, list[str]] = Field(description="The orders set by an admin (others use the default)")
    intent_examples: dict[Intent, list[str]]


class AIRoutingUpdate(StrictInput):
    routing: dict[Task, list[ProviderName]] | None = Field(
        default=None, description="Order per task; a task left out uses the default order"
    )
    intent_examples: dict[Intent, list[ExamplePhrase]] | None = Field(
        default=None, description="Example phrases per intent; they replace the built-in ones for that intent"
    )


class AIConnectionTest(Schema):
    ok: bool
    code: str | None = None
    message: str
    latency_ms: float | None = None


class AICallRead(Schema):
    id: uuid.UUID
    created_at: datetime
    task: str
    provider: str
    model: str
    latency_ms: float
    input_tokens: int
    output_tokens: int
    outcome: str = Field(description="ok, cache_hit, or the provider error code")
    error_message: str | None
    is_fallback: bool
    fallback_from: str | None


class AICallPage(Schema):
    items: list[AICallRead]
    total: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page")
