from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select

from imaradesk.contacts.models import Contact, Tag
from imaradesk.conversations.models import (
    Conversation,
    ConversationStatus,
    ConversationTag,
    Direction,
    Message,
)
from imaradesk.db.repository import Repository, WorkspaceRepository
from imaradesk.workspaces.models import Availability, Membership, TeamMember


@dataclass(frozen=True)
class ConversationFilter:
    status: ConversationStatus | None = None
    assignee_id: uuid.UUID | None = None
    unassigned: bool = False
    team_id: uuid.UUID | None = None
    tag: str | None = None
    unread: bool = False
    number_id: uuid.UUID | None = None
    search: str | None = None


class ConversationRepository(WorkspaceRepository[Conversation]):
    model = Conversation

    async def get_for_contact(self, contact_id: uuid.UUID, number_id: uuid.UUID) -> Conversation | None:
        return await self.first(
            self.select().where(Conversation.contact_id == contact_id, Conversation.number_id == number_id)
        )

    async def page(self, flt: ConversationFilter, *, limit: int, before: datetime | None) -> Sequence[Conversation]:
        statement = self.select()
        if flt.status is not None:
            statement = statement.where(Conversation.status == flt.status)
        if flt.assignee_id is not None:
            statement = statement.where(Conversation.assignee_id == flt.assignee_id)
        if flt.unassigned:
            statement = statement.where(Conversation.assignee_id.is_(None))
        if flt.team_id is not None:
            statement = statement.where(Conversation.team_id == flt.team_id)
        if flt.unread:
            statement = statement.where(Conversation.unread_count > 0)
        if flt.number_id is not None:
            statement = statement.where(Conversation.number_id == flt.number_id)
        if flt.tag:
            statement = statement.where(
                Conversation.id.in_(
                    select(ConversationTag.conversation_id)
                    .join(Tag, Tag.id == ConversationTag.tag_id)
                    .where(ConversationTag.workspace_id == self.workspace_id, Tag.name == flt.tag.lower())
                )
            )
        if flt.search:
            pattern = f"%{flt.search.lower()}%"
            statement = statement.where(
                or_(
                    Conversation.contact_id.in_(
                        select(Contact.id).where(
                            Contact.workspace_id == self.workspace_id,
                            or_(func.lower(Contact.name).like(pattern), Contact.wa_id.like(pattern)),
                        )
                    ),
                    Conversation.id.in_(
                        select(Message.conversation_id).where(
                            Message.workspace_id == self.workspace_id, func.lower(Message.text).like(pattern)
                        )
                    ),
                )
            )
        if before is not None:
            statement = statement.where(Conversation.last_message_at < before)
        return await self.all(statement.order_by(Conversation.last_message_at.desc()).limit(limit))

    async def agent_loads(self, team_id: uuid.UUID | None) -> list[tuple[uuid.UUID, int, int]]:
        """Online members (the team's, when a team is given), oldest first, in one query:
        (membership id, concurrent-chat limit, open or pending conversations assigned to them)."""
        load = (
            select(func.count())
            .where(
                Conversation.workspace_id == self.workspace_id,
                Conversation.assignee_id == Membership.id,
                Conversation.status.in_([ConversationStatus.open, ConversationStatus.pending]),
            )
            .scalar_subquery()
        )
        statement = select(Membership.id, Membership.max_concurrent_chats, load).where(
            Membership.workspace_id == self.workspace_id, Membership.availability == Availability.online
        )
        if team_id is not None:
            statement = statement.where(
                Membership.id.in_(
                    select(TeamMember.membership_id).where(
                        TeamMember.workspace_id == self.workspace_id, TeamMember.team_id == team_id
                    )
                )
            )
        rows = await self.session.execute(statement.order_by(Membership.created_at))
        return [(member, int(limit), int(count)) for member, limit, count in rows]

    async def tag_names(self, conversation_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        rows = await self.session.execute(
            select(ConversationTag.conversation_id, Tag.name)
            .join(Tag, Tag.id == ConversationTag.tag_id)
            .where(
                ConversationTag.workspace_id == self.workspace_id,
                ConversationTag.conversation_id.in_(conversation_ids),
            )
            .order_by(Tag.name)
        )
        found: dict[uuid.UUID, list[str]] = {}
        for conversation_id, name in rows:
            found.setdefault(conversation_id, []).append(name)
        return found

    async def replace_tags(self, conversation_id: uuid.UUID, tag_ids: Sequence[uuid.UUID]) -> None:
        await self.session.execute(
            delete(ConversationTag).where(
                ConversationTag.workspace_id == self.workspace_id,
                ConversationTag.conversation_id == conversation_id,
            )
        )
        for tag_id in tag_ids:
            self.session.add(
                ConversationTag(workspace_id=self.workspace_id, conversation_id=conversation_id, tag_id=tag_id)
            )
        await self.session.flush()


class SnoozedConversationRepository(Repository[Conversation]):
    """Snoozes end on a schedule that runs for every workspace at once."""

    model = Conversation

    async def due_to_wake(self, now: datetime) -> Sequence[Conversation]:
        return await self.all(
            select(Conversation).where(
                Conversation.status == ConversationStatus.snoozed, Conversation.snoozed_until <= now
            )
        )


class MessageRepository(WorkspaceRepository[Message]):
    model = Message

    async def get_by_wamid(self, wamid: str) -> Message | None:
        return await self.first(self.select().where(Message.wamid == wamid))

    async def last_inbound_wamid(self, conversation_id: uuid.UUID) -> str | None:
        statement = (
            select(Message.wamid)
            .where(
                Message.workspace_id == self.workspace_id,
                Message.conversation_id == conversation_id,
                Message.direction == Direction.inbound,
                Message.wamid.is_not(None),
            )
            .order_by(Message.created_at.desc())
            .limit(1)
        )
        return await self.session.scalar(statement)

    async def get_by_idempotency_key(self, key: str) -> Message | None:
        return await self.first(self.select().where(Message.idempotency_key == key))

    async def page(self, conversation_id: uuid.UUID, *, limit: int, before: datetime | None) -> Sequence[Message]:
        statement = self.select().where(Message.conversation_id == conversation_id)
        if before is not None:
            statement = statement.where(Message.created_at < before)
        newest_first = await self.all(statement.order_by(Message.created_at.desc()).limit(limit))
        return list(reversed(newest_first))
