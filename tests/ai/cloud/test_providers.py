"""Each cloud provider through its real SDK client against its fake vendor: answers, and every failure
mapped onto base.py's errors with exactly one request (SDK retries off)."""

from __future__ import annotations

import numpy as np
import pytest

from imaradesk.ai.providers import anthropic, compatible, gemini, openai
from imaradesk.ai.providers.base import (
    InvalidOutput,
    Provider,
    ProviderAuthFailed,
    ProviderError,
    ProviderRateLimited,
    ProviderUnavailable,
    Unsupported,
)
from imaradesk.ai.providers.cloud import CloudProvider
from imaradesk.ai.schemas import Task, Turn
from tests.ai.cloud.conftest import TIMEOUT, Fakes
from tests.fakes.llm_server import (
    BROKEN_BODY,
    CLASSIFICATION,
    MALFORMED,
    OFF_SCHEMA,
    OUTAGE,
    RATE_LIMITED,
    SERVER_ERROR,
    SUMMARY,
    TRANSLATION,
    UNAUTHORIZED,
    FakeLLMServer,
    Reply,
    slow,
)

VENDORS = ["gemini", "openai", "anthropic", "openai_compatible"]
KEY = "sk-live-abcdefghijklmnop-WXYZ"


def build(kind: str, fakes: Fakes) -> tuple[CloudProvider, FakeLLMServer]:
    if kind == "gemini":
        return gemini.create(api_key=KEY, base_url=fakes.gemini.url, timeout_seconds=TIMEOUT), fakes.gemini
    if kind == "openai":
        return openai.create(api_key=KEY, base_url=fakes.openai.url + "/v1", timeout_seconds=TIMEOUT), fakes.openai
    if kind == "anthropic":
        return anthropic.create(api_key=KEY, base_url=fakes.anthropic.url, timeout_seconds=TIMEOUT), fakes.anthropic
    provider = compatible.create(
        base_url=fakes.compatible.url + "/v1",
        model="llama3.2",
        embedding_model="nomic-embed-text",
        timeout_seconds=TIMEOUT,
    )
    return provider, fakes.compatible


@pytest.fixture(params=VENDORS)
def vendor(request: pytest.FixtureRequest, fakes: Fakes) -> tuple[CloudProvider, FakeLLMServer]:
    return build(request.param, fakes)


async def test_meets_the_provider_protocol(vendor) -> None:
    provider, _ = vendor
    assert isinstance(provider, Provider)
    assert provider.supports(Task.classification) and provider.supports(Task.translation)


async def test_classification_is_parsed_from_the_structured_output(vendor) -> None:
    provider, server = vendor
    result = await provider.classify("Where is my order 1042?")
    assert result.intent == CLASSIFICATION["intent"]
    assert result.intent_confidence == pytest.approx(0.91)
    assert result.sentiment == pytest.approx(-0.2)
    assert (result.language, result.language_confidence) == ("en", pytest.approx(0.97))
    assert result.intent_source.provider == provider.name and result.intent_source.model == provider.model
    assert result.usage.input_tokens > 0
    assert len(server.requests) == 1
    assert "Where is my order 1042?" in str(server.requests[0].body)


async def test_the_request_carries_the_key_the_vendor_way(fakes: Fakes) -> None:
    await build("openai", fakes)[0].classify("hi")
    await build("anthropic", fakes)[0].classify("hi")
    await build("gemini", fakes)[0].classify("hi")
    assert fakes.openai.requests[0].headers["authorization"] == f"Bearer {KEY}"
    anthropic_headers = fakes.anthropic.requests[0].headers
    assert KEY in (
        anthropic_headers.get("x-api-key"),
        anthropic_headers.get("authorization", "").removeprefix("Bearer "),
    )
    assert "anthropic-version" in anthropic_headers
    assert fakes.gemini.requests[0].headers["x-goog-api-key"] == KEY
    assert fakes.gemini.requests[0].path == "/v1beta/models/gemini-2.5-flash:generateContent"
    assert fakes.openai.requests[0].body["model"] == "gpt-4o"
    assert fakes.anthropic.requests[0].body["model"] == "claude-sonnet-4-20250514"


