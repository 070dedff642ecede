"""The webhook: handshake, signature, durable-then-acknowledged ingest, dedupe, bad input (spec §2)."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.conversations.models import Message
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.whatsapp.models import RejectedWebhook, WebhookEvent, WhatsAppNumber
from tests.factories.whatsapp import APP_SECRET, VERIFY_TOKEN
from tests.whatsapp.payloads import envelope, message_value, signed, text_message

URL = "/webhooks/whatsapp"


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_handshake_echoes_the_challenge_only_for_our_token(
    client: httpx.AsyncClient, number: WhatsAppNumber
) -> None:
    ok = await client.get(
        URL, params={"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    assert ok.headers["content-type"].startswith("text/plain")
    wrong = await client.get(URL, params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"})
    assert wrong.status_code == 403


async def test_signed_message_is_stored_then_processed_once(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    message = text_message("Habari, where is my order?")
    body, headers = signed(
        envelope(number.phone_number_id, number.waba_id, message_value(number.phone_number_id, message)),
        APP_SECRET,
    )
    first = await client.post(URL, content=body, headers=headers)
    assert first.status_code == 200 and first.json() == {"stored": 1, "duplicates": 0}
    again = await client.post(URL, content=body, headers=headers)
    assert again.json() == {"stored": 0, "duplicates": 1}
    assert await _count(session, WebhookEvent) == 1
    assert await _count(session, Message) == 0  # nothing but the event is written before the 200

    await drain_jobs(database)
    stored = (await session.scalars(select(Message))).all()
    assert [m.text for m in stored] == ["Habari, where is my order?"]
    assert stored[0].wamid == message["id"]


async def test_forged_or_missing_signature_is_rejected_and_recorded(
    client: httpx.AsyncClient, session: AsyncSession, number: WhatsAppNumber
) -> None:
    payload = envelope(
        number.phone_number_id, number.waba_id, message_value(number.phone_number_id, text_message("hi"))
    )
    body, headers = signed(payload, "not-the-app-secret")
    forged = await client.post(URL, content=body, headers=headers)
    missing = await client.post(URL, content=body, headers={"Content-Type": "application/json"})
    assert forged.status_code == missing.status_code == 401
    assert forged.json()["code"] == "webhook_bad_signature"
    assert await _count(session, WebhookEvent) == 0
    rejected = (await session.scalars(select(RejectedWebhook))).all()
    assert [r.reason for r in rejected] == ["bad_signature", "bad_signature"]
    assert all(r.workspace_id == number.workspace_id for r in rejected)


async def test_escaped_unicode_signature_quirk_is_accepted(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    payload = envelope(
        number.phone_number_id,
        number.waba_id,
        message_value(number.phone_number_id, text_message("Asante sana 😀 ä")),
    )
    escaped_body, headers = signed(payload, APP_SECRET)  # Meta signs the \\uXXXX form (§1.2)
    raw_utf8 = json.dumps(payload, ensure_ascii=False).encode()  # but a proxy may deliver raw UTF-8
    assert raw_utf8 != escaped_body
    response = await client.post(URL, content=raw_utf8, headers=headers)
    assert response.status_code == 200, response.text
    await drain_jobs(database)
    assert (await session.scalar(select(Message.text))) == "Asante sana 😀 ä"


async def test_unknown_number_is_rejected(
    client: httpx.AsyncClient, session: AsyncSession, number: WhatsAppNumber
) -> None:
    payload = envelope("999999999", "888888", message_value("999999999", text_message("hi")))
    body, headers = signed(payload, APP_SECRET)
    response = await client.post(URL, content=body, headers=headers)
    assert response.status_code == 404 and response.json()["code"] == "webhook_unknown_number"
    assert await _count(session, WebhookEvent) == 0


@pytest.mark.parametrize("raw", [b'{"object": "whatsapp_business_account", "entry": [', b"not json", b'{"entry": 5}'])
async def test_malformed_bodies_are_a_clear_400(
    client: httpx.AsyncClient, session: AsyncSession, number: WhatsAppNumber, raw: bytes
) -> None:
    body, headers = signed(raw, APP_SECRET)
    response = await client.post(URL, content=body, headers=headers)
    assert response.status_code == 400 and response.json()["code"] == "webhook_malformed"
    assert await _count(session, WebhookEvent) == 0
    assert (await session.scalar(select(RejectedWebhook.reason))) == "malformed"


async def test_oversized_payload_is_413(client: httpx.AsyncClient, number: WhatsAppNumber, settings) -> None:
    message = text_message("x" * (settings.whatsapp.max_webhook_bytes + 10))
    body, headers = signed(
        envelope(number.phone_number_id, number.waba_id, message_value(number.phone_number_id, message)),
        APP_SECRET,
    )
    response = await client.post(URL, content=body, headers=headers)
    assert response.status_code == 413 and response.json()["code"] == "payload_too_large"


async def test_unknown_types_and_extra_fields_are_kept_as_unsupported(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    message = {
        **text_message("ignored"),
        "type": "hologram",
        "hologram": {"beam": 3},
        "future_field": {"x": 1},
    }
    value = {**message_value(number.phone_number_id, message), "brand_new_value_key": True}
    body, headers = signed(envelope(number.phone_number_id, number.waba_id, value), APP_SECRET)
    assert (await client.post(URL, content=body, headers=headers)).status_code == 200
    await drain_jobs(database)
    stored = (await session.scalars(select(Message))).one()
    assert stored.type == "unsupported"
    assert stored.content["original_type"] == "hologram"
