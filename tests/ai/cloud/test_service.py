"""The orchestrator the inbox calls: fallback recorded in the calls table, cache, sticky language,
translation unavailable, summaries, embeddings; no transaction held while a vendor answers."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import calls, service
from imaradesk.ai import settings as ai_settings
from imaradesk.ai.cache import Cache, cache
from imaradesk.ai.models import AICacheEntry, AICall
from imaradesk.ai.router import AllProvidersFailed
from imaradesk.ai.schemas import ProviderKind, Task, Turn
from imaradesk.db.session import Database
from tests.ai.cloud.conftest import TIMEOUT, Fakes, StubLocal, configure
from tests.factories.workspaces import make_workspace
from tests.fakes.llm_server import CLASSIFICATION, OFF_SCHEMA, OUTAGE, RATE_LIMITED, Reply, slow

CLOUD = [ProviderKind.gemini, ProviderKind.openai, ProviderKind.anthropic]


def gemini_failures() -> float:
    labels = {"provider": "gemini", "task": "classification", "outcome": "provider_unavailable"}
    return REGISTRY.get_sample_value("imaradesk_ai_call_duration_seconds_count", labels) or 0.0


async def call_rows(session: AsyncSession) -> list[AICall]:
    await calls.drain()
    return list((await session.scalars(select(AICall).order_by(AICall.created_at))).all())


async def test_a_fallback_is_recorded_in_the_calls_table(
    session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    await configure(session, owner.workspace_id, fakes, CLOUD)
    fakes.gemini.script(OUTAGE)
    result = await service.understand_message(
        database, owner.workspace_id, "Where is my order?", previous_language=None
    )
    assert result.intent == "order_status" and result.intent_source.provider == "openai"
    rows = await call_rows(session)
    assert [(r.provider, r.outcome, r.is_fallback, r.fallback_from) for r in rows] == [
        ("gemini", "provider_unavailable", False, None),
        ("openai", "ok", True, "gemini"),
    ]
    answered = rows[1]
    assert answered.task == "classification" and answered.model == "gpt-4o"
    assert answered.input_tokens > 0 and answered.latency_ms > 0
    assert rows[0].error_message == "Gemini is failing (HTTP 503)"


async def test_all_cloud_down_uses_local_and_all_down_raises(
    session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    await configure(session, owner.workspace_id, fakes, CLOUD)
    for server in fakes.all():
        server.always(OUTAGE)
    result = await service.understand_message(database, owner.workspace_id, "hello there", previous_language=None)
    assert result.intent_source.provider == "local"
    summary = await service.summarize(database, owner.workspace_id, [Turn(role="customer", text="Order 7 is late")])
    assert summary.extractive and summary.source.provider == "local"
    with pytest.raises(AllProvidersFailed):
        await service.generate(database, owner.workspace_id, system="", prompt="hi")
    outcomes = [(r.task, r.provider, r.outcome) for r in await call_rows(session)]
    assert ("classification", "local", "ok") in outcomes
    assert ("generation", "anthropic", "provider_unavailable") in outcomes


async def test_without_any_configuration_the_local_provider_answers(
    session: AsyncSession, database: Database, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    result = await service.understand_message(database, owner.workspace_id, "hi", previous_language=None)
    assert result.intent_source.provider == "local"


class TestCache:
    async def test_a_repeat_makes_no_model_call_even_after_a_restart(
        self,
        session: AsyncSession,
        database: Database,
        fakes: Fakes,
        local: StubLocal,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, CLOUD)
        first = await service.understand_message(
            database, owner.workspace_id, "Where is my order?", previous_language=None
        )
        assert len(fakes.gemini.requests) == 1
        again = await service.understand_message(
            database, owner.workspace_id, "  where IS my   order? ", previous_language=None
        )
        assert len(fakes.gemini.requests) == 1, "served from the in-memory front"
        assert again.intent == first.intent and again.usage.input_tokens == 0
        await calls.drain()  # hit rows are written in the background; tests share one connection
        restarted = Cache()  # a restart: a new cache object with nothing in memory, the same table
        monkeypatch.setattr(service, "cache", restarted)
        monkeypatch.setattr(calls, "cache", restarted)
        ai_settings.forget()
        after_restart = await service.understand_message(
            database, owner.workspace_id, "Where is my order?", previous_language=None
        )
        assert len(fakes.gemini.requests) == 1, "served from the table"
        assert after_restart.intent == first.intent
        assert local.calls == []
        rows = await call_rows(session)
        assert [(r.provider, r.outcome) for r in rows] == [
            ("gemini", "ok"),
            ("gemini", "cache_hit"),
            ("gemini", "cache_hit"),
        ]

    async def test_only_a_successful_answer_is_cached(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, [ProviderKind.gemini, ProviderKind.openai])
        fakes.gemini.script(OFF_SCHEMA)
        await service.understand_message(database, owner.workspace_id, "refund please", previous_language=None)
        entries = (await session.scalars(select(AICacheEntry))).all()
        assert [(e.provider, e.task) for e in entries] == [("openai", "classification")]
        await service.understand_message(database, owner.workspace_id, "refund please", previous_language=None)
        assert (len(fakes.gemini.requests), len(fakes.openai.requests)) == (1, 1)

    async def test_cache_is_per_workspace(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        a = await make_workspace(session, "A")
        b = await make_workspace(session, "B")
        await configure(session, a.workspace_id, fakes, [ProviderKind.openai])
        await configure(session, b.workspace_id, fakes, [ProviderKind.openai])
        await service.understand_message(database, a.workspace_id, "hello", previous_language=None)
        await service.understand_message(database, b.workspace_id, "hello", previous_language=None)
        assert len(fakes.openai.requests) == 2

    async def test_embeddings_are_cached_as_float32(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, [ProviderKind.anthropic, ProviderKind.openai])
        first = await service.embed(database, owner.workspace_id, ["hello", "habari yako"])
        assert first.model == "text-embedding-3-small" and first.vectors.shape == (2, 8)
        assert fakes.anthropic.requests == [], "Anthropic has no embeddings: skipped silently"
        cache.clear_front()
        again = await service.embed(database, owner.workspace_id, ["hello", "habari yako"])
        assert len(fakes.openai.requests) == 1
        assert again.vectors.dtype == np.float32 and np.array_equal(again.vectors, first.vectors)
        await calls.drain()
        entry = (await session.scalars(select(AICacheEntry).limit(1))).one()
        assert len(entry.value) == 8 * 4

    async def test_offline_embeddings_are_cached_with_their_model_name(
        self, session: AsyncSession, database: Database, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        first = await service.embed(database, owner.workspace_id, ["hello", "habari"])
        front = await service.embed(database, owner.workspace_id, ["hello", "habari"])
        await calls.drain()  # hit rows are written in the background; tests share one connection
        cache.clear_front()
        table = await service.embed(database, owner.workspace_id, ["hello", "habari"])
        assert local.calls == [Task.embedding]
        assert first.model == front.model == table.model == "stub-embedder-v1"
        assert np.array_equal(first.vectors, table.vectors)

    async def test_a_front_hit_touches_neither_model_nor_database(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        """How fast a hit is belongs to `imaradesk bench ai`; here: a hit answers before any database trip."""
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, [ProviderKind.openai])
        first = await service.understand_message(
            database, owner.workspace_id, "Where is my order?", previous_language=None
        )

        class NoDatabase:
            def unit_of_work(self):  # type: ignore[no-untyped-def]
                raise AssertionError("a front hit must not open a unit of work before answering")

        hit = await service.understand_message(
            NoDatabase(),  # type: ignore[arg-type]
            owner.workspace_id,
            "Where is my order?",
            previous_language=None,
        )
        assert hit.intent == first.intent
        assert len(fakes.openai.requests) == 1
        await calls.drain()  # the hit's log row fails to write here, which is logged and never raised


async def test_sticky_language_keeps_the_conversation_language_on_short_messages(
    session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    await configure(session, owner.workspace_id, fakes, [ProviderKind.openai])
    fakes.openai.always(Reply(payload={**CLASSIFICATION, "language": "fr", "language_confidence": 0.35}))
    kept = await service.understand_message(database, owner.workspace_id, "ok merci", previous_language="sw")
    assert kept.language == "sw" and kept.language_source.method == "sticky_language"
    fakes.openai.always(Reply(payload={**CLASSIFICATION, "language": "fr", "language_confidence": 0.95}))
    switched = await service.understand_message(
        database, owner.workspace_id, "Bonjour, où est ma commande numéro 12 ?", previous_language="sw"
    )
    assert switched.language == "fr"


class TestTranslate:
    async def test_translates_with_the_first_healthy_provider(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, CLOUD)
        fakes.gemini.script(RATE_LIMITED)
        result = await service.translate(
            database, owner.workspace_id, "Où est ma commande ?", target_language="en", source_language="fr"
        )
        assert result.text == "Where is my order?" and result.source.provider == "openai"

    async def test_offline_only_is_a_plain_error(
        self, session: AsyncSession, database: Database, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        with pytest.raises(service.TranslationUnavailable, match="offline provider cannot translate") as raised:
            await service.translate(database, owner.workspace_id, "Habari", target_language="en", source_language=None)
        assert raised.value.code == "translation_unavailable"

    async def test_every_provider_down_names_each_failure(
        self, session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
    ) -> None:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, [ProviderKind.gemini, ProviderKind.openai])
        fakes.gemini.always(OUTAGE)
        fakes.openai.always(slow(TIMEOUT + 1.5))
        with pytest.raises(service.TranslationUnavailable) as raised:
            await service.translate(database, owner.workspace_id, "Habari", target_language="en", source_language="sw")
        assert "gemini: Gemini is failing (HTTP 503)" in raised.value.message
        assert f"openai: OpenAI did not answer within {TIMEOUT:g} s" in raised.value.message


async def test_the_routing_order_is_the_workspaces(
    session: AsyncSession, database: Database, fakes: Fakes, local: StubLocal
) -> None:
    owner = await make_workspace(session)
    await configure(session, owner.workspace_id, fakes, CLOUD, routing={Task.classification: ["anthropic", "gemini"]})
    result = await service.understand_message(database, owner.workspace_id, "hi", previous_language=None)
    assert result.intent_source.provider == "anthropic"
    summary = await service.summarize(database, owner.workspace_id, [Turn(role="customer", text="hi")])
    assert summary.source.provider == "gemini", "other tasks keep the default order"


@pytest.mark.committed
async def test_no_transaction_is_held_while_a_vendor_answers(
    committed_database: Database, fakes: Fakes, local: StubLocal
) -> None:
    """SQLite has one pooled writer connection: another writer must get it during a slow vendor call."""
    async with committed_database.unit_of_work() as session:
        owner = await make_workspace(session)
        await configure(session, owner.workspace_id, fakes, [ProviderKind.openai])
    fakes.openai.script(slow(TIMEOUT - 0.5))
    understanding = asyncio.create_task(
        service.understand_message(committed_database, owner.workspace_id, "slow one", previous_language=None)
    )
    while not fakes.openai.requests:  # the vendor has the request: the service is waiting on it
        await asyncio.sleep(0.01)
    async with committed_database.unit_of_work() as session:
        await session.execute(text("SELECT 1"))  # BEGIN IMMEDIATE on SQLite: needs the one connection
    assert not understanding.done(), "the unit of work got the connection while the vendor was still answering"
    await understanding
    await calls.close(committed_database)


async def test_the_real_offline_provider_is_the_last_resort(
    session: AsyncSession, database: Database, fakes: Fakes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default factory builds providers/local.py with the workspace's phrases merged over its own."""
    from imaradesk.ai.embeddings import HashEmbedder
    from imaradesk.ai.providers import local as local_module
    from imaradesk.ai.providers import registry

    monkeypatch.setattr(local_module, "default_embedder", HashEmbedder)  # the plumbing, not the model
    ai_settings.install_local_factory(registry.default_local_provider)
    owner = await make_workspace(session)
    await configure(session, owner.workspace_id, fakes, [ProviderKind.gemini])
    fakes.gemini.always(OUTAGE)
    result = await service.understand_message(
        database, owner.workspace_id, "Where is my order? It has not arrived", previous_language=None
    )
    assert result.intent_source.provider == "local"
    assert result.language == "en"
    summary = await service.summarize(database, owner.workspace_id, [Turn(role="customer", text="Order 12 is late")])
    assert summary.extractive and summary.source.provider == "local"
    with pytest.raises(service.TranslationUnavailable):
        await service.translate(database, owner.workspace_id, "Habari", target_language="en", source_language="sw")
    merged = registry.default_local_provider({"order_status": ["Iko wapi mzigo wangu?"]})
    assert merged is not None and merged.name == "local"
