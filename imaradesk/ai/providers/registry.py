"""Provider kinds, their defaults, and building a Provider from a workspace's settings.

Vendor modules are imported only when a provider of that kind is built: pydantic-ai and the SDKs
take seconds to import, and a workspace on the local provider alone never needs them.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from imaradesk.ai.providers.base import Provider
from imaradesk.ai.schemas import ProviderKind

log = logging.getLogger(__name__)

LOCAL = "local"


@dataclass(frozen=True)
class KindDefaults:
    label: str
    model: str
    base_url: str
    embedding_model: str | None
    needs_key: bool


DEFAULTS: dict[ProviderKind, KindDefaults] = {
    ProviderKind.gemini: KindDefaults(
        "Gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com", "gemini-embedding-001", True
    ),
    ProviderKind.openai: KindDefaults("OpenAI", "gpt-4o", "https://api.openai.com/v1", "text-embedding-3-small", True),
    ProviderKind.anthropic: KindDefaults(
        "Anthropic", "claude-sonnet-4-20250514", "https://api.anthropic.com", None, True
    ),
    # Ollama's OpenAI-compatible API on its default port; vLLM, LM Studio and OpenRouter differ only in URL.
    ProviderKind.openai_compatible: KindDefaults(
        "the OpenAI-compatible endpoint", "llama3.2", "http://127.0.0.1:11434/v1", None, False
    ),
}

# The default routing order of configured cloud providers (the local provider always comes last).
DEFAULT_ORDER: tuple[ProviderKind, ...] = (
    ProviderKind.gemini,
    ProviderKind.openai,
    ProviderKind.anthropic,
    ProviderKind.openai_compatible,
)

_MODULES = {
    ProviderKind.gemini: "imaradesk.ai.providers.gemini",
    ProviderKind.openai: "imaradesk.ai.providers.openai",
    ProviderKind.anthropic: "imaradesk.ai.providers.anthropic",
    ProviderKind.openai_compatible: "imaradesk.ai.providers.compatible",
}


@dataclass(frozen=True)
class ProviderSpec:
    kind: ProviderKind
    model: str
    api_key: str | None = None
    base_url: str | None = None
    embedding_model: str | None = None
    timeout_seconds: float = 20.0


def build(spec: ProviderSpec, *, intent_examples: Mapping[str, Sequence[str]] | None = None) -> Provider:
    module = importlib.import_module(_MODULES[spec.kind])
    kwargs: dict[str, Any] = {
        "model": spec.model,
        "base_url": spec.base_url,
        "timeout_seconds": spec.timeout_seconds,
        "intent_examples": {k: list(v) for k, v in (intent_examples or {}).items()},
    }
    if spec.kind != ProviderKind.anthropic:
        kwargs["embedding_model"] = spec.embedding_model
    kwargs["api_key"] = spec.api_key if spec.kind == ProviderKind.openai_compatible else (spec.api_key or "")
    provider: Provider = module.create(**kwargs)
    return provider


LocalFactory = Callable[[Mapping[str, Sequence[str]] | None], Provider | None]


def default_local_provider(intent_examples: Mapping[str, Sequence[str]] | None) -> Provider | None:
    """The offline provider (providers/local.py). A workspace's phrases replace the built-in examples of
    the intents they name; the other intents keep the built-in multilingual examples."""
    try:
        from imaradesk.ai.local.intent_examples import DEFAULT_INTENT_EXAMPLES
        from imaradesk.ai.providers.local import LocalProvider
    except ImportError:
        log.exception("the local AI provider is not available")
        return None
    if not intent_examples:
        return LocalProvider()
    merged: dict[Any, Any] = {**DEFAULT_INTENT_EXAMPLES, **{k: list(v) for k, v in intent_examples.items() if v}}
    return LocalProvider(intent_examples=merged)


def warm_up_local() -> None:
    """Load the offline models and the default intent centroids now (seconds on 2 cores), so that the
    first customer message is not the one that waits. Blocking: run it in a thread."""
    provider = default_local_provider(None)
    warm = getattr(provider, "warm_up", None)
    if callable(warm):
        warm()
