from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp.models import WhatsAppNumber
from tests.factories.whatsapp import make_number
from tests.factories.workspaces import MemberHandle, make_workspace


@pytest.fixture(autouse=True)
def _fresh_number_routes() -> None:
    numbers.forget_routes()  # the route cache is per process; tests roll back what it remembers


@pytest.fixture
async def owner(session: AsyncSession) -> MemberHandle:
    return await make_workspace(session)


@pytest.fixture
async def number(session: AsyncSession, settings: Settings, owner: MemberHandle) -> WhatsAppNumber:
    return await make_number(session, settings, owner)
