"""Anthropic (Claude Sonnet 4 by default). No embeddings: supports(embedding) is False."""

from __future__ import annotations

from anthropic import AsyncAnthropic
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.providers.anthropic import AnthropicProvider

from imaradesk.ai.providers.cloud import DEFAULT_TIMEOUT_SECONDS, CloudProvider, Vendor
from imaradesk.ai.providers.registry import DEFAULTS
from imaradesk.ai.schemas import ProviderKind

DEFAULT_MODEL = DEFAULTS[ProviderKind.anthropic].model
DEFAULT_BASE_URL = DEFAULTS[ProviderKind.anthropic].base_url
VENDOR = Vendor("anthropic", "Anthropic")


def create(
    *,
    api_key: str,
    model: str | None = None,
    base_url: str | None = None,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    intent_examples: dict[str, list[str]] | None = None,
) -> CloudProvider:
    # max_retries=0: the SDK would retry a 529 twice before the router could move on (dependencies.md §7).
    client = AsyncAnthropic(
        api_key=api_key, base_url=base_url or DEFAULT_BASE_URL, timeout=timeout_seconds, max_retries=0
    )
    model_name = model or DEFAULT_MODEL
    return CloudProvider(
        VENDOR,
        AnthropicModel(model_name, provider=AnthropicProvider(anthropic_client=client)),
        model_name,
        timeout_seconds=timeout_seconds,
        intent_examples=intent_examples,
    )
