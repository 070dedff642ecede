"""Members, roles, invitations, teams and API tokens (spec §1)."""

import httpx

from imaradesk.workspaces.models import Role
from tests.conftest import make_client
from tests.factories.workspaces import DEFAULT_PASSWORD, make_member, make_workspace, sign_in

NEW_AGENT = {"email": "agent@example.com", "name": "Baraka", "role": "agent", "password": DEFAULT_PASSWORD}


async def test_owner_creates_an_agent_who_can_sign_in(client: httpx.AsyncClient, session, app) -> None:
    await sign_in(client, await make_workspace(session))
    created = await client.post("/api/v1/members", json=NEW_AGENT)
    assert created.status_code == 201, created.text
    assert created.json()["role"] == "agent" and created.json()["max_concurrent_chats"] == 5

    async with make_client(app) as agent_client:
        me = await agent_client.post(
            "/api/v1/auth/login", json={"email": "agent@example.com", "password": DEFAULT_PASSWORD}
        )
        assert me.json()["member"]["role"] == "agent"


async def test_invitation_link_joins_the_workspace(client: httpx.AsyncClient, session, app) -> None:
    owner = await make_workspace(session)
    await sign_in(client, owner)
    invite = await client.post("/api/v1/invitations", json={"email": "New.Agent@example.com", "role": "agent"})
    assert invite.status_code == 201
    token = invite.json()["token"]
    assert invite.json()["accept_url"].endswith(f"/invite/{token}")
    assert [i["email"] for i in (await client.get("/api/v1/invitations")).json()] == ["new.agent@example.com"]

    async with make_client(app) as guest:
        preview = await guest.get(f"/api/v1/auth/invitations/{token}")
        assert preview.json()["workspace_name"] == owner.workspace.name
        accepted = await guest.post(
            f"/api/v1/auth/invitations/{token}/accept", json={"name": "Neema", "password": DEFAULT_PASSWORD}
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["workspace"]["id"] == str(owner.workspace_id)
        reused = await guest.post(
            f"/api/v1/auth/invitations/{token}/accept", json={"name": "Neema", "password": DEFAULT_PASSWORD}
        )
        assert reused.status_code == 404
    members = (await client.get("/api/v1/members")).json()
    assert {m["email"]: m["role"] for m in members}["new.agent@example.com"] == "agent"
    assert (await client.get("/api/v1/invitations")).json() == []


async def test_an_unknown_invitation_token_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/auth/invitations/not-a-real-token")
    assert response.status_code == 404
    assert response.json()["code"] == "invitation_not_found"


async def test_agent_cannot_escalate_roles_or_manage_members(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    agent = await make_member(session, owner, Role.agent)
    other = await make_member(session, owner, Role.agent)
    await sign_in(client, agent)
    own = f"/api/v1/members/{agent.membership.id}"
    assert (await client.patch(own, json={"role": "owner"})).status_code == 403
    assert (await client.patch(own, json={"max_concurrent_chats": 50})).status_code == 403
    assert (
        await client.patch(f"/api/v1/members/{other.membership.id}", json={"availability": "away"})
    ).status_code == 403
    assert (await client.post("/api/v1/members", json=NEW_AGENT)).status_code == 403
    assert (
        await client.post("/api/v1/invitations", json={"email": "x@example.com", "role": "admin"})
    ).status_code == 403
    assert (await client.delete(f"/api/v1/members/{other.membership.id}")).status_code == 403
    assert (await client.get(own)).json()["role"] == "agent"
    availability = await client.patch(own, json={"availability": "online"})
    assert availability.status_code == 200 and availability.json()["availability"] == "online"


async def test_admin_cannot_create_or_touch_owners(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    admin = await make_member(session, owner, Role.admin)
    await sign_in(client, admin)
    promote = await client.patch(f"/api/v1/members/{admin.membership.id}", json={"role": "owner"})
    assert promote.status_code == 403 and promote.json()["code"] == "role_escalation"
    assert (await client.post("/api/v1/members", json={**NEW_AGENT, "role": "owner"})).status_code == 403
    assert (await client.delete(f"/api/v1/members/{owner.membership.id}")).status_code == 403


async def test_the_last_owner_cannot_be_removed_or_demoted(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    await sign_in(client, owner)
    url = f"/api/v1/members/{owner.membership.id}"
    removed = await client.delete(url)
    assert removed.status_code == 409 and removed.json()["code"] == "last_owner"
    assert (await client.patch(url, json={"role": "agent"})).json()["code"] == "last_owner"
    second = await make_member(session, owner, Role.owner)
    assert (await client.patch(url, json={"role": "admin"})).status_code == 200
    assert (await client.delete(f"/api/v1/members/{second.membership.id}")).status_code == 403  # now an admin


async def test_removed_member_is_signed_out_at_once(client: httpx.AsyncClient, session, app) -> None:
    owner = await make_workspace(session)
    agent = await make_member(session, owner, Role.agent)

    async with make_client(app) as agent_client:
        await sign_in(agent_client, agent)
        await sign_in(client, owner)
        assert (await client.delete(f"/api/v1/members/{agent.membership.id}")).status_code == 204
        assert (await agent_client.get("/api/v1/members")).status_code == 401


async def test_teams_group_members_and_reject_foreign_members(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    agent = await make_member(session, owner)
    stranger = await make_member(session, await make_workspace(session, "Other Co"))
    await sign_in(client, owner)
    team = await client.post("/api/v1/teams", json={"name": "Sales", "member_ids": [str(agent.membership.id)]})
    assert team.status_code == 201
    assert team.json()["member_ids"] == [str(agent.membership.id)]
    duplicate = await client.post("/api/v1/teams", json={"name": "sales"})
    assert duplicate.status_code == 409
    foreign = await client.patch(
        f"/api/v1/teams/{team.json()['id']}", json={"member_ids": [str(stranger.membership.id)]}
    )
    assert foreign.status_code == 422 and "member_ids" in foreign.json()["details"]["fields"]
    members = {m["id"]: m for m in (await client.get("/api/v1/members")).json()}
    assert members[str(agent.membership.id)]["team_ids"] == [team.json()["id"]]
    assert (await client.delete(f"/api/v1/teams/{team.json()['id']}")).status_code == 204
    assert (await client.get("/api/v1/teams")).json() == []


async def test_agent_limits_and_availability(client: httpx.AsyncClient, session) -> None:
    owner = await make_workspace(session)
    agent = await make_member(session, owner)
    await sign_in(client, owner)
    url = f"/api/v1/members/{agent.membership.id}"
    assert (await client.patch(url, json={"max_concurrent_chats": 8})).json()["max_concurrent_chats"] == 8
    bad = await client.patch(url, json={"max_concurrent_chats": 0})
    assert bad.status_code == 422 and "max_concurrent_chats" in bad.json()["details"]["fields"]
    assert (await client.patch(url, json={"availability": "busy"})).status_code == 422


async def test_api_token_is_shown_once_hashed_and_revocable(client: httpx.AsyncClient, session, app) -> None:
    await sign_in(client, await make_workspace(session))
    created = await client.post("/api/v1/api-tokens", json={"name": "CRM sync", "role": "agent"})
    assert created.status_code == 201
    token = created.json()["token"]
    assert token.startswith("imd_")
    listed = (await client.get("/api/v1/api-tokens")).json()
    assert "token" not in listed[0] and listed[0]["prefix"] == token[:10]

    async with make_client(app) as machine:
        machine.headers["Authorization"] = f"Bearer {token}"
        assert (await machine.get("/api/v1/members")).status_code == 200
        assert (await machine.post("/api/v1/teams", json={"name": "Bots"})).status_code == 403  # agent token
        assert (await client.delete(f"/api/v1/api-tokens/{created.json()['id']}")).status_code == 204
        refused = await machine.get("/api/v1/members")
        assert refused.status_code == 401 and refused.json()["code"] == "invalid_api_token"
    assert (await client.get("/api/v1/api-tokens")).json()[0]["revoked_at"] is not None


async def test_owner_tokens_are_refused(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    response = await client.post("/api/v1/api-tokens", json={"name": "root", "role": "owner"})
    assert response.status_code == 422 and "role" in response.json()["details"]["fields"]


async def test_workspace_settings_validate_timezone(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    ok = await client.patch("/api/v1/workspace", json={"timezone": "Africa/Lagos", "language": "fr"})
    assert ok.json()["timezone"] == "Africa/Lagos" and ok.json()["language"] == "fr"
    bad = await client.patch("/api/v1/workspace", json={"timezone": "Mars/Olympus"})
    assert bad.status_code == 422 and "timezone" in bad.json()["details"]["fields"]
