"""Any OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, OpenRouter): base URL + model + optional key."""

from __future__ import annotations

from imaradesk.ai.providers import openai
from imaradesk.ai.providers.cloud import DEFAULT_TIMEOUT_SECONDS, CloudProvider, Vendor
from imaradesk.ai.providers.registry import DEFAULTS
from imaradesk.ai.schemas import ProviderKind

DEFAULT_BASE_URL = DEFAULTS[ProviderKind.openai_compatible].base_url
DEFAULT_MODEL = DEFAULTS[ProviderKind.openai_compatible].model
VENDOR = Vendor("openai_compatible", "the OpenAI-compatible endpoint")
# Local servers accept any key, but the SDK refuses to start without one.
NO_KEY = "not-needed"


def create(
    *,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    embedding_model: str | None = None,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    intent_examples: dict[str, list[str]] | None = None,
) -> CloudProvider:
    return openai.create(
        api_key=api_key or NO_KEY,
        model=model or DEFAULT_MODEL,
        base_url=base_url or DEFAULT_BASE_URL,
        embedding_model=embedding_model,
        timeout_seconds=timeout_seconds,
        intent_examples=intent_examples,
        vendor=VENDOR,
    )
