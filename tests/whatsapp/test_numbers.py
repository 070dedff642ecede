"""Editing a connected number: names and address change, secrets rotate and are never returned."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.whatsapp import numbers
from tests.factories.whatsapp import ACCESS_TOKEN, APP_SECRET, make_number
from tests.factories.workspaces import make_workspace, sign_in

API = "/api/v1/whatsapp/numbers"


async def test_an_admin_edits_a_number_and_rotates_its_secrets(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner = await make_workspace(session)
    number_id = (await make_number(session, settings, owner)).id
    await sign_in(client, owner)
    changes = {
        "label": "Duka Support",
        "display_phone_number": "+254 700 111 222",
        "graph_base_url": "https://graph.example.org/",
        "access_token": "EAAG-rotated-token",
        "app_secret": "rotated-app-secret",
    }
    response = await client.patch(f"{API}/{number_id}", json=changes)
    assert response.status_code == 200, response.text
    shown = response.json()
    assert shown["label"] == "Duka Support" and shown["display_phone_number"] == "+254 700 111 222"
    assert shown["graph_base_url"] == "https://graph.example.org"
    assert "rotated" not in response.text and "access_token" not in shown and "app_secret" not in shown
    stored = await numbers.get(session, owner.workspace_id, number_id)
    await session.refresh(stored)  # the request changed the row in its own unit of work
    credentials = numbers.credentials(stored, settings)
    assert credentials.access_token == "EAAG-rotated-token" != ACCESS_TOKEN
    assert credentials.base_url == "https://graph.example.org"

    untouched = await client.patch(f"{API}/{number_id}", json={"label": "Duka"})
    assert untouched.json()["graph_base_url"] == "https://graph.example.org"
    await session.refresh(stored)
    assert numbers.credentials(stored, settings).access_token == "EAAG-rotated-token"
    bad = await client.patch(f"{API}/{number_id}", json={"graph_base_url": "not a url", "access_token": "short"})
    assert bad.status_code == 422
    assert {"graph_base_url", "access_token"} <= set(bad.json()["details"]["fields"])
    assert APP_SECRET not in bad.text
