import uuid
from datetime import datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse

from imaradesk.conversations import assist, inbox
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import ConversationStatus
from imaradesk.conversations.repository import ConversationFilter
from imaradesk.conversations.schemas import (
    AssignmentUpdate,
    ConversationPage,
    ConversationRead,
    DraftTranslationCreate,
    DraftTranslationRead,
    MessageRead,
    StatusUpdate,
    SummaryRead,
    TagsUpdate,
)
from imaradesk.core.app_state import AppSettings
from imaradesk.core.storage import create_storage
from imaradesk.db.session import Session, get_database
from imaradesk.workspaces.dependencies import CurrentActor, get_actor

router = APIRouter(tags=["inbox"])


@router.get("/conversations", response_model=ConversationPage)
async def list_conversations(
    session: Session,
    actor: CurrentActor,
    status: ConversationStatus | None = None,
    assignee_id: uuid.UUID | None = None,
    unassigned: bool = False,
    mine: Annotated[bool, Query(description="Only conversations assigned to me")] = False,
    team_id: uuid.UUID | None = None,
    tag: str | None = None,
    unread: bool = False,
    number_id: uuid.UUID | None = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Search contact names, numbers and message text")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    before: datetime | None = None,
) -> ConversationPage:
    flt = ConversationFilter(
        status=status,
        assignee_id=actor.membership_id if mine else assignee_id,
        unassigned=unassigned,
        team_id=team_id,
        tag=tag,
        unread=unread,
        number_id=number_id,
        search=q.strip() if q and q.strip() else None,
    )
    return await inbox.list_conversations(session, actor.workspace_id, flt, limit=limit, before=before)


@router.get("/conversations/{conversation_id}", response_model=ConversationRead)
async def read_conversation(session: Session, actor: CurrentActor, conversation_id: uuid.UUID) -> ConversationRead:
    return await inbox.read_conversation(session, actor.workspace_id, conversation_id)


@router.get("/conversations/{conversation_id}/messages", response_model=list[MessageRead])
async def list_messages(
    session: Session,
    actor: CurrentActor,
    conversation_id: uuid.UUID,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
    before: datetime | None = None,
) -> list[MessageRead]:
    return await inbox.list_messages(session, actor.workspace_id, conversation_id, limit=limit, before=before)


@router.get("/conversations/{conversation_id}/messages/{message_id}/media")
async def download_media(
    session: Session,
    settings: AppSettings,
    actor: CurrentActor,
    conversation_id: uuid.UUID,
    message_id: uuid.UUID,
) -> Response:
    stored, data = await inbox.media_of(
        session, create_storage(settings), actor.workspace_id, conversation_id, message_id
    )
    disposition = f"inline; filename*=UTF-8''{quote(stored.original_name)}"
    return Response(
        data,
        media_type=stored.content_type or "application/octet-stream",
        headers={"Content-Disposition": disposition, "X-Content-Type-Options": "nosniff"},
    )


@router.post("/conversations/{conversation_id}/assignment", response_model=ConversationRead)
async def assign(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, data: AssignmentUpdate
) -> ConversationRead:
    await conversations.assign(
        session, actor.workspace_id, conversation_id, assignee_id=data.assignee_id, team_id=data.team_id
    )
    return await inbox.read_conversation(session, actor.workspace_id, conversation_id)


@router.post("/conversations/{conversation_id}/status", response_model=ConversationRead)
async def set_status(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, data: StatusUpdate
) -> ConversationRead:
    await conversations.set_status(session, actor.workspace_id, conversation_id, data.status, data.snoozed_until)
    return await inbox.read_conversation(session, actor.workspace_id, conversation_id)


@router.put("/conversations/{conversation_id}/tags", response_model=ConversationRead)
async def set_tags(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, data: TagsUpdate
) -> ConversationRead:
    await conversations.set_tags(session, actor.workspace_id, conversation_id, data.tags)
    return await inbox.read_conversation(session, actor.workspace_id, conversation_id)


@router.post("/conversations/{conversation_id}/read", response_model=ConversationRead)
async def mark_read(session: Session, actor: CurrentActor, conversation_id: uuid.UUID) -> ConversationRead:
    await conversations.mark_read(session, actor.workspace_id, conversation_id)
    return await inbox.read_conversation(session, actor.workspace_id, conversation_id)


@router.get(
    "/inbox/events",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Server-sent events"}},
)
async def inbox_events(request: Request, settings: AppSettings) -> StreamingResponse:
    """Server-sent events: message.created, message.updated, conversation.updated, templates.changed."""
    # Authenticate in a short unit of work: a Session dependency would stay open (and, on SQLite,
    # hold the write lock) for as long as the stream lives.
    async with get_database(request).unit_of_work() as session:
        actor = await get_actor(request, session, settings)
    return StreamingResponse(
        inbox.event_stream(actor.workspace_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.post("/conversations/{conversation_id}/translate", response_model=DraftTranslationRead)
async def translate_draft(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, data: DraftTranslationCreate
) -> DraftTranslationRead:
    """Translate the agent's draft into the customer's language (needs an AI provider that can translate)."""
    return await assist.translate_draft(session, actor.workspace_id, conversation_id, data.text)


@router.post("/conversations/{conversation_id}/messages/{message_id}/translation", response_model=MessageRead)
async def translate_message(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, message_id: uuid.UUID
) -> MessageRead:
    """Translate a customer's message into the workspace language again (e.g. after adding a provider key)."""
    return await assist.retranslate_message(session, actor.workspace_id, conversation_id, message_id)


@router.post("/conversations/{conversation_id}/summary", response_model=SummaryRead)
async def summarize_conversation(session: Session, actor: CurrentActor, conversation_id: uuid.UUID) -> SummaryRead:
    """A ticket-shaped summary: generated by a provider, or quoted from the conversation offline."""
    return await assist.summarize(session, actor.workspace_id, conversation_id)
