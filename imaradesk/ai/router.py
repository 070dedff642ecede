"""Task → ordered providers, with a circuit breaker per (workspace, provider) and transparent fallback.

A provider that fails (any retryable ProviderError: outage, timeout, 429, bad key, malformed or
off-schema answer) is skipped and the next one answers; one that cannot do the task at all
(Unsupported) is skipped silently. The local provider is always the last resort for the tasks it
supports. Every attempt that reached a provider is returned, so calls.py can record it.
Why our own router rather than pydantic-ai's FallbackModel: docs/decisions/0002-ai-routing.md.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from imaradesk.ai.providers.base import Provider, ProviderAuthFailed, ProviderError, ProviderUnavailable, Unsupported
from imaradesk.ai.schemas import Task
from imaradesk.core import clock
from imaradesk.core.errors import AppError

# stdlib logging, not structlog: its console renderer prints tracebacks with their locals (rich),
# and the frames here hold decrypted API keys.
log = logging.getLogger(__name__)

T = TypeVar("T")
CIRCUIT_OPEN = "circuit_open"


@dataclass
class _Circuit:
    failures: int = 0
    opened_at: datetime | None = None


class CircuitBreaker:
    """Stops calling a provider after `failure_threshold` failures in a row, for `cooldown`.

    After the cool-down one call goes through (half-open): success closes the circuit, failure opens
    it again at once. A rejected key opens it immediately: it will not fix itself.
    """

    def __init__(self, *, failure_threshold: int = 3, cooldown: timedelta = timedelta(seconds=60)) -> None:
        self.failure_threshold = failure_threshold
        self.cooldown = cooldown
        self._circuits: dict[tuple[uuid.UUID, str], _Circuit] = {}

    def is_open(self, workspace_id: uuid.UUID, provider: str) -> bool:
        circuit = self._circuits.get((workspace_id, provider))
        if circuit is None or circuit.opened_at is None:
            return False
        return clock.now() < circuit.opened_at + self.cooldown

    def record_success(self, workspace_id: uuid.UUID, provider: str) -> None:
        self._circuits.pop((workspace_id, provider), None)

    def record_failure(self, workspace_id: uuid.UUID, provider: str, *, open_now: bool = False) -> None:
        circuit = self._circuits.setdefault((workspace_id, provider), _Circuit())
        circuit.failures += 1
        if open_now or circuit.failures >= self.failure_threshold:
            circuit.opened_at = clock.now()

    def reset(self, workspace_id: uuid.UUID | None = None) -> None:
        if workspace_id is None:
            self._circuits.clear()
        else:
            for key in [k for k in self._circuits if k[0] == workspace_id]:
                del self._circuits[key]


breaker = CircuitBreaker()


@dataclass(frozen=True)
class Attempt:
    """One provider the router considered: an error, a skip (circuit open) or the answer."""

    provider: str
    model: str
    latency_ms: float = 0.0
    error: ProviderError | None = None
    skipped: str | None = None

    @property
    def outcome(self) -> str:
        if self.skipped:
            return self.skipped
        return self.error.code if self.error is not None else "ok"


@dataclass
class Routed(Generic[T]):
    result: T
    provider: Provider
    latency_ms: float
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def fallback_from(self) -> str | None:
        """The preferred provider that failed or was skipped, when another one answered."""
        passed_over = [a for a in self.attempts if a.provider != self.provider.name]
        return passed_over[0].provider if passed_over else None


class AllProvidersFailed(AppError):
    status_code = 503
    code = "ai_unavailable"

    def __init__(self, task: Task, attempts: Sequence[Attempt]) -> None:
        self.task = task
        self.attempts = list(attempts)
        reasons = "; ".join(
            f"{a.provider}: {a.error.message if a.error else 'circuit open, cooling down'}" for a in attempts
        )
        message = f"No AI provider could do {task.value}: {reasons or 'none is configured for it'}."
        super().__init__(message, details={"task": task.value, "failures": [self._detail(a) for a in attempts]})

    @staticmethod
    def _detail(attempt: Attempt) -> dict[str, str]:
        return {
            "provider": attempt.provider,
            "code": attempt.outcome,
            "message": attempt.error.message if attempt.error else "circuit open",
        }


class Router:
    """One workspace's routing table. Providers are built from its settings; the breaker is shared."""

    def __init__(
        self,
        workspace_id: uuid.UUID,
        routes: Mapping[Task, Sequence[Provider]],
        *,
        local: Provider | None = None,
        circuit_breaker: CircuitBreaker | None = None,
    ) -> None:
        self.workspace_id = workspace_id
        self.routes = {task: list(providers) for task, providers in routes.items()}
        self.local = local
        self.breaker = circuit_breaker or breaker

    def providers_for(self, task: Task) -> list[Provider]:
        chosen = [p for p in self.routes.get(task, []) if p.supports(task)]
        if self.local is not None and self.local.supports(task) and all(p is not self.local for p in chosen):
            chosen.append(self.local)
        return chosen

    async def run(self, task: Task, call: Callable[[Provider], Awaitable[T]]) -> Routed[T]:
        attempts: list[Attempt] = []
        for provider in self.providers_for(task):
            is_last_resort = provider is self.local
            # The local provider has no remote to protect, so it is never circuit-broken.
            if not is_last_resort and self.breaker.is_open(self.workspace_id, provider.name):
                attempts.append(Attempt(provider.name, provider.model, skipped=CIRCUIT_OPEN))
                continue
            started = time.perf_counter()
            try:
                result = await call(provider)
            except Unsupported:
                continue
            except ProviderError as exc:
                attempts.append(self._failed(provider, exc, started))
                if not exc.retryable:
                    raise AllProvidersFailed(task, attempts) from exc
                continue
            except Exception as exc:  # a broken provider must degrade one feature, not the inbox
                log.exception("AI provider %s raised an unexpected error", provider.name)
                attempts.append(self._failed(provider, ProviderUnavailable(provider.name, type(exc).__name__), started))
                continue
            latency = (time.perf_counter() - started) * 1000
            self.breaker.record_success(self.workspace_id, provider.name)
            attempts.append(Attempt(provider.name, provider.model, latency_ms=latency))
            return Routed(result, provider, latency, attempts)
        raise AllProvidersFailed(task, attempts)

    def _failed(self, provider: Provider, error: ProviderError, started: float) -> Attempt:
        latency = (time.perf_counter() - started) * 1000
        if provider is not self.local:
            self.breaker.record_failure(
                self.workspace_id, provider.name, open_now=isinstance(error, ProviderAuthFailed)
            )
        log.warning("AI provider %s failed: %s", provider.name, error.code)
        return Attempt(provider.name, provider.model, latency_ms=latency, error=error)
