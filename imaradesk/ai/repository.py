from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update

from imaradesk.ai.models import AICacheEntry, AICall, AIProviderConfig, AISettings
from imaradesk.db.repository import Repository, WorkspaceRepository, insert_ignoring_conflicts


class ProviderConfigRepository(WorkspaceRepository[AIProviderConfig]):
    model = AIProviderConfig

    async def list_all(self) -> Sequence[AIProviderConfig]:
        return await self.all(self.select().order_by(AIProviderConfig.created_at))

    async def by_kind(self, kind: str) -> AIProviderConfig | None:
        return await self.first(self.select().where(AIProviderConfig.kind == kind))


class AISettingsRepository(WorkspaceRepository[AISettings]):
    model = AISettings

    async def current(self) -> AISettings | None:
        return await self.first(self.select())


@dataclass(frozen=True)
class CallFilter:
    task: str | None = None
    provider: str | None = None
    outcome: str | None = None


class CallRepository(WorkspaceRepository[AICall]):
    model = AICall

    async def page(self, flt: CallFilter, *, limit: int, offset: int) -> tuple[Sequence[AICall], int]:
        statement = self.select()
        if flt.task:
            statement = statement.where(AICall.task == flt.task)
        if flt.provider:
            statement = statement.where(AICall.provider == flt.provider)
        if flt.outcome:
            statement = statement.where(AICall.outcome == flt.outcome)
        total = await self.count(statement)
        ordered = statement.order_by(AICall.created_at.desc(), AICall.id.desc()).offset(offset).limit(limit)
        return (await self.session.scalars(ordered)).all(), total


class CacheRepository(WorkspaceRepository[AICacheEntry]):
    model = AICacheEntry

    async def fresh(self, keys: Sequence[str], *, created_after: datetime) -> Sequence[AICacheEntry]:
        if not keys:
            return []
        return await self.all(self.select().where(AICacheEntry.key.in_(keys), AICacheEntry.created_at >= created_after))


class CacheMaintenanceRepository(Repository[AICacheEntry]):
    """Writes and eviction across workspaces: the size cap and the TTL bound the whole table."""

    model = AICacheEntry

    async def insert_new(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(
                insert_ignoring_conflicts(self.session, cast(Table, AICacheEntry.__table__)), list(rows)
            )

    async def touch(self, keys: Sequence[str], at: datetime) -> None:
        if keys:
            await self.session.execute(update(AICacheEntry).where(AICacheEntry.key.in_(keys)).values(last_used_at=at))

    async def delete_created_before(self, cutoff: datetime) -> None:
        await self.session.execute(delete(AICacheEntry).where(AICacheEntry.created_at < cutoff))

    async def evict_least_recently_used(self, keep: int) -> None:
        total = await self.session.scalar(select(func.count()).select_from(AICacheEntry))
        excess = int(total or 0) - keep
        if excess > 0:
            oldest = select(AICacheEntry.key).order_by(AICacheEntry.last_used_at).limit(excess)
            await self.session.execute(delete(AICacheEntry).where(AICacheEntry.key.in_(oldest.scalar_subquery())))


class CallWriter(Repository[AICall]):
    model = AICall

    async def insert_many(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(AICall), list(rows))
