"""seed-demo: owner, two agents in a team, a number on the built-in simulator, a few conversations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth import service as auth
from imaradesk.config import Settings
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces import teams
from imaradesk.workspaces.models import Availability, Role
from imaradesk.workspaces.schemas import MemberUpdate, TeamCreate

DEMO_PASSWORD = "imaradesk-demo"  # noqa: S105 (printed to the user; demo data only)
DEMO_OWNER = "owner@demo.imaradesk.local"
DEMO_AGENTS = (("Amina Njeri", "amina@demo.imaradesk.local"), ("Kofi Mensah", "kofi@demo.imaradesk.local"))


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    created: bool


DEMO_MESSAGES = (
    ("254712000101", "Habari! Oda yangu namba A1023 iko wapi?"),
    ("221771234567", "Bonjour, je voudrais savoir si vous livrez à Thiès."),
    ("258841234567", "Olá, o meu pagamento por M-Pesa não foi confirmado."),
    ("233244123456", "Hi, the blender I bought last week stopped working. Can I get a refund?"),
)


async def seed_demo(session: AsyncSession, settings: Settings) -> DemoLogin:
    if await auth.get_user_by_email(session, DEMO_OWNER) is not None:
        return DemoLogin(DEMO_OWNER, DEMO_PASSWORD, created=False)
    owner = await auth.create_user(session, email=DEMO_OWNER, name="Demo Owner", password=DEMO_PASSWORD)
    workspace, owner_membership = await workspaces.create_workspace(session, name="Duka Demo", owner=owner)
    owner_membership.availability = Availability.online
    agent_ids = []
    for name, email in DEMO_AGENTS:
        user = await auth.create_user(session, email=email, name=name, password=DEMO_PASSWORD)
        membership = await workspaces.add_member(session, workspace.id, user=user, role=Role.agent)
        await workspaces.update_member(
            session,
            workspace.id,
            actor_role=Role.owner,
            actor_membership_id=owner_membership.id,
            membership_id=membership.id,
            data=MemberUpdate(availability=Availability.online, max_concurrent_chats=5),
        )
        agent_ids.append(membership.id)
    await teams.create_team(
        session,
        workspace.id,
        TeamCreate(name="Support", description="Front-line support", member_ids=agent_ids),
    )
    return DemoLogin(DEMO_OWNER, DEMO_PASSWORD, created=True)
