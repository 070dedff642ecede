"""Google Gemini (2.5 Flash by default; embeddings with gemini-embedding-001 via embedContent)."""

from __future__ import annotations

from google.genai import Client
from google.genai.types import HttpOptions, HttpRetryOptions
from pydantic_ai.embeddings.google import GoogleEmbeddingModel
from pydantic_ai.models.google import GoogleModel
from pydantic_ai.providers.google import GoogleProvider

from imaradesk.ai.providers.cloud import DEFAULT_TIMEOUT_SECONDS, CloudProvider, Vendor
from imaradesk.ai.providers.registry import DEFAULTS
from imaradesk.ai.schemas import ProviderKind

DEFAULT_MODEL = DEFAULTS[ProviderKind.gemini].model
DEFAULT_EMBEDDING_MODEL = DEFAULTS[ProviderKind.gemini].embedding_model
DEFAULT_BASE_URL = DEFAULTS[ProviderKind.gemini].base_url
VENDOR = Vendor("gemini", "Gemini")


def create(
    *,
    api_key: str,
    model: str | None = None,
    base_url: str | None = None,
    embedding_model: str | None = DEFAULT_EMBEDDING_MODEL,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    intent_examples: dict[str, list[str]] | None = None,
) -> CloudProvider:
    options = HttpOptions(
        base_url=base_url or DEFAULT_BASE_URL,
        timeout=int(timeout_seconds * 1000),
        retry_options=HttpRetryOptions(attempts=1),  # one call per request; the router does the fallback
    )
    provider = GoogleProvider(client=Client(api_key=api_key, http_options=options))
    model_name = model or DEFAULT_MODEL
    return CloudProvider(
        VENDOR,
        GoogleModel(model_name, provider=provider),
        model_name,
        embedding_model=GoogleEmbeddingModel(embedding_model, provider=provider) if embedding_model else None,
        timeout_seconds=timeout_seconds,
        intent_examples=intent_examples,
    )
