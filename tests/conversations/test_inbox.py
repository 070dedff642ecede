"""The inbox API: lists and filters, sending within and outside the window, assignment, status, tags."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import ConversationStatus
from imaradesk.core import clock
from imaradesk.workspaces import service as workspaces
from imaradesk.workspaces import teams
from imaradesk.workspaces.models import Availability, Role
from imaradesk.workspaces.schemas import MemberUpdate, TeamCreate
from tests.factories.whatsapp import make_conversation, make_number, make_template
from tests.factories.workspaces import MemberHandle, make_member, make_workspace, sign_in

API = "/api/v1"


async def _setup(session: AsyncSession, settings: Settings, client: httpx.AsyncClient):  # type: ignore[no-untyped-def]
    owner = await make_workspace(session)
    number = await make_number(session, settings, owner)
    await sign_in(client, owner)
    return owner, number


async def test_list_filter_and_search(client: httpx.AsyncClient, session: AsyncSession, settings: Settings) -> None:
    owner, number = await _setup(session, settings, client)
    first, _ = await make_conversation(session, owner, number, wa_id="254700000001", text="Where is my order 1023?")
    second, _ = await make_conversation(session, owner, number, wa_id="254700000002", text="Bei ya sukari?")
    page = (await client.get(f"{API}/conversations")).json()
    assert [c["id"] for c in page["items"]] == [str(second.id), str(first.id)]  # newest first
    assert page["items"][0]["is_window_open"] is True and page["items"][0]["unread_count"] == 1
    found = (await client.get(f"{API}/conversations", params={"q": "order 1023"})).json()["items"]
    assert [c["id"] for c in found] == [str(first.id)]
    by_number = (await client.get(f"{API}/conversations", params={"q": "0002"})).json()["items"]
    assert [c["id"] for c in by_number] == [str(second.id)]
    await client.put(f"{API}/conversations/{first.id}/tags", json={"tags": ["VIP", "delivery"]})
    tagged = (await client.get(f"{API}/conversations", params={"tag": "vip"})).json()["items"]
    assert [c["id"] for c in tagged] == [str(first.id)] and tagged[0]["tags"] == ["delivery", "vip"]
    await client.post(f"{API}/conversations/{first.id}/read")
    unread = (await client.get(f"{API}/conversations", params={"unread": True})).json()["items"]
    assert [c["id"] for c in unread] == [str(second.id)]
    one = (await client.get(f"{API}/conversations", params={"limit": 1})).json()
    assert len(one["items"]) == 1 and one["next_before"] is not None
    rest = (await client.get(f"{API}/conversations", params={"limit": 1, "before": one["next_before"]})).json()
    assert [c["id"] for c in rest["items"]] == [str(first.id)]


async def test_text_reply_inside_the_window_is_queued(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    conversation, _ = await make_conversation(session, owner, number)
    sent = await client.post(
        f"{API}/conversations/{conversation.id}/messages", json={"type": "text", "text": "Karibu!"}
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["status"] == "queued" and sent.json()["direction"] == "outbound"
    messages = (await client.get(f"{API}/conversations/{conversation.id}/messages")).json()
    assert [m["text"] for m in messages] == ["Habari", "Karibu!"]


async def test_free_text_outside_the_window_is_refused_but_a_template_goes(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    conversation, _ = await make_conversation(session, owner, number)
    template = await make_template(session, settings, owner)
    clock.advance(timedelta(hours=25))
    refused = await client.post(f"{API}/conversations/{conversation.id}/messages", json={"type": "text", "text": "Hi"})
    assert refused.status_code == 409 and refused.json()["code"] == "window_closed"
    assert (await client.get(f"{API}/conversations/{conversation.id}")).json()["is_window_open"] is False
    wrong_count = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={"type": "template", "template_id": str(template.id), "variables": ["Amina"]},
    )
    assert wrong_count.status_code == 422 and "variables" in wrong_count.json()["details"]["fields"]
    ok = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={"type": "template", "template_id": str(template.id), "variables": ["Amina", "A1023"]},
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["text"] == "Hi Amina, order A1023 shipped."
    assert ok.json()["content"]["template"]["components"][0]["parameters"][1]["text"] == "A1023"


async def test_unapproved_template_is_refused(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    conversation, _ = await make_conversation(session, owner, number)
    pending = await make_template(session, settings, owner, status="PENDING")
    response = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={"type": "template", "template_id": str(pending.id), "variables": ["a", "b"]},
    )
    assert response.status_code == 409 and response.json()["code"] == "template_not_approved"


async def test_api_limits_are_checked_before_sending(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    conversation, _ = await make_conversation(session, owner, number)
    url = f"{API}/conversations/{conversation.id}/messages"
    four = [{"id": f"b{i}", "title": f"Option {i}"} for i in range(4)]
    too_many = await client.post(url, json={"type": "buttons", "text": "Pick", "buttons": four})
    assert too_many.status_code == 422 and "buttons" in too_many.json()["details"]["fields"]
    long_title = await client.post(
        url, json={"type": "buttons", "text": "Pick", "buttons": [{"id": "a", "title": "x" * 21}]}
    )
    assert long_title.status_code == 422
    twins = [{"id": "a", "title": "Yes"}, {"id": "b", "title": "yes"}]
    assert (await client.post(url, json={"type": "buttons", "text": "Pick", "buttons": twins})).status_code == 422
    rows = [{"id": f"r{i}", "title": f"Row {i}"} for i in range(6)]
    eleven = {
        "type": "list",
        "text": "Choose",
        "button": "Menu",
        "sections": [{"title": "A", "rows": rows}, {"title": "B", "rows": rows[:5]}],
    }
    over = await client.post(url, json=eleven)
    assert over.status_code == 422 and "at most 10 rows" in over.json()["message"]
    too_long = await client.post(url, json={"type": "text", "text": "x" * 4097})
    assert too_long.status_code == 422 and "text" in too_long.json()["details"]["fields"]
    good = await client.post(url, json={"type": "buttons", "text": "Pick", "buttons": four[:3]})
    assert good.status_code == 201


async def test_notes_stay_internal(client: httpx.AsyncClient, session: AsyncSession, settings: Settings) -> None:
    owner, number = await _setup(session, settings, client)
    conversation, _ = await make_conversation(session, owner, number)
    clock.advance(timedelta(hours=30))  # notes need no open window
    note = await client.post(
        f"{API}/conversations/{conversation.id}/messages", json={"type": "note", "text": "VIP, be kind"}
    )
    assert note.status_code == 201 and note.json()["direction"] == "note"


async def _online(session: AsyncSession, owner: MemberHandle, member: MemberHandle, limit: int = 5) -> None:
    await workspaces.update_member(
        session,
        owner.workspace_id,
        actor_role=Role.owner,
        actor_membership_id=owner.membership.id,
        membership_id=member.membership.id,
        data=MemberUpdate(availability=Availability.online, max_concurrent_chats=limit),
    )
    await session.commit()


async def test_new_conversations_go_to_the_least_loaded_online_agent(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    amina = await make_member(session, owner)
    kofi = await make_member(session, owner)
    await _online(session, owner, amina, limit=1)
    await _online(session, owner, kofi, limit=5)
    first, _ = await make_conversation(session, owner, number)
    second, _ = await make_conversation(session, owner, number)
    third, _ = await make_conversation(session, owner, number)
    assert first.assignee_id == amina.membership.id  # both empty: the earlier member
    assert second.assignee_id == kofi.membership.id  # amina is at her limit of 1
    assert third.assignee_id == kofi.membership.id


async def test_a_teams_conversations_go_to_its_online_members_and_resolved_chats_free_them(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    amina, kofi, zola = [await make_member(session, owner) for _ in range(3)]
    await _online(session, owner, amina, limit=1)
    await _online(session, owner, kofi, limit=1)  # zola stays offline
    sales = await teams.create_team(
        session, owner.workspace_id, TeamCreate(name="Sales", member_ids=[kofi.membership.id, zola.membership.id])
    )
    await session.commit()

    for_sales, _ = await make_conversation(session, owner, number, team_id=sales.id)
    assert for_sales.assignee_id == kofi.membership.id  # amina is not in the team, zola is offline
    waiting, _ = await make_conversation(session, owner, number, team_id=sales.id)
    assert waiting.assignee_id is None  # kofi is at his limit: it waits in the team's queue
    anyone, _ = await make_conversation(session, owner, number)
    assert anyone.assignee_id == amina.membership.id

    await conversations.set_status(session, owner.workspace_id, for_sales.id, ConversationStatus.resolved, None)
    await session.commit()
    next_for_sales, _ = await make_conversation(session, owner, number, team_id=sales.id)
    assert next_for_sales.assignee_id == kofi.membership.id  # his resolved chat no longer counts


async def test_manual_assignment_status_and_snooze(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, number = await _setup(session, settings, client)
    agent = await make_member(session, owner)
    conversation, _ = await make_conversation(session, owner, number)
    url = f"{API}/conversations/{conversation.id}"
    assigned = await client.post(f"{url}/assignment", json={"assignee_id": str(agent.membership.id)})
    assert assigned.json()["assignee_id"] == str(agent.membership.id)
    stranger = await make_member(session, await make_workspace(session, "Other"))
    foreign = await client.post(f"{url}/assignment", json={"assignee_id": str(stranger.membership.id)})
    assert foreign.status_code == 422 and "assignee_id" in foreign.json()["details"]["fields"]
    past = await client.post(f"{url}/status", json={"status": "snoozed", "snoozed_until": clock.now().isoformat()})
    assert past.status_code == 422 and "snoozed_until" in past.json()["details"]["fields"]
    until = (clock.now() + timedelta(hours=2)).isoformat()
    assert (await client.post(f"{url}/status", json={"status": "snoozed", "snoozed_until": until})).json()[
        "status"
    ] == "snoozed"
    clock.advance(timedelta(hours=3))
    session.expire_all()  # the API changed the row through another session
    assert await conversations.wake_snoozed(session) == 1
    await session.commit()
    assert (await client.get(url)).json()["status"] == "open"
    assert (await client.post(f"{url}/status", json={"status": "resolved"})).json()["status"] == "resolved"
