"""Contacts: get-or-create by WhatsApp id, tags, custom fields, marketing consent."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.contacts.models import Contact, Tag
from imaradesk.contacts.opt_out import ConsentChange
from imaradesk.contacts.repository import ContactRepository, TagRepository
from imaradesk.contacts.schemas import ContactRead, ContactUpdate
from imaradesk.core import clock
from imaradesk.core.errors import FieldInvalid
from imaradesk.core.ids import new_id


async def get_or_create(session: AsyncSession, workspace_id: uuid.UUID, wa_id: str, profile_name: str = "") -> Contact:
    """The contact row, locked for this transaction on PostgreSQL so one contact's events run one at a time."""
    contacts = ContactRepository(session, workspace_id)
    contact = await contacts.get_by_wa_id(wa_id, for_update=True)
    if contact is None:
        await contacts.insert_if_absent(wa_id, profile_name)
        contact = await contacts.get_by_wa_id(wa_id, for_update=True)
    assert contact is not None
    if profile_name and contact.profile_name != profile_name:
        contact.profile_name = profile_name
        contact.name = contact.name or profile_name
    return contact


async def get(session: AsyncSession, workspace_id: uuid.UUID, contact_id: uuid.UUID) -> Contact:
    return await ContactRepository(session, workspace_id).get_or_404(contact_id, "contact")


async def read(session: AsyncSession, workspace_id: uuid.UUID, contact_id: uuid.UUID) -> ContactRead:
    contact = await get(session, workspace_id, contact_id)
    tags = await TagRepository(session, workspace_id).names_for_contact(contact.id)
    return ContactRead.model_validate({**_columns(contact), "tags": tags})


def _columns(contact: Contact) -> dict[str, object]:
    return {c: getattr(contact, c) for c in ContactRead.model_fields if c != "tags"}


async def ensure_tags(session: AsyncSession, workspace_id: uuid.UUID, names: Sequence[str]) -> list[Tag]:
    cleaned = list(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    for name in cleaned:
        if len(name) > 60:
            raise FieldInvalid("tags", f"Tag {name[:20]!r}… is longer than 60 characters.")
    tags = TagRepository(session, workspace_id)
    found = {t.name: t for t in await tags.get_by_names(cleaned)}
    for name in cleaned:
        if name not in found:
            found[name] = tags.add(Tag(id=new_id(), name=name))
    await tags.flush()
    return [found[name] for name in cleaned]


async def update(
    session: AsyncSession, workspace_id: uuid.UUID, contact_id: uuid.UUID, data: ContactUpdate
) -> ContactRead:
    contact = await get(session, workspace_id, contact_id)
    if data.name is not None:
        contact.name = data.name
    if data.custom_fields is not None:
        contact.custom_fields = {k: v for k, v in data.custom_fields.items() if v is not None}
    if data.tags is not None:
        tags = await ensure_tags(session, workspace_id, data.tags)
        await TagRepository(session, workspace_id).replace_contact_tags(contact.id, [t.id for t in tags])
    if data.opted_out_marketing is not None:
        change = ConsentChange.opted_out if data.opted_out_marketing else ConsentChange.opted_in
        apply_consent(contact, change, source="agent")
    await session.flush()
    return await read(session, workspace_id, contact.id)


def apply_consent(contact: Contact, change: ConsentChange, *, source: str) -> bool:
    """Record an opt-out or opt-in; False when it changes nothing."""
    opted_out = change == ConsentChange.opted_out
    if contact.opted_out_marketing == opted_out:
        return False
    contact.opted_out_marketing = opted_out
    contact.opted_out_at = clock.now() if opted_out else None
    contact.opt_out_source = source if opted_out else None
    return True


async def search(session: AsyncSession, workspace_id: uuid.UUID, text: str, limit: int = 20) -> Sequence[Contact]:
    return await ContactRepository(session, workspace_id).search(text, limit)


async def get_many(
    session: AsyncSession, workspace_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Contact]:
    found = await ContactRepository(session, workspace_id).get_many(list(dict.fromkeys(contact_ids)))
    return {c.id: c for c in found}
