import uuid
from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile, status

from imaradesk.conversations.schemas import MessageCreate, MessageRead
from imaradesk.conversations.views import message_read
from imaradesk.core.app_state import AppSettings
from imaradesk.db.session import Session
from imaradesk.whatsapp import jobs as whatsapp_jobs
from imaradesk.whatsapp import numbers, outbound, templates
from imaradesk.whatsapp import service as whatsapp
from imaradesk.whatsapp.models import RejectedWebhook
from imaradesk.whatsapp.schemas import (
    NumberCreate,
    NumberRead,
    NumberTestResult,
    NumberUpdate,
    RejectedWebhookRead,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
    TypingRead,
)
from imaradesk.workspaces.dependencies import AdminActor, CurrentActor

router = APIRouter(tags=["whatsapp"])


@router.get("/whatsapp/numbers", response_model=list[NumberRead])
async def list_numbers(session: Session, settings: AppSettings, actor: CurrentActor) -> list[NumberRead]:
    return [numbers.read(n, settings) for n in await numbers.list_numbers(session, actor.workspace_id)]


@router.post("/whatsapp/numbers", response_model=NumberRead, status_code=status.HTTP_201_CREATED)
async def create_number(session: Session, settings: AppSettings, actor: AdminActor, data: NumberCreate) -> NumberRead:
    return numbers.read(await numbers.create(session, settings, actor.workspace_id, data), settings)


@router.patch("/whatsapp/numbers/{number_id}", response_model=NumberRead)
async def update_number(
    session: Session, settings: AppSettings, actor: AdminActor, number_id: uuid.UUID, data: NumberUpdate
) -> NumberRead:
    return numbers.read(await numbers.update(session, settings, actor.workspace_id, number_id, data), settings)


@router.delete("/whatsapp/numbers/{number_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_number(session: Session, actor: AdminActor, number_id: uuid.UUID) -> None:
    await numbers.delete(session, actor.workspace_id, number_id)


@router.post("/whatsapp/numbers/{number_id}/test", response_model=NumberTestResult)
async def test_number(
    session: Session, settings: AppSettings, actor: AdminActor, number_id: uuid.UUID
) -> NumberTestResult:
    return await numbers.test_connection(session, settings, actor.workspace_id, number_id)


@router.get("/whatsapp/rejected-webhooks", response_model=list[RejectedWebhookRead])
async def list_rejected_webhooks(session: Session, actor: AdminActor) -> Sequence[RejectedWebhook]:
    return await whatsapp.rejected_webhooks(session, actor.workspace_id)


@router.get("/whatsapp/templates", response_model=list[TemplateRead])
async def list_templates(session: Session, actor: CurrentActor) -> list[TemplateRead]:
    return [templates.read(t) for t in await templates.list_templates(session, actor.workspace_id)]


@router.post("/whatsapp/templates", response_model=TemplateRead, status_code=status.HTTP_201_CREATED)
async def create_template(
    session: Session, settings: AppSettings, actor: AdminActor, data: TemplateCreate
) -> TemplateRead:
    return templates.read(await templates.create(session, settings, actor.workspace_id, data))


@router.patch("/whatsapp/templates/{template_id}", response_model=TemplateRead)
async def update_template(
    session: Session, actor: AdminActor, template_id: uuid.UUID, data: TemplateUpdate
) -> TemplateRead:
    return templates.read(await templates.update(session, actor.workspace_id, template_id, data))


@router.delete("/whatsapp/templates/{template_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_template(session: Session, actor: AdminActor, template_id: uuid.UUID) -> None:
    await templates.delete(session, actor.workspace_id, template_id)


@router.post("/whatsapp/templates/sync", response_model=list[TemplateRead])
async def sync_templates(session: Session, settings: AppSettings, actor: AdminActor) -> list[TemplateRead]:
    await templates.sync(session, settings, actor.workspace_id)
    return [templates.read(t) for t in await templates.list_templates(session, actor.workspace_id)]


@router.post(
    "/conversations/{conversation_id}/attachments", response_model=MessageRead, status_code=status.HTTP_201_CREATED
)
async def send_attachment(
    session: Session,
    settings: AppSettings,
    actor: CurrentActor,
    conversation_id: uuid.UUID,
    file: Annotated[UploadFile, File(description="Image, audio, video, document or sticker")],
    caption: Annotated[str, Form(max_length=1024)] = "",
) -> MessageRead:
    message = await outbound.send_attachment(
        session,
        settings,
        actor.workspace_id,
        conversation_id,
        actor.membership_id,
        data=await file.read(),
        mime_type=file.content_type or "application/octet-stream",
        filename=file.filename or "file",
        caption=caption,
    )
    return message_read(message)


@router.post(
    "/conversations/{conversation_id}/messages",
    response_model=MessageRead,
    status_code=status.HTTP_201_CREATED,
)
async def send_message(
    session: Session, actor: CurrentActor, conversation_id: uuid.UUID, data: MessageCreate
) -> MessageRead:
    message = await outbound.send_from_inbox(session, actor.workspace_id, conversation_id, actor.membership_id, data)
    return message_read(message)


@router.post("/conversations/{conversation_id}/typing", response_model=TypingRead, status_code=status.HTTP_202_ACCEPTED)
async def show_typing(session: Session, actor: CurrentActor, conversation_id: uuid.UUID) -> TypingRead:
    """The agent started typing: the customer sees 'typing…' for up to 25 s (sent in the background).

    The web app calls this at most every 20 s per conversation while the agent types.
    """
    return TypingRead(shown=await whatsapp_jobs.queue_typing(session, actor.workspace_id, conversation_id))
