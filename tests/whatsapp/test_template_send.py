"""Templates from the inbox: named variables, link-button variables, and every refusal before queueing."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.core import clock
from imaradesk.jobs.models import Job
from imaradesk.whatsapp.schemas import TemplateComponent
from tests.factories.whatsapp import make_conversation, make_number, make_template
from tests.factories.workspaces import make_workspace, sign_in

API = "/api/v1"
REMINDER = [
    TemplateComponent(type="HEADER", format="TEXT", text="Delivery for {{customer_name}}"),
    TemplateComponent(
        type="BODY",
        text="Hello {{customer_name}}, your delivery is booked for {{date}}.",
        example={
            "body_text_named_params": [
                {"param_name": "customer_name", "example": "Amina"},
                {"param_name": "date", "example": "25 Nov"},
            ]
        },
    ),
]
ORDER_LINK = [
    TemplateComponent(type="BODY", text="Hi {{1}}, your order {{2}} is on its way."),
    TemplateComponent(
        type="BUTTONS",
        buttons=[
            {"type": "QUICK_REPLY", "text": "Track order"},
            {
                "type": "URL",
                "text": "Open order",
                "url": "https://shop.example/o/{{1}}",
                "example": ["https://shop.example/o/A1023"],
            },
        ],
    ),
]


async def _conversation(session: AsyncSession, settings: Settings, client: httpx.AsyncClient) -> Any:
    owner = await make_workspace(session)
    number = await make_number(session, settings, owner)
    await sign_in(client, owner)
    conversation, _ = await make_conversation(session, owner, number)
    return owner, conversation


async def _queued_sends(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Job).where(Job.name.like("%send_queued%"))) or 0)


async def test_a_named_template_lists_its_variables_and_sends_parameter_names(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, conversation = await _conversation(session, settings, client)
    template = await make_template(session, settings, owner, components=REMINDER, parameter_format="NAMED")
    listed = next(t for t in (await client.get(f"{API}/whatsapp/templates")).json() if t["id"] == str(template.id))
    assert listed["parameter_format"] == "NAMED"
    assert [(v["component"], v["name"], v["field"], v["example"]) for v in listed["variables"]] == [
        ("header", "customer_name", "named_variables.customer_name", None),
        ("body", "customer_name", "named_variables.customer_name", "Amina"),
        ("body", "date", "named_variables.date", "25 Nov"),
    ]
    before = await _queued_sends(session)
    sent = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={
            "type": "template",
            "template_id": str(template.id),
            "named_variables": {"customer_name": "Wanjiru", "date": "Friday 28 Nov"},
        },
    )
    assert sent.status_code == 201, sent.text
    assert await _queued_sends(session) == before + 1
    assert sent.json()["text"] == "Hello Wanjiru, your delivery is booked for Friday 28 Nov."
    components = sent.json()["content"]["template"]["components"]
    assert components == [
        {"type": "header", "parameters": [{"type": "text", "text": "Wanjiru", "parameter_name": "customer_name"}]},
        {
            "type": "body",
            "parameters": [
                {"type": "text", "text": "Wanjiru", "parameter_name": "customer_name"},
                {"type": "text", "text": "Friday 28 Nov", "parameter_name": "date"},
            ],
        },
    ]


async def test_a_link_button_variable_becomes_a_url_button_component(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, conversation = await _conversation(session, settings, client)
    template = await make_template(session, settings, owner, components=ORDER_LINK)
    listed = next(t for t in (await client.get(f"{API}/whatsapp/templates")).json() if t["id"] == str(template.id))
    link = listed["variables"][-1]
    assert link["component"] == "button" and link["field"] == "button_variables.0"
    assert link["url_prefix"] == "https://shop.example/o/" and link["example"] == "A1023"
    assert link["button_index"] == 1 and link["button_text"] == "Open order"
    sent = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={
            "type": "template",
            "template_id": str(template.id),
            "variables": ["Amina", "A1023"],
            "button_variables": ["A1023"],
            "button_payloads": ["TRACK:A1023"],
        },
    )
    assert sent.status_code == 201, sent.text
    components = sent.json()["content"]["template"]["components"]
    assert components[1:] == [
        {
            "type": "button",
            "sub_type": "quick_reply",
            "index": "0",
            "parameters": [{"type": "payload", "payload": "TRACK:A1023"}],
        },
        {"type": "button", "sub_type": "url", "index": "1", "parameters": [{"type": "text", "text": "A1023"}]},
    ]


async def test_bad_template_values_are_refused_with_the_variable_named_and_nothing_queued(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner, conversation = await _conversation(session, settings, client)
    named = await make_template(session, settings, owner, components=REMINDER, parameter_format="NAMED")
    linked = await make_template(session, settings, owner, components=ORDER_LINK)
    url = f"{API}/conversations/{conversation.id}/messages"
    before = await _queued_sends(session)

    async def refused(body: dict[str, Any]) -> tuple[str, str]:
        response = await client.post(url, json={"type": "template", **body})
        assert response.status_code == 422, response.text
        fields = response.json()["details"]["fields"]
        (field, message), *_ = fields.items()
        return field, message

    both = {"customer_name": "Amina", "date": "Friday"}
    field, message = await refused({"template_id": str(named.id), "named_variables": {"customer_name": "Amina"}})
    assert field == "named_variables.date" and "{{date}}" in message and "body" in message
    field, message = await refused({"template_id": str(named.id), "named_variables": {**both, "shop": "Duka"}})
    assert field == "named_variables.shop" and "no variable {{shop}}" in message
    field, message = await refused({"template_id": str(named.id), "variables": ["Amina", "Friday"]})
    assert field == "variables" and "named_variables" in message
    field, message = await refused({"template_id": str(named.id), "named_variables": {**both, "date": "   "}})
    assert field == "named_variables.date" and "empty" in message
    field, message = await refused(
        {"template_id": str(named.id), "named_variables": {**both, "customer_name": "x" * 61}}
    )
    assert field == "named_variables.customer_name" and "at most 60" in message and "header" in message

    field, message = await refused({"template_id": str(linked.id), "variables": ["Amina"], "button_variables": ["A1"]})
    assert field == "variables" and "2 variable(s)" in message and "got 1" in message
    field, message = await refused({"template_id": str(linked.id), "variables": ["Amina", "A1023"]})
    assert field == "button_variables" and "'Open order'" in message and "https://shop.example/o/" in message
    field, message = await refused(
        {"template_id": str(linked.id), "variables": ["Amina", "A1023"], "button_variables": ["A 1023"]}
    )
    assert field == "button_variables.0" and "spaces" in message
    field, message = await refused(
        {"template_id": str(linked.id), "variables": ["Amina", "x" * 1000], "button_variables": ["A1"]}
    )
    assert field == "variables.0" and "1024" in message
    field, message = await refused(
        {"template_id": str(linked.id), "named_variables": {"name": "Amina"}, "button_variables": ["A1"]}
    )
    assert field == "named_variables.name" and "numbered" in message
    field, message = await refused(
        {
            "template_id": str(linked.id),
            "variables": ["Amina", "A1023"],
            "button_variables": ["A1"],
            "button_payloads": ["a", "b"],
        }
    )
    assert field == "button_payloads" and "1 quick-reply" in message

    messages = (await client.get(f"{API}/conversations/{conversation.id}/messages")).json()
    assert [m["direction"] for m in messages] == ["inbound"]
    assert await _queued_sends(session) == before


async def test_interactive_limits_are_refused_before_queueing(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    _, conversation = await _conversation(session, settings, client)
    url = f"{API}/conversations/{conversation.id}/messages"
    before = await _queued_sends(session)
    four = [{"id": f"b{i}", "title": f"Option {i}"} for i in range(4)]
    too_many = await client.post(url, json={"type": "buttons", "text": "Pick", "buttons": four})
    assert too_many.status_code == 422 and "buttons" in too_many.json()["details"]["fields"]
    long_row = {
        "type": "list",
        "text": "Pick",
        "button": "Menu",
        "sections": [{"rows": [{"id": "r", "title": "x" * 25}]}],
    }
    refused = await client.post(url, json=long_row)
    assert refused.status_code == 422 and "sections.0.rows.0.title" in refused.json()["details"]["fields"]
    assert "24" in refused.json()["details"]["fields"]["sections.0.rows.0.title"]
    messages = (await client.get(f"{API}/conversations/{conversation.id}/messages")).json()
    assert [m["direction"] for m in messages] == ["inbound"]
    assert await _queued_sends(session) == before


async def test_a_reply_quotes_the_customer_message(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    _, conversation = await _conversation(session, settings, client)
    inbound = (await client.get(f"{API}/conversations/{conversation.id}/messages")).json()[0]
    sent = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={"type": "text", "text": "Yes, today.", "reply_to_message_id": inbound["id"]},
    )
    assert sent.status_code == 201 and sent.json()["context_wamid"] == inbound["wamid"]
    buttons = await client.post(
        f"{API}/conversations/{conversation.id}/messages",
        json={
            "type": "buttons",
            "text": "Which one?",
            "buttons": [{"id": "a", "title": "A"}],
            "reply_to_message_id": inbound["id"],
        },
    )
    assert buttons.status_code == 201 and buttons.json()["context_wamid"] == inbound["wamid"]


async def test_typing_is_queued_only_while_the_window_is_open(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    _, conversation = await _conversation(session, settings, client)
    url = f"{API}/conversations/{conversation.id}/typing"

    async def typing_jobs() -> int:
        query = select(func.count()).select_from(Job).where(Job.name.like("%show_typing%"))
        return int(await session.scalar(query) or 0)

    first = await client.post(url)
    assert first.status_code == 202 and first.json() == {"shown": True}
    assert (await client.post(url)).json() == {"shown": True}
    assert await typing_jobs() == 1  # one pending per conversation, however fast the agent types
    clock.advance(timedelta(hours=25))
    assert (await client.post(url)).json() == {"shown": False}
    assert (await client.post(f"{API}/conversations/{uuid.uuid4()}/typing")).status_code == 404


async def test_conversations_carry_their_last_change(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    _, conversation = await _conversation(session, settings, client)
    before = (await client.get(f"{API}/conversations/{conversation.id}")).json()["updated_at"]
    clock.advance(timedelta(minutes=5))
    after = (await client.post(f"{API}/conversations/{conversation.id}/status", json={"status": "pending"})).json()
    assert after["updated_at"] > before
    listed = (await client.get(f"{API}/conversations")).json()["items"][0]
    assert listed["updated_at"] == after["updated_at"]


async def test_template_definitions_whatsapp_would_refuse_are_refused_with_the_field_named(
    client: httpx.AsyncClient, session: AsyncSession, settings: Settings
) -> None:
    owner = await make_workspace(session)
    await sign_in(client, owner)

    async def create(parameter_format: str, *components: dict[str, Any]) -> httpx.Response:
        body = {
            "name": f"t_{uuid.uuid4().hex[:8]}",
            "language": "en",
            "category": "UTILITY",
            "parameter_format": parameter_format,
            "components": list(components),
            "submit": False,
        }
        return await client.post(f"{API}/whatsapp/templates", json=body)

    def body(text: str) -> dict[str, Any]:
        return {"type": "BODY", "text": text}

    def header(text: str) -> dict[str, Any]:
        return {"type": "HEADER", "format": "TEXT", "text": text}

    refused = {
        "components.0.text": [
            await create("NAMED", body("Hi {{Customer Name}}")),
            await create("NAMED", body("Hi {{customer-name}}")),
            await create("POSITIONAL", body("Hi {{customer_name}}")),
            await create("POSITIONAL", body("Order {{1}} ships {{3}}")),
            await create("POSITIONAL", body("Order {{1} ships")),
        ],
        "components.1.text": [
            await create("NAMED", body("Hi {{name}}"), header("For {{name}} and {{other}}")),
            await create("POSITIONAL", body("Hi"), header("x" * 61)),
        ],
    }
    for field, answers in refused.items():
        for answer in answers:
            assert answer.status_code == 422, answer.text
            assert field in answer.json()["details"]["fields"], answer.json()
    gap = await create("POSITIONAL", body("Order {{1}} ships {{3}}"))
    assert "{{2}} is missing" in gap.json()["message"]
    assert (await client.get(f"{API}/whatsapp/templates")).json() == []  # nothing half-created

    named = await create("NAMED", header("For {{customer_name}}"), body("Hi {{customer_name}}, order {{order_id}}"))
    numbered = await create("POSITIONAL", body("Order {{1}} ships {{2}}, {{1}}"))
    assert (named.status_code, numbered.status_code) == (201, 201)
