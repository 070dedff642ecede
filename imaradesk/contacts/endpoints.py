import uuid
from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query

from imaradesk.contacts import service as contacts
from imaradesk.contacts.models import Contact
from imaradesk.contacts.schemas import ContactRead, ContactSummaryRead, ContactUpdate
from imaradesk.db.session import Session
from imaradesk.workspaces.dependencies import CurrentActor

router = APIRouter(tags=["contacts"])


@router.get("/contacts", response_model=list[ContactSummaryRead])
async def search_contacts(
    session: Session,
    actor: CurrentActor,
    q: Annotated[str, Query(max_length=200, description="Part of a name or number")] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Sequence[Contact]:
    return await contacts.search(session, actor.workspace_id, q.strip(), limit)


@router.get("/contacts/{contact_id}", response_model=ContactRead)
async def read_contact(session: Session, actor: CurrentActor, contact_id: uuid.UUID) -> ContactRead:
    return await contacts.read(session, actor.workspace_id, contact_id)


@router.patch("/contacts/{contact_id}", response_model=ContactRead)
async def update_contact(
    session: Session, actor: CurrentActor, contact_id: uuid.UUID, data: ContactUpdate
) -> ContactRead:
    return await contacts.update(session, actor.workspace_id, contact_id, data)
