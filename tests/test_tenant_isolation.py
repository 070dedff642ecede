"""Walks every workspace-owned route of the OpenAPI schema as workspace A's owner with workspace B's ids.

Every answer must be 404 and B's data must be unchanged. A new route with a new path parameter makes
this test fail until its B-side id is added to `_ids_in_b` below, so coverage grows with the API.
"""

import re
import uuid

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.workspaces.models import Role
from tests.conftest import make_client
from tests.factories.whatsapp import make_conversation, make_number, make_template
from tests.factories.workspaces import MemberHandle, make_member, make_workspace, sign_in

PUBLIC_PREFIXES = ("/api/v1/auth/",)
PARAM = re.compile(r"{(\w+)}")


# Routes whose body must be valid before the id is even looked up.
SAMPLE_BODIES: dict[tuple[str, str], dict[str, object]] = {
    ("post", "/api/v1/conversations/{conversation_id}/messages"): {"type": "note", "text": "hello"},
    ("post", "/api/v1/conversations/{conversation_id}/status"): {"status": "resolved"},
    ("put", "/api/v1/conversations/{conversation_id}/tags"): {"tags": ["vip"]},
    ("post", "/api/v1/conversations/{conversation_id}/translate"): {"text": "hello"},
}


# Routes that take a form upload rather than JSON.
SAMPLE_FILES: dict[tuple[str, str], dict[str, tuple[str, bytes, str]]] = {
    ("post", "/api/v1/conversations/{conversation_id}/attachments"): {
        "file": ("r.pdf", b"%PDF-1.4", "application/pdf")
    },
    ("put", "/api/v1/knowledge/documents/{document_id}/file"): {"file": ("faq.txt", b"We open at 9am.", "text/plain")},
}


def _is_stream(operation: dict[str, object]) -> bool:
    return "text/event-stream" in str(operation.get("responses", {}))


async def _ids_in_b(
    client_b: httpx.AsyncClient, b_agent: MemberHandle, session: AsyncSession, settings: Settings
) -> dict[str, str]:
    team = await client_b.post("/api/v1/teams", json={"name": "B team"})
    invitation = await client_b.post("/api/v1/invitations", json={"email": "b-invitee@example.com"})
    token = await client_b.post("/api/v1/api-tokens", json={"name": "B token"})
    number = await make_number(session, settings, b_agent)
    conversation, message = await make_conversation(session, b_agent, number)
    template = await make_template(session, settings, b_agent)
    ai_provider = await client_b.post(
        "/api/v1/ai/providers", json={"kind": "openai_compatible", "base_url": "http://127.0.0.1:9/v1"}
    )
    documents = await client_b.post(
        "/api/v1/knowledge/documents", files={"files": ("faq.txt", b"We open at 8am.", "text/plain")}
    )
    return {
        "document_id": documents.json()[0]["id"],
        "number_id": str(number.id),
        "conversation_id": str(conversation.id),
        "message_id": str(message.id),
        "contact_id": str(conversation.contact_id),
        "template_id": str(template.id),
        "member_id": str(b_agent.membership.id),
        "team_id": team.json()["id"],
        "invitation_id": invitation.json()["id"],
        "token_id": token.json()["id"],
        "provider_id": ai_provider.json()["id"],
    }


async def _snapshot(client_b: httpx.AsyncClient) -> dict[str, object]:
    paths = [
        "/api/v1/members",
        "/api/v1/teams",
        "/api/v1/invitations",
        "/api/v1/api-tokens",
        "/api/v1/workspace",
        "/api/v1/ai/providers",
        "/api/v1/knowledge/documents",
    ]
    return {path: (await client_b.get(path)).json() for path in paths}


async def test_workspace_a_cannot_reach_workspace_b_by_id(client: httpx.AsyncClient, session, app, settings) -> None:
    a_owner = await make_workspace(session, "Workspace A")
    b_owner = await make_workspace(session, "Workspace B")
    b_agent = await make_member(session, b_owner, Role.agent)
    await sign_in(client, a_owner)
    async with make_client(app) as client_b:
        await sign_in(client_b, b_owner)
        ids = await _ids_in_b(client_b, b_agent, session, settings)
        before = await _snapshot(client_b)

        walked = []
        for path, operations in app.openapi()["paths"].items():
            params = PARAM.findall(path)
            if not params or path.startswith(PUBLIC_PREFIXES):
                continue
            missing = [p for p in params if p not in ids]
            assert not missing, f"add a workspace-B id for {missing} (route {path}) to _ids_in_b"
            url = PARAM.sub(lambda m: ids[m.group(1)], path)
            for method in operations:
                body = SAMPLE_BODIES.get((method, path), {}) if method in {"post", "put", "patch"} else None
                files = SAMPLE_FILES.get((method, path))
                if files is not None:
                    response = await client.request(method.upper(), url, files=files)
                else:
                    response = await client.request(method.upper(), url, json=body)
                assert response.status_code == 404, f"{method.upper()} {path}: {response.status_code} {response.text}"
                assert str(b_owner.workspace_id) not in response.text
                walked.append(f"{method.upper()} {path}")

        assert await _snapshot(client_b) == before
    assert len(walked) >= 7, walked


async def test_workspace_a_lists_show_none_of_b(client: httpx.AsyncClient, session, app, settings) -> None:
    a_owner = await make_workspace(session, "Workspace A")
    b_owner = await make_workspace(session, "Workspace B")
    b_agent = await make_member(session, b_owner, Role.agent)
    await sign_in(client, a_owner)
    async with make_client(app) as client_b:
        await sign_in(client_b, b_owner)
        b_ids = set((await _ids_in_b(client_b, b_agent, session, settings)).values()) | {
            str(b_owner.workspace_id),
            b_owner.email,
        }
    listed = []
    for path, operations in app.openapi()["paths"].items():
        if (
            "get" in operations
            and not PARAM.search(path)
            and not path.startswith(PUBLIC_PREFIXES)
            and not _is_stream(operations["get"])
        ):
            response = await client.get(path)
            assert response.status_code == 200, f"GET {path}: {response.text}"
            leaked = [b_id for b_id in b_ids if b_id in response.text]
            assert not leaked, f"GET {path} shows workspace B's {leaked}"
            listed.append(path)
    assert len(listed) >= 5, listed


async def test_random_ids_are_404_not_500(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    response = await client.delete(f"/api/v1/teams/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
