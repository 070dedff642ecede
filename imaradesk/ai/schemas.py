"""What the AI layer returns. Providers fill these; orchestrators validate, cache and record them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

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
INTENTS: tuple[Intent, ...] = (
    "greeting",
    "product_inquiry",
    "order_status",
    "billing_payment",
    "technical_support",
    "complaint",
    "refund_return",
    "human_agent",
    "other",
)


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
