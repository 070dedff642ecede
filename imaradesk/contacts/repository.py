from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, delete, func, or_, select

from imaradesk.contacts.models import Contact, ContactTag, Tag
from imaradesk.core.ids import new_id
from imaradesk.db.repository import WorkspaceRepository, insert_ignoring_conflicts

CONTACTS = cast(Table, Contact.__table__)


class ContactRepository(WorkspaceRepository[Contact]):
    model = Contact

    async def get_by_wa_id(self, wa_id: str, *, for_update: bool = False) -> Contact | None:
        statement = self.select().where(Contact.wa_id == wa_id)
        if for_update:
            statement = statement.with_for_update()  # serialises one contact's events on PostgreSQL
        return await self.first(statement)

    async def insert_if_absent(self, wa_id: str, profile_name: str) -> None:
        await self.session.execute(
            insert_ignoring_conflicts(self.session, CONTACTS).values(
                id=new_id(),
                workspace_id=self.workspace_id,
                wa_id=wa_id,
                name=profile_name,
                profile_name=profile_name,
            )
        )

    async def get_many(self, contact_ids: Sequence[uuid.UUID]) -> Sequence[Contact]:
        return await self.all(self.select().where(Contact.id.in_(contact_ids)))

    async def search(self, text: str, limit: int) -> Sequence[Contact]:
        pattern = f"%{text.lower()}%"
        return await self.all(
            self.select()
            .where(or_(func.lower(Contact.name).like(pattern), Contact.wa_id.like(pattern)))
            .order_by(Contact.name)
            .limit(limit)
        )


class TagRepository(WorkspaceRepository[Tag]):
    model = Tag

    async def get_by_names(self, names: Sequence[str]) -> Sequence[Tag]:
        return await self.all(self.select().where(Tag.name.in_(names)))

    async def names_for_contact(self, contact_id: uuid.UUID) -> list[str]:
        rows = await self.session.scalars(
            select(Tag.name)
            .join(ContactTag, ContactTag.tag_id == Tag.id)
            .where(ContactTag.workspace_id == self.workspace_id, ContactTag.contact_id == contact_id)
            .order_by(Tag.name)
        )
        return list(rows)

    async def replace_contact_tags(self, contact_id: uuid.UUID, tag_ids: Sequence[uuid.UUID]) -> None:
        await self.session.execute(
            delete(ContactTag).where(ContactTag.workspace_id == self.workspace_id, ContactTag.contact_id == contact_id)
        )
        for tag_id in tag_ids:
            self.session.add(ContactTag(workspace_id=self.workspace_id, contact_id=contact_id, tag_id=tag_id))
        await self.session.flush()
