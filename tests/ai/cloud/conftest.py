"""Cloud providers against the in-repo fake vendors (real SDK clients over loopback HTTP), a stub
offline provider, and a clean router/cache/breaker state for every test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import calls
from imaradesk.ai import settings as ai_settings
from imaradesk.ai.cache import cache
from imaradesk.ai.providers import registry
from imaradesk.ai.providers.base import Unsupported
from imaradesk.ai.router import breaker
from imaradesk.ai.schemas import (
    AIProviderCreate,
    AIRoutingUpdate,
    Classification,
    Completion,
    Embeddings,
    LabelSource,
    ProviderKind,
    Summary,
    Task,
    Translation,
    Turn,
)
from imaradesk.config import Settings, install_settings
from imaradesk.db.session import Database
from tests.fakes.anthropic_server import FakeAnthropic
from tests.fakes.gemini_server import FakeGemini
from tests.fakes.llm_server import FakeLLMServer
from tests.fakes.openai_server import FakeOpenAI

TIMEOUT = 2.0  # generous: the CI machine has 2 shared cores; slow replies exceed it by 1.5 s


@dataclass
class Fakes:
    gemini: FakeGemini
    openai: FakeOpenAI
    anthropic: FakeAnthropic
    compatible: FakeOpenAI

    def all(self) -> list[FakeLLMServer]:
        return [self.gemini, self.openai, self.anthropic, self.compatible]

    def base_url(self, kind: ProviderKind) -> str:
        return {
            ProviderKind.gemini: self.gemini.url,
            ProviderKind.openai: self.openai.url + "/v1",
            ProviderKind.anthropic: self.anthropic.url,
            ProviderKind.openai_compatible: self.compatible.url + "/v1",
        }[kind]

    def server(self, kind: ProviderKind) -> FakeLLMServer:
        return {
            ProviderKind.gemini: self.gemini,
            ProviderKind.openai: self.openai,
            ProviderKind.anthropic: self.anthropic,
            ProviderKind.openai_compatible: self.compatible,
        }[kind]


@pytest.fixture(scope="session")
def _servers() -> Iterator[Fakes]:
    fakes = Fakes(FakeGemini().start(), FakeOpenAI().start(), FakeAnthropic().start(), FakeOpenAI().start())
    yield fakes
    for server in fakes.all():
        server.stop()


@pytest.fixture
def fakes(_servers: Fakes) -> Iterator[Fakes]:
    for server in _servers.all():
        server.reset()
    yield _servers
    for server in _servers.all():
        server.reset()


@dataclass
class StubLocal:
    """A fast offline stand-in that counts its calls (the real one is tested by its own suite)."""

    calls: list[Task] = field(default_factory=list)
    name: str = "local"
    model: str = "stub-local"

    def supports(self, task: Task) -> bool:
        return task in (Task.classification, Task.embedding, Task.summarization)

    def _source(self) -> LabelSource:
        return LabelSource(provider="local", model=self.model)

    async def classify(self, text: str) -> Classification:
        self.calls.append(Task.classification)
        source = self._source()
        return Classification(
            intent="other",
            intent_confidence=0.4,
            sentiment=0.0,
            language="en",
            language_confidence=0.6,
            intent_source=source,
            sentiment_source=source,
            language_source=source,
        )

    async def summarize(self, turns: Sequence[Turn]) -> Summary:
        self.calls.append(Task.summarization)
        return Summary(title=turns[0].text[:80], description=turns[0].text, extractive=True, source=self._source())

    async def embed(self, texts: Sequence[str]) -> Embeddings:
        self.calls.append(Task.embedding)
        vectors = np.zeros((len(texts), 4), dtype=np.float32)
        vectors[:, 0] = 1.0
        return Embeddings(model="stub-embedder-v1", vectors=vectors)  # as the real one: its embedder's name

    async def translate(self, text: str, *, target_language: str, source_language: str | None) -> Translation:
        raise Unsupported("local", "offline mode has no translation model")

    async def generate(self, *, system: str, prompt: str) -> Completion:
        raise Unsupported("local", "offline mode has no generative model")


@pytest.fixture
def local() -> StubLocal:
    stub = StubLocal()
    ai_settings.install_local_factory(lambda _examples: stub)
    return stub


@pytest.fixture(autouse=True)
async def _clean_ai_state(settings: Settings, database: Database) -> AsyncIterator[None]:
    install_settings(settings)  # the service seals and opens keys with this secret
    ai_settings.install_local_factory(lambda _examples: None)  # tests that want one ask for `local`
    breaker.reset()
    cache.clear_front()
    settings_module_forget()
    yield
    await calls.close(database)
    ai_settings.install_local_factory(registry.default_local_provider)
    breaker.reset()
    cache.clear_front()
    settings_module_forget()


def settings_module_forget() -> None:
    ai_settings.forget()


async def configure(
    session: AsyncSession,
    workspace_id: uuid.UUID,
    fakes: Fakes,
    kinds: Sequence[ProviderKind],
    *,
    routing: dict[Task, list[str]] | None = None,
    api_key: str = "sk-test-key-0123456789",
) -> None:
    """Providers of these kinds pointing at the fakes, committed, in the default order unless `routing`."""
    for kind in kinds:
        await ai_settings.create_provider(
            session,
            workspace_id,
            AIProviderCreate.model_validate(
                {
                    "kind": kind,
                    "base_url": fakes.base_url(kind),
                    "api_key": api_key,
                    "timeout_seconds": TIMEOUT,
                    **({"embedding_model": "fake-embed"} if kind == ProviderKind.openai_compatible else {}),
                }
            ),
        )
    if routing is not None:
        await ai_settings.update_routing(session, workspace_id, AIRoutingUpdate(routing=routing))  # type: ignore[arg-type]
    await session.commit()
