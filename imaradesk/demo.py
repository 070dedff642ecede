"""seed-demo: owner, two agents in a team, a number on the built-in simulator, a few conversations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from pydantic import AnyHttpUrl
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.auth import service as auth
from imaradesk.config import Settings
from imaradesk.contacts import service as contacts
from imaradesk.conversations import service as conversations
from imaradesk.core import clock
from imaradesk.jobs import enqueue
from imaradesk.simulator.defaults import DEFAULT_CUSTOMERS
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp.client import SIMULATOR_BASE_URL
from imaradesk.whatsapp.jobs import sync_templates
from imaradesk.whatsapp.schemas import NumberCreate
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces import teams
from imaradesk.workspaces.models import Availability, Role
from imaradesk.workspaces.schemas import MemberUpdate, TeamCreate

DEMO_PASSWORD = "imaradesk-demo"  # noqa: S105 (printed to the user; demo data only)
DEMO_OWNER = "owner@demo.example.com"
DEMO_AGENTS = (("Amina Njeri", "amina@demo.example.com"), ("Kofi Mensah", "kofi@demo.example.com"))


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
    team = await teams.create_team(
        session,
        workspace.id,
        TeamCreate(name="Support", description="Front-line support", member_ids=agent_ids),
    )
    await _connect_simulator_number(session, settings, workspace.id, team.id)
    return DemoLogin(DEMO_OWNER, DEMO_PASSWORD, created=True)


async def _connect_simulator_number(
    session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, team_id: uuid.UUID
) -> None:
    """The demo number lives in the built-in simulator; a few customers have already written."""
    sim = settings.simulator
    phone = sim.phone_numbers[0]
    number = await numbers.create(
        session,
        settings,
        workspace_id,
        NumberCreate(
            phone_number_id=phone.phone_number_id,
            display_phone_number=phone.display_phone_number,
            label="Demo number (simulator)",
            waba_id=sim.waba_id,
            access_token=sim.access_token,
            app_secret=sim.app_secret,
            verify_token=sim.verify_token,
            graph_base_url=AnyHttpUrl(SIMULATOR_BASE_URL),
            default_team_id=team_id,
        ),
    )
    names = {wa_id: name for wa_id, name, _language, _reachable in DEFAULT_CUSTOMERS}
    for position, (wa_id, text) in enumerate(DEMO_MESSAGES):
        contact = await contacts.get_or_create(session, workspace_id, wa_id, names.get(wa_id, ""))
        await conversations.receive_message(
            session,
            workspace_id=workspace_id,
            number_id=number.id,
            team_id=team_id,
            contact=contact,
            wamid=f"wamid.demo.{uuid.uuid4().hex}",
            kind="text",
            text=text,
            content={"body": text},
            media=None,
            context_wamid=None,
            at=clock.now() - timedelta(minutes=10 * (len(DEMO_MESSAGES) - position)),
        )
    await enqueue(session, sync_templates, {"workspace_id": str(workspace_id)}, workspace_id=workspace_id)
