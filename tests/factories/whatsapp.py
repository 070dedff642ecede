"""Builders for a connected number, a customer conversation and its messages."""

from __future__ import annotations

import uuid
from itertools import count
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.contacts import service as contacts
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import Conversation, Message
from imaradesk.core import clock
from imaradesk.whatsapp import numbers, templates
from imaradesk.whatsapp.models import Template, WhatsAppNumber
from imaradesk.whatsapp.schemas import NumberCreate, TemplateComponent, TemplateCreate
from tests.factories.workspaces import MemberHandle

APP_SECRET = "test-app-secret-0123456789"
ACCESS_TOKEN = "EAAG-test-access-token"
VERIFY_TOKEN = "verify-me-please"
_serial = count(1)


async def make_number(
    session: AsyncSession, settings: Settings, owner: MemberHandle, *, base_url: str = "http://graph.test"
) -> WhatsAppNumber:
    n = next(_serial)
    number = await numbers.create(
        session,
        settings,
        owner.workspace_id,
        NumberCreate(
            phone_number_id=f"1065403522{n:05d}",
            display_phone_number=f"+254 700 {n:06d}",
            waba_id=f"2000{n:08d}",
            access_token=ACCESS_TOKEN,
            app_secret=APP_SECRET,
            verify_token=VERIFY_TOKEN,
            graph_base_url=base_url,  # type: ignore[arg-type]
        ),
    )
    await session.commit()
    return number


async def make_conversation(
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
    *,
    wa_id: str | None = None,
    text: str = "Habari",
    team_id: uuid.UUID | None = None,
) -> tuple[Conversation, Message]:
    contact = await contacts.get_or_create(session, owner.workspace_id, wa_id or f"2547{next(_serial):08d}", "Amina")
    message = await conversations.receive_message(
        session,
        workspace_id=owner.workspace_id,
        number_id=number.id,
        team_id=team_id,
        contact=contact,
        wamid=f"wamid.{uuid.uuid4().hex}",
        kind="text",
        text=text,
        content={"body": text},
        media=None,
        context_wamid=None,
        at=clock.now(),
    )
    assert message is not None
    await session.commit()
    return await conversations.get(session, owner.workspace_id, message.conversation_id), message


async def make_template(
    session: AsyncSession,
    settings: Settings,
    owner: MemberHandle,
    *,
    status: str = "APPROVED",
    body: str = "Hi {{1}}, order {{2}} shipped.",
    components: list[TemplateComponent] | None = None,
    parameter_format: Literal["POSITIONAL", "NAMED"] = "POSITIONAL",
    category: Literal["MARKETING", "UTILITY", "AUTHENTICATION"] = "UTILITY",
) -> Template:
    template = await templates.create(
        session,
        settings,
        owner.workspace_id,
        TemplateCreate(
            name=f"order_update_{next(_serial)}",
            language="en",
            category=category,
            components=components or [TemplateComponent(type="BODY", text=body)],
            parameter_format=parameter_format,
            submit=False,
        ),
    )
    template.status = status
    await session.commit()
    return template
