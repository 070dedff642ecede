import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from imaradesk.ai import settings
from imaradesk.ai.repository import CallFilter
from imaradesk.ai.schemas import (
    AICallPage,
    AIConnectionTest,
    AIProviderCreate,
    AIProviderRead,
    AIProviderUpdate,
    AIRoutingRead,
    AIRoutingUpdate,
    Task,
)
from imaradesk.db.session import Session
from imaradesk.workspaces.dependencies import AdminActor, CurrentActor

router = APIRouter(prefix="/ai", tags=["ai"])


@router.get("/providers", response_model=list[AIProviderRead])
async def list_ai_providers(session: Session, actor: CurrentActor) -> list[AIProviderRead]:
    return await settings.list_providers(session, actor.workspace_id)


@router.post("/providers", response_model=AIProviderRead, status_code=status.HTTP_201_CREATED)
async def create_ai_provider(session: Session, actor: AdminActor, data: AIProviderCreate) -> AIProviderRead:
    return await settings.create_provider(session, actor.workspace_id, data)


@router.patch("/providers/{provider_id}", response_model=AIProviderRead)
async def update_ai_provider(
    session: Session, actor: AdminActor, provider_id: uuid.UUID, data: AIProviderUpdate
) -> AIProviderRead:
    return await settings.update_provider(session, actor.workspace_id, provider_id, data)


@router.delete("/providers/{provider_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_ai_provider(session: Session, actor: AdminActor, provider_id: uuid.UUID) -> None:
    await settings.delete_provider(session, actor.workspace_id, provider_id)


@router.post("/providers/{provider_id}/test", response_model=AIConnectionTest)
async def test_ai_provider(session: Session, actor: AdminActor, provider_id: uuid.UUID) -> AIConnectionTest:
    return await settings.test_provider(session, actor.workspace_id, provider_id)


@router.get("/routing", response_model=AIRoutingRead)
async def get_ai_routing(session: Session, actor: CurrentActor) -> AIRoutingRead:
    return await settings.get_routing(session, actor.workspace_id)


@router.put("/routing", response_model=AIRoutingRead)
async def update_ai_routing(session: Session, actor: AdminActor, data: AIRoutingUpdate) -> AIRoutingRead:
    return await settings.update_routing(session, actor.workspace_id, data)


@router.get("/calls", response_model=AICallPage)
async def list_ai_calls(
    session: Session,
    actor: AdminActor,
    task: Task | None = None,
    provider: Annotated[str | None, Query(max_length=32)] = None,
    outcome: Annotated[str | None, Query(max_length=40, description="ok, cache_hit or an error code")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> AICallPage:
    flt = CallFilter(task=task.value if task else None, provider=provider, outcome=outcome)
    return await settings.list_calls(session, actor.workspace_id, flt, limit=limit, offset=offset)