async def test_translation(vendor) -> None:
    provider, server = vendor
    result = await provider.translate("Où est ma commande ?", target_language="en", source_language=None)
    assert result.text == TRANSLATION["text"]
    assert (result.source_language, result.target_language) == ("fr", "en")
    assert "Où est ma commande ?" in str(server.requests[0].body)


async def test_summary_is_a_ticket_title_and_description(vendor) -> None:
    provider, _ = vendor
    turns = [Turn(role="customer", text="Order 1042 never came"), Turn(role="agent", text="Let me check")]
    result = await provider.summarize(turns)
    assert (result.title, result.description) == (SUMMARY["title"], SUMMARY["description"])
    assert result.extractive is False


async def test_generation_returns_text(vendor) -> None:
    provider, _ = vendor
    result = await provider.generate(system="Be brief.", prompt="Say hello")
    assert result.text == "Hello from the fake model."


@pytest.mark.parametrize("kind", ["openai", "gemini", "openai_compatible"])
async def test_embeddings_are_unit_float32_rows(kind: str, fakes: Fakes) -> None:
    provider, server = build(kind, fakes)
    assert provider.supports(Task.embedding)
    result = await provider.embed(["hello", "habari", "bonjour"])
    assert result.vectors.shape == (3, 8) and result.vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(result.vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(result.vectors[0], result.vectors[1])
    assert len(server.requests) == 1


async def test_anthropic_has_no_embeddings(fakes: Fakes) -> None:
    provider, server = build("anthropic", fakes)
    assert not provider.supports(Task.embedding)
    with pytest.raises(Unsupported):
        await provider.embed(["hello"])
    assert server.requests == []


FAILURES = [
    pytest.param(OUTAGE, ProviderUnavailable, id="503"),
    pytest.param(SERVER_ERROR, ProviderUnavailable, id="500"),
    pytest.param(Reply(status=529), ProviderUnavailable, id="529-overloaded"),
    pytest.param(slow(TIMEOUT + 1.5), ProviderUnavailable, id="timeout"),
    pytest.param(RATE_LIMITED, ProviderRateLimited, id="429"),
    pytest.param(UNAUTHORIZED, ProviderAuthFailed, id="401"),
    pytest.param(Reply(status=403), ProviderAuthFailed, id="403"),
    pytest.param(MALFORMED, InvalidOutput, id="malformed-json"),
    pytest.param(OFF_SCHEMA, InvalidOutput, id="off-schema-label"),
    pytest.param(BROKEN_BODY, InvalidOutput, id="broken-body"),
]


@pytest.mark.parametrize(("reply", "error"), FAILURES)
async def test_each_failure_is_one_request_and_the_right_error(
    vendor, reply: Reply, error: type[ProviderError]
) -> None:
    provider, server = vendor
    server.script(reply)
    with pytest.raises(error) as raised:
        await provider.classify("Where is my order?")
    assert len(server.requests) == 1, "SDK retries must be off"
    assert raised.value.provider == provider.name
    assert KEY not in str(raised.value) and "WXYZ" not in str(raised.value)


async def test_a_rejected_key_names_the_vendor(fakes: Fakes) -> None:
    for kind, label in [("openai", "OpenAI"), ("anthropic", "Anthropic"), ("gemini", "Gemini")]:
        provider, server = build(kind, fakes)
        server.script(UNAUTHORIZED)
        with pytest.raises(ProviderAuthFailed, match=f"the key was rejected by {label}"):
            await provider.generate(system="", prompt="ping")


async def test_an_off_schema_intent_is_rejected_not_coerced(fakes: Fakes) -> None:
    provider, server = build("openai", fakes)
    server.script(Reply(payload={**CLASSIFICATION, "intent": "Order_Status"}))
    with pytest.raises(InvalidOutput):
        await provider.classify("Where is my order?")
    server.script(Reply(payload={**CLASSIFICATION, "sentiment": 3.5}))
    with pytest.raises(InvalidOutput):
        await provider.classify("Where is my order?")


async def test_the_compatible_endpoint_works_without_a_key(fakes: Fakes) -> None:
    provider, server = build("openai_compatible", fakes)
    assert provider.name == "openai_compatible" and provider.model == "llama3.2"
    await provider.classify("hello")
    assert server.requests[0].path == "/v1/chat/completions"
    assert server.requests[0].body["model"] == "llama3.2"
