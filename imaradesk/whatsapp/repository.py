from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, select

from imaradesk.db.repository import Repository, WorkspaceRepository, insert_ignoring_conflicts
from imaradesk.whatsapp.models import RejectedWebhook, Template, WebhookEvent, WhatsAppNumber


class NumberRepository(WorkspaceRepository[WhatsAppNumber]):
    model = WhatsAppNumber

    async def list_ordered(self) -> Sequence[WhatsAppNumber]:
        return await self.all(self.select().order_by(WhatsAppNumber.created_at))


class NumberLookupRepository(Repository[WhatsAppNumber]):
    """Finds a number before we know the workspace: the webhook names it by phone-number or WABA id."""

    model = WhatsAppNumber

    async def by_phone_number_ids(self, ids: Sequence[str]) -> Sequence[WhatsAppNumber]:
        return await self.all(select(WhatsAppNumber).where(WhatsAppNumber.phone_number_id.in_(ids)))

    async def by_waba_ids(self, ids: Sequence[str]) -> Sequence[WhatsAppNumber]:
        return await self.all(select(WhatsAppNumber).where(WhatsAppNumber.waba_id.in_(ids)))

    async def phone_number_id_taken(self, phone_number_id: str) -> bool:
        return (
            await self.first(select(WhatsAppNumber).where(WhatsAppNumber.phone_number_id == phone_number_id))
            is not None
        )


EVENTS = cast(Table, WebhookEvent.__table__)


class WebhookEventRepository(Repository[WebhookEvent]):
    model = WebhookEvent

    async def insert_new(self, rows: list[dict[str, Any]]) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """Insert events whose dedupe key is new; returns (event id, workspace id) of the inserted ones."""
        if not rows:
            return []
        # executemany form: one cached statement, batched by the driver ("insertmanyvalues").
        statement = insert_ignoring_conflicts(self.session, EVENTS, returning=("id", "workspace_id"))
        return [(row[0], row[1]) for row in (await self.session.execute(statement, rows)).all()]


class RejectedWebhookRepository(Repository[RejectedWebhook]):
    model = RejectedWebhook

    async def latest_for(self, workspace_id: uuid.UUID, limit: int) -> Sequence[RejectedWebhook]:
        return await self.all(
            select(RejectedWebhook)
            .where(RejectedWebhook.workspace_id == workspace_id)
            .order_by(RejectedWebhook.received_at.desc())
            .limit(limit)
        )


class TemplateRepository(WorkspaceRepository[Template]):
    model = Template

    async def list_ordered(self) -> Sequence[Template]:
        return await self.all(self.select().order_by(Template.name, Template.language))

    async def get_by_name(self, name: str, language: str) -> Template | None:
        return await self.first(self.select().where(Template.name == name, Template.language == language))


class TemplateLookupRepository(Repository[Template]):
    model = Template

    async def by_meta_id_or_name(
        self, waba_ids: Sequence[str], meta_id: str | None, name: str, language: str
    ) -> Template | None:
        statement = select(Template).where(Template.waba_id.in_(waba_ids))
        if meta_id:
            found = await self.first(statement.where(Template.meta_id == meta_id))
            if found is not None:
                return found
        return await self.first(statement.where(Template.name == name, Template.language == language))
