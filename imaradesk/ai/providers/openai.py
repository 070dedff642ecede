"""OpenAI (GPT-4o by default; embeddings with text-embedding-3-small). The only module that builds an OpenAI client."""

from __future__ import annotations

from openai import AsyncOpenAI
from pydantic_ai.embeddings.openai import OpenAIEmbeddingModel
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.openai import OpenAIProvider

from imaradesk.ai.providers.cloud import DEFAULT_TIMEOUT_SECONDS, CloudProvider, Vendor
from imaradesk.ai.providers.registry import DEFAULTS
from imaradesk.ai.schemas import ProviderKind

DEFAULT_MODEL = DEFAULTS[ProviderKind.openai].model
DEFAULT_EMBEDDING_MODEL = DEFAULTS[ProviderKind.openai].embedding_model
DEFAULT_BASE_URL = DEFAULTS[ProviderKind.openai].base_url
VENDOR = Vendor("openai", "OpenAI")


def openai_client(*, api_key: str, base_url: str, timeout_seconds: float) -> AsyncOpenAI:
    # max_retries=0: the SDK would retry a 500 twice before the router could move on (dependencies.md §7).
    return AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout_seconds, max_retries=0)


def create(
    *,
    api_key: str,
    model: str | None = None,
    base_url: str | None = None,
    embedding_model: str | None = DEFAULT_EMBEDDING_MODEL,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    intent_examples: dict[str, list[str]] | None = None,
    vendor: Vendor = VENDOR,
) -> CloudProvider:
    client = openai_client(api_key=api_key, base_url=base_url or DEFAULT_BASE_URL, timeout_seconds=timeout_seconds)
    provider = OpenAIProvider(openai_client=client)
    model_name = model or DEFAULT_MODEL
    return CloudProvider(
        vendor,
        OpenAIChatModel(model_name, provider=provider),
        model_name,
        embedding_model=OpenAIEmbeddingModel(embedding_model, provider=provider) if embedding_model else None,
        timeout_seconds=timeout_seconds,
        intent_examples=intent_examples,
    )
