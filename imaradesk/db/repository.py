"""Repositories: the only place queries are written; the workspace scope is applied here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, Table, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.core.errors import NotFound
from imaradesk.db.base import Base

M = TypeVar("M", bound=Base)


def insert_ignoring_conflicts(session: AsyncSession, table: Table, *, returning: tuple[str, ...] = ()) -> Any:
    """INSERT … ON CONFLICT DO NOTHING [RETURNING columns], spelled by the session's dialect (both
    support it): the way to make a unique key decide between concurrent writers.

    Built once per dialect, table and RETURNING list: SQLAlchemy computes a statement's cache key
    once per statement object, and a new one costs ~20 µs on the webhook hot path."""
    return _insert_ignoring_conflicts(session.get_bind().dialect.name, table, returning)


_STATEMENTS: dict[tuple[str, str, tuple[str, ...]], Any] = {}


def _insert_ignoring_conflicts(dialect: str, table: Table, returning: tuple[str, ...]) -> Any:
    key = (dialect, table.fullname, returning)
    statement = _STATEMENTS.get(key)
    if statement is None:
        if dialect == "sqlite":
            statement = sqlite.insert(table).on_conflict_do_nothing()
        elif dialect == "postgresql":
            statement = postgresql.insert(table).on_conflict_do_nothing()
        else:
            raise NotImplementedError(f"no ON CONFLICT DO NOTHING for the {dialect!r} dialect")
        if returning:
            statement = statement.returning(*(table.c[name] for name in returning))
        _STATEMENTS[key] = statement
    return statement


_GET_BY_ID: dict[tuple[type[Any], bool], Any] = {}


def _get_by_id(model: type[Any], scoped: bool) -> Any:
    """SELECT of one row by id (and workspace), built once per model: every job and request reads
    rows by id, and building a statement and its cache key costs more than SQLite answering it.
    A repository that narrows select() beyond the workspace must narrow get() as well."""
    statement = _GET_BY_ID.get((model, scoped))
    if statement is None:
        statement = select(model).where(model.id == bindparam("id"))
        if scoped:
            statement = statement.where(model.workspace_id == bindparam("workspace_id"))
        statement = _GET_BY_ID[(model, scoped)] = statement.limit(1)
    return statement


class Repository(Generic[M]):
    model: type[M]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def select(self) -> Select[M]:
        return select(self.model)

    async def get(self, id_: uuid.UUID) -> M | None:
        return (await self.session.scalars(_get_by_id(self.model, False), {"id": id_})).first()

    async def get_or_404(self, id_: uuid.UUID, what: str | None = None) -> M:
        found = await self.get(id_)
        if found is None:
            label = what or self.model.__name__.lower()
            raise NotFound(f"No {label} with id {id_}.")
        return found

    async def first(self, statement: Select[M]) -> M | None:
        return (await self.session.scalars(statement.limit(1))).first()

    async def all(self, statement: Select[M] | None = None) -> Sequence[M]:
        return (await self.session.scalars(statement if statement is not None else self.select())).all()

    async def count(self, statement: Select[Any] | None = None) -> int:
        base = statement if statement is not None else self.select()
        total = await self.session.scalar(select(func.count()).select_from(base.subquery()))
        return int(total or 0)

    def add(self, obj: M) -> M:
        self.session.add(obj)
        return obj

    async def delete(self, obj: M) -> None:
        await self.session.delete(obj)

    async def flush(self) -> None:
        await self.session.flush()


class WorkspaceRepository(Repository[M]):
    """Every select is filtered by workspace and every insert is stamped with it (spec §1)."""

    def __init__(self, session: AsyncSession, workspace_id: uuid.UUID) -> None:
        super().__init__(session)
        self.workspace_id = workspace_id

    def select(self) -> Select[M]:
        return select(self.model).where(self.model.workspace_id == self.workspace_id)  # type: ignore[attr-defined]

    async def get(self, id_: uuid.UUID) -> M | None:
        parameters = {"id": id_, "workspace_id": self.workspace_id}
        return (await self.session.scalars(_get_by_id(self.model, True), parameters)).first()

    def add(self, obj: M) -> M:
        obj.workspace_id = self.workspace_id  # type: ignore[attr-defined]
        return super().add(obj)
