"""Fallback in the configured order, silent skips, the circuit breaker and its cool-down."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from imaradesk.ai.providers.base import ProviderAuthFailed
from imaradesk.ai.router import CIRCUIT_OPEN, AllProvidersFailed, CircuitBreaker, Router
from imaradesk.ai.schemas import Task
from imaradesk.core import clock
from tests.ai.cloud.conftest import TIMEOUT, Fakes, StubLocal
from tests.ai.cloud.test_providers import build
from tests.fakes.llm_server import (
    MALFORMED,
    OFF_SCHEMA,
    OUTAGE,
    RATE_LIMITED,
    SERVER_ERROR,
    UNAUTHORIZED,
    Reply,
    slow,
)

WORKSPACE = uuid.uuid4()


def make_router(fakes: Fakes, local: StubLocal | None = None, breaker: CircuitBreaker | None = None) -> Router:
    providers = [build(kind, fakes)[0] for kind in ("gemini", "openai", "anthropic")]
    routes = {task: providers for task in Task}
    return Router(WORKSPACE, routes, local=local, circuit_breaker=breaker or CircuitBreaker())


async def test_the_first_provider_answers_when_healthy(fakes: Fakes) -> None:
    routed = await make_router(fakes).run(Task.classification, lambda p: p.classify("where is my order"))
    assert routed.provider.name == "gemini"
    assert routed.fallback_from is None
    assert [a.outcome for a in routed.attempts] == ["ok"]
    assert (len(fakes.gemini.requests), len(fakes.openai.requests)) == (1, 0)


@pytest.mark.parametrize(
    "failure",
    [
        pytest.param(OUTAGE, id="outage-503"),
        pytest.param(SERVER_ERROR, id="outage-500"),
        pytest.param(slow(TIMEOUT + 1.5), id="slow-timeout"),
        pytest.param(RATE_LIMITED, id="429"),
        pytest.param(UNAUTHORIZED, id="401"),
        pytest.param(MALFORMED, id="malformed-json"),
        pytest.param(OFF_SCHEMA, id="off-schema-label"),
    ],
)
async def test_a_failing_provider_is_skipped_transparently(fakes: Fakes, failure: Reply) -> None:
    fakes.gemini.script(failure)
    routed = await make_router(fakes).run(Task.classification, lambda p: p.classify("where is my order"))
    assert routed.provider.name == "openai"
    assert routed.result.intent == "order_status"
    assert routed.fallback_from == "gemini"
    assert routed.attempts[0].provider == "gemini" and routed.attempts[0].error is not None
    assert len(fakes.gemini.requests) == 1 and len(fakes.openai.requests) == 1


async def test_fallback_follows_the_configured_order(fakes: Fakes) -> None:
    fakes.gemini.always(OUTAGE)
    fakes.openai.always(Reply(status=529))
    routed = await make_router(fakes).run(Task.summarization, lambda p: p.generate(system="", prompt="hi"))
    assert routed.provider.name == "anthropic"
    assert [a.provider for a in routed.attempts] == ["gemini", "openai", "anthropic"]
    assert routed.fallback_from == "gemini"


async def test_all_cloud_providers_down_falls_back_to_local(fakes: Fakes, local: StubLocal) -> None:
    for server in fakes.all():
        server.always(OUTAGE)
    routed = await make_router(fakes, local).run(Task.classification, lambda p: p.classify("hello"))
    assert routed.provider is local
    assert local.calls == [Task.classification]
    assert [a.outcome for a in routed.attempts] == ["provider_unavailable"] * 3 + ["ok"]


async def test_all_down_for_a_task_local_cannot_do_lists_each_failure(fakes: Fakes, local: StubLocal) -> None:
    fakes.gemini.always(OUTAGE)
    fakes.openai.always(RATE_LIMITED)
    fakes.anthropic.always(UNAUTHORIZED)
    router = make_router(fakes, local)
    with pytest.raises(AllProvidersFailed) as raised:
        await router.run(Task.translation, lambda p: p.translate("bonjour", target_language="en", source_language=None))
    error = raised.value
    assert error.code == "ai_unavailable" and error.status_code == 503
    assert [f["code"] for f in error.details["failures"]] == [
        "provider_unavailable",
        "provider_rate_limited",
        "provider_auth_failed",
    ]
    assert "gemini: Gemini is failing (HTTP 503)" in error.message
    assert "anthropic: the key was rejected by Anthropic" in error.message
    assert local.calls == []


async def test_unsupported_providers_are_skipped_silently(fakes: Fakes) -> None:
    anthropic, _ = build("anthropic", fakes)
    openai, _ = build("openai", fakes)
    router = Router(WORKSPACE, {Task.embedding: [anthropic, openai]}, circuit_breaker=CircuitBreaker())
    routed = await router.run(Task.embedding, lambda p: p.embed(["hello"]))
    assert routed.provider.name == "openai"
    assert routed.fallback_from is None
    assert [a.provider for a in routed.attempts] == ["openai"]
    assert fakes.anthropic.requests == []


async def test_no_provider_at_all_is_a_clear_error() -> None:
    with pytest.raises(AllProvidersFailed, match="none is configured"):
        await Router(WORKSPACE, {}).run(Task.translation, lambda p: p.generate(system="", prompt=""))


class TestCircuitBreaker:
    async def test_opens_after_the_threshold_and_stops_calling(self, fakes: Fakes) -> None:
        breaker = CircuitBreaker(failure_threshold=3, cooldown=timedelta(seconds=60))
        router = make_router(fakes, breaker=breaker)
        fakes.gemini.always(OUTAGE)
        for _ in range(3):
            await router.run(Task.classification, lambda p: p.classify("hi"))
        assert breaker.is_open(WORKSPACE, "gemini")
        routed = await router.run(Task.classification, lambda p: p.classify("hi"))
        assert len(fakes.gemini.requests) == 3, "an open circuit makes no call"
        assert routed.provider.name == "openai"
        assert routed.attempts[0].outcome == CIRCUIT_OPEN
        assert routed.fallback_from == "gemini"

    async def test_closes_after_the_cool_down_when_the_provider_recovers(self, fakes: Fakes) -> None:
        breaker = CircuitBreaker(failure_threshold=2, cooldown=timedelta(seconds=30))
        router = make_router(fakes, breaker=breaker)
        fakes.gemini.script(OUTAGE, OUTAGE)
        for _ in range(2):
            await router.run(Task.classification, lambda p: p.classify("hi"))
        clock.advance(timedelta(seconds=29))
        assert breaker.is_open(WORKSPACE, "gemini")
        clock.advance(timedelta(seconds=2))
        assert not breaker.is_open(WORKSPACE, "gemini")
        routed = await router.run(Task.classification, lambda p: p.classify("hi"))
        assert routed.provider.name == "gemini"
        assert len(fakes.gemini.requests) == 3
        fakes.gemini.script(OUTAGE)
        await router.run(Task.classification, lambda p: p.classify("hi"))
        assert not breaker.is_open(WORKSPACE, "gemini"), "success reset the count: one failure is not enough"

    async def test_a_failed_trial_after_the_cool_down_opens_it_again_at_once(self, fakes: Fakes) -> None:
        breaker = CircuitBreaker(failure_threshold=2, cooldown=timedelta(seconds=30))
        router = make_router(fakes, breaker=breaker)
        fakes.gemini.always(OUTAGE)
        for _ in range(2):
            await router.run(Task.classification, lambda p: p.classify("hi"))
        clock.advance(timedelta(seconds=31))
        await router.run(Task.classification, lambda p: p.classify("hi"))
        assert breaker.is_open(WORKSPACE, "gemini")
        assert len(fakes.gemini.requests) == 3

    async def test_a_rejected_key_opens_it_immediately(self, fakes: Fakes) -> None:
        breaker = CircuitBreaker(failure_threshold=5)
        router = make_router(fakes, breaker=breaker)
        fakes.openai.always(UNAUTHORIZED)
        fakes.gemini.always(OUTAGE)
        routed = await router.run(Task.classification, lambda p: p.classify("hi"))
        assert isinstance(routed.attempts[1].error, ProviderAuthFailed)
        assert breaker.is_open(WORKSPACE, "openai")
        assert not breaker.is_open(WORKSPACE, "gemini")

    async def test_circuits_are_per_workspace(self, fakes: Fakes) -> None:
        breaker = CircuitBreaker(failure_threshold=1)
        fakes.gemini.script(OUTAGE)
        await make_router(fakes, breaker=breaker).run(Task.classification, lambda p: p.classify("hi"))
        other = Router(uuid.uuid4(), make_router(fakes).routes, circuit_breaker=breaker)
        routed = await other.run(Task.classification, lambda p: p.classify("hi"))
        assert routed.provider.name == "gemini"

    async def test_the_local_provider_is_never_broken(self, fakes: Fakes) -> None:
        class Flaky(StubLocal):
            async def classify(self, text: str):  # type: ignore[no-untyped-def]
                raise RuntimeError("model file missing")

        breaker = CircuitBreaker(failure_threshold=1)
        router = Router(WORKSPACE, {}, local=Flaky(), circuit_breaker=breaker)
        for _ in range(2):
            with pytest.raises(AllProvidersFailed) as raised:
                await router.run(Task.classification, lambda p: p.classify("hi"))
            assert [a.outcome for a in raised.value.attempts] == ["provider_unavailable"]
        assert not breaker.is_open(WORKSPACE, "local")
