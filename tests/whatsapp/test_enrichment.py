"""Every customer text is understood (intent, sentiment, language) and, when a provider can, translated.

The offline labels come from the real local provider; translation goes through the real OpenAI SDK
client to the in-repo fake vendor.
"""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai import settings as ai_settings
from imaradesk.ai.providers import registry
from imaradesk.ai.schemas import ProviderKind, Task
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.whatsapp.models import WhatsAppNumber
from tests.ai.cloud.conftest import Fakes, _clean_ai_state, _servers, configure, fakes  # noqa: F401 (fixtures)
from tests.factories.workspaces import MemberHandle, sign_in
from tests.fakes.llm_server import OUTAGE, TRANSLATION, Reply
from tests.whatsapp.payloads import message_value, text_message
from tests.whatsapp.test_processing import post

SWAHILI_ORDER = "Habari, oda yangu iko wapi? Nimesubiri siku tano sasa."


async def receive(client: httpx.AsyncClient, database: Database, number: WhatsAppNumber, *texts: str) -> list[dict]:
    for text in texts:
        await post(client, number, message_value(number.phone_number_id, text_message(text)))
    await drain_jobs(database)
    return await thread(client)


async def thread(client: httpx.AsyncClient) -> list[dict]:
    conversations = (await client.get("/api/v1/conversations")).json()["items"]
    assert len(conversations) == 1
    response = await client.get(f"/api/v1/conversations/{conversations[0]['id']}/messages")
    return [m for m in response.json() if m["direction"] == "inbound"]


@pytest.fixture(autouse=True)
def _real_local_provider(_clean_ai_state: None) -> None:  # noqa: F811 (the imported fixture, requested first)
    ai_settings.install_local_factory(registry.default_local_provider)


@pytest.fixture
async def agent(client: httpx.AsyncClient, owner: MemberHandle) -> httpx.AsyncClient:
    return await sign_in(client, owner)


async def test_a_swahili_message_is_labelled_offline_and_says_plainly_it_is_not_translated(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    (message,) = await receive(agent, database, number, SWAHILI_ORDER)
    insight = message["insight"]
    assert insight["language"] == "sw"
    assert insight["intent"] == "order_status"
    assert -1 <= insight["sentiment"] <= 1
    assert 0 < insight["intent_confidence"] <= 1
    assert {source["provider"] for source in insight["sources"].values()} == {"local"}
    translation = message["translation"]
    assert translation["status"] == "unavailable"
    assert translation["text"] is None
    assert "offline" in translation["reason"]


async def test_short_replies_keep_the_language_of_the_conversation(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    first, second = await receive(agent, database, number, SWAHILI_ORDER, "asante")
    assert first["insight"]["language"] == "sw"
    assert second["insight"]["language"] == "sw"


async def test_an_english_message_needs_no_translation(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    (message,) = await receive(agent, database, number, "I want my money back, the blender arrived broken!")
    assert message["insight"]["language"] == "en"
    assert message["insight"]["intent"] == "refund_return"
    assert message["insight"]["sentiment"] < 0
    assert message["translation"] is None


async def test_media_without_a_caption_is_left_unlabelled(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    image = {**text_message(""), "type": "image", "image": {"id": "1234567890", "mime_type": "image/jpeg"}}
    image.pop("text")
    await post(agent, number, message_value(number.phone_number_id, image))
    await drain_jobs(database)
    (message,) = await thread(agent)
    assert message["insight"] is None


async def test_with_a_provider_the_agent_reads_the_message_in_the_workspace_language(
    agent: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    number: WhatsAppNumber,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811 (the imported fixture)
) -> None:
    await configure(
        session,
        owner.workspace.id,
        fakes,
        [ProviderKind.openai],
        routing={Task.classification: ["local"], Task.translation: ["openai"]},
    )
    (message,) = await receive(agent, database, number, SWAHILI_ORDER)
    assert message["insight"]["language"] == "sw"
    assert message["translation"] == {
        "status": "translated",
        "language": "en",
        "text": TRANSLATION["text"],
        "provider": "openai",
        "model": "gpt-4o",
        "reason": None,
    }


async def test_labels_still_arrive_when_every_cloud_provider_is_down(
    agent: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    number: WhatsAppNumber,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811 (the imported fixture)
) -> None:
    await configure(session, owner.workspace.id, fakes, [ProviderKind.openai, ProviderKind.anthropic])
    fakes.openai.always(OUTAGE)
    fakes.anthropic.always(OUTAGE)
    (message,) = await receive(agent, database, number, SWAHILI_ORDER)
    assert message["insight"]["intent"] == "order_status"
    assert message["insight"]["sources"]["intent"]["provider"] == "local"
    assert message["translation"]["status"] == "unavailable"
    assert "every configured provider" in message["translation"]["reason"]


async def test_an_agent_draft_is_translated_into_the_customers_language(
    agent: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    number: WhatsAppNumber,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811 (the imported fixture)
) -> None:
    (message,) = await receive(agent, database, number, SWAHILI_ORDER)
    url = f"/api/v1/conversations/{message['conversation_id']}/translate"
    offline = await agent.post(url, json={"text": "Your order leaves today."})
    assert offline.status_code == 503
    assert offline.json()["code"] == "translation_unavailable"
    assert "offline provider cannot translate" in offline.json()["message"]

    await configure(session, owner.workspace.id, fakes, [ProviderKind.openai])
    fakes.openai.script(Reply(payload={"text": "Oda yako inaondoka leo.", "source_language": "en"}))
    translated = await agent.post(url, json={"text": "Your order leaves today."})
    assert translated.status_code == 200, translated.text
    assert translated.json()["text"] == "Oda yako inaondoka leo."
    assert translated.json()["target_language"] == "sw"


async def test_a_draft_cannot_be_translated_before_the_customer_wrote_a_sentence(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    (message,) = await receive(agent, database, number, "👍")
    response = await agent.post(
        f"/api/v1/conversations/{message['conversation_id']}/translate", json={"text": "Thanks!"}
    )
    assert response.status_code == 409
    assert response.json()["code"] in ("customer_language_unknown", "nothing_to_translate")


async def test_an_offline_summary_is_quoted_and_says_so(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber
) -> None:
    (message,) = await receive(
        agent, database, number, "My order 1042 has not arrived. I paid by M-Pesa on Monday and nobody answers."
    )
    response = await agent.post(f"/api/v1/conversations/{message['conversation_id']}/summary")
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["extractive"] is True
    assert summary["provider"] == "local"
    assert "1042" in summary["title"] + summary["description"]


async def test_open_inboxes_learn_the_labels_and_the_customers_language_live(
    agent: httpx.AsyncClient, database: Database, number: WhatsAppNumber, owner: MemberHandle
) -> None:
    import asyncio

    from imaradesk.conversations.live import channel_for
    from imaradesk.core.realtime import MemoryBroker, install_broker

    broker = MemoryBroker()
    install_broker(broker)
    async with broker.subscribe(channel_for(owner.workspace.id)) as events:
        await receive(agent, database, number, SWAHILI_ORDER)
        seen = []
        while True:
            try:
                seen.append(await asyncio.wait_for(anext(events), timeout=1))
            except TimeoutError:
                break
    labelled = [e["data"] for e in seen if e["type"] == "message.updated" and e["data"]["message"]["insight"]]
    assert labelled, [e["type"] for e in seen]
    assert labelled[0]["message"]["insight"]["language"] == "sw"
    assert labelled[0]["conversation"]["language"] == "sw"
