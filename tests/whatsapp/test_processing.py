"""Stored events become contacts, conversations and messages; statuses merge monotonically (§2, §3)."""

from __future__ import annotations

import copy
import uuid

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.contacts.models import Contact
from imaradesk.conversations import service as conversations
from imaradesk.conversations.models import Conversation, ConversationStatus, DeliveryStatus, Message
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.whatsapp.models import WhatsAppNumber
from tests.factories.whatsapp import APP_SECRET, make_conversation
from tests.factories.workspaces import MemberHandle
from tests.whatsapp.payloads import (
    envelope,
    message_value,
    reference_envelopes,
    reference_inbound_messages,
    signed,
    status_value,
    text_message,
)

URL = "/webhooks/whatsapp"


async def post(
    client: httpx.AsyncClient, number: WhatsAppNumber, value: dict, field: str = "messages"
) -> httpx.Response:
    body, headers = signed(envelope(number.phone_number_id, number.waba_id, value, field), APP_SECRET)
    response = await client.post(URL, content=body, headers=headers)
    assert response.status_code == 200, response.text
    return response


def _retarget(value: dict, number: WhatsAppNumber) -> dict:
    value = copy.deepcopy(value)
    if "metadata" in value:
        value["metadata"]["phone_number_id"] = number.phone_number_id
    return value


async def test_every_reference_message_example_is_stored_faithfully(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    examples = reference_inbound_messages()
    for i, example in enumerate(examples):
        message = {**copy.deepcopy(example), "id": f"{example['id']}-{i}"}
        await post(client, number, message_value(number.phone_number_id, message))
    await drain_jobs(database)
    stored = {m.wamid: m for m in (await session.scalars(select(Message))).all()}
    assert len(stored) == len(examples)
    by_type = {m.type: m for m in stored.values()}
    assert by_type["interactive"].text in {"Track order", "Express"}
    assert by_type["button"].text == "Stop promotions"
    assert by_type["image"].text == "Damaged box" and (by_type["image"].media or {})["media_id"] == "1234567890123456"
    assert (by_type["audio"].media or {})["voice"] is True
    assert by_type["location"].text == "Kenyatta Ave shop — Kenyatta Ave, Nairobi"
    assert by_type["contacts"].text == "Juma Otieno"
    assert by_type["reaction"].text == "👍"
    assert by_type["unsupported"].content["errors"][0]["code"] == 131051
    assert by_type["interactive"].context_wamid is not None  # replies keep what they answer (§2.4)


async def test_reference_envelopes_are_accepted(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    for example in reference_envelopes():
        for entry in example["entry"]:
            for change in entry["changes"]:
                await post(client, number, _retarget(change["value"], number), change["field"])
    processed = await drain_jobs(database)
    assert processed >= 1
    assert (await session.scalar(select(Message.text))) == "Habari, where is my order?"


async def test_one_contact_and_conversation_per_customer_and_number(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    for text in ("Hello", "Are you there?", "Helloooo"):
        await post(client, number, message_value(number.phone_number_id, text_message(text), name="Wanjiru"))
    await drain_jobs(database)
    contact = (await session.scalars(select(Contact))).one()
    assert contact.wa_id == "254711000222" and contact.name == "Wanjiru"
    conversation = (await session.scalars(select(Conversation))).one()
    assert conversation.unread_count == 3 and conversation.last_message_preview == "Helloooo"


async def test_a_resolved_conversation_reopens_when_the_customer_writes(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
) -> None:
    conversation, _ = await make_conversation(session, owner, number, wa_id="254711000222")
    await conversations.set_status(session, owner.workspace_id, conversation.id, ConversationStatus.resolved, None)
    await session.commit()
    await post(client, number, message_value(number.phone_number_id, text_message("One more question")))
    await drain_jobs(database)
    await session.refresh(conversation)
    assert conversation.status == "open"


async def _outbound(session: AsyncSession, owner: MemberHandle, conversation: Conversation) -> Message:
    message = await conversations.queue_outbound(
        session,
        workspace_id=owner.workspace_id,
        conversation_id=conversation.id,
        author_id=None,
        kind="text",
        text="Your order ships today",
        content={"type": "text", "text": {"body": "Your order ships today"}},
    )
    await conversations.record_sent(session, owner.workspace_id, message.id, f"wamid.out.{uuid.uuid4().hex}")
    await session.commit()
    return message


async def test_statuses_reordered_and_duplicated_never_move_backwards(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
) -> None:
    conversation, _ = await make_conversation(session, owner, number)
    message = await _outbound(session, owner, conversation)
    assert message.wamid
    for status in ("read", "delivered", "sent", "read", "delivered"):
        await post(client, number, status_value(number.phone_number_id, message.wamid, status))
    await drain_jobs(database)
    await session.refresh(message)
    assert message.status == DeliveryStatus.read
    assert message.delivered_at is not None and message.read_at is not None  # read implies delivered (§3.2)


async def test_failed_status_keeps_metas_error_and_explains_it(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
) -> None:
    conversation, _ = await make_conversation(session, owner, number)
    message = await _outbound(session, owner, conversation)
    error = {
        "code": 131026,
        "title": "Message undeliverable",
        "message": "Message undeliverable",
        "error_data": {"details": "Message Undeliverable."},
    }
    await post(client, number, status_value(number.phone_number_id, message.wamid or "", "failed", errors=[error]))
    await drain_jobs(database)
    await session.refresh(message)
    assert message.status == DeliveryStatus.failed
    assert message.error is not None and message.error["code"] == 131026
    assert "could not receive" in message.error["hint"]


async def test_marketing_opt_out_error_marks_the_contact(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
) -> None:
    conversation, _ = await make_conversation(session, owner, number)
    message = await _outbound(session, owner, conversation)
    error = {
        "code": 131050,
        "title": "Unable to deliver the message",
        "message": "",
        "error_data": {"details": "stopped"},
    }
    await post(client, number, status_value(number.phone_number_id, message.wamid or "", "failed", errors=[error]))
    await drain_jobs(database)
    contact = await session.get(Contact, conversation.contact_id)
    assert contact is not None
    await session.refresh(contact)
    assert contact.opted_out_marketing and contact.opt_out_source == "whatsapp"


async def test_status_that_outruns_the_send_is_applied_once_the_message_exists(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    owner: MemberHandle,
    number: WhatsAppNumber,
) -> None:
    from datetime import timedelta

    from imaradesk.core import clock

    wamid = f"wamid.race.{uuid.uuid4().hex}"
    await post(client, number, status_value(number.phone_number_id, wamid, "delivered"))
    await drain_jobs(database)  # no such message yet: the job waits for a retry
    conversation, _ = await make_conversation(session, owner, number)
    message = await conversations.queue_outbound(
        session,
        workspace_id=owner.workspace_id,
        conversation_id=conversation.id,
        author_id=None,
        kind="text",
        text="hi",
        content={"type": "text", "text": {"body": "hi"}},
    )
    await conversations.record_sent(session, owner.workspace_id, message.id, wamid)
    await session.commit()
    clock.advance(timedelta(seconds=5))
    await drain_jobs(database)
    await session.refresh(message)
    assert message.status == DeliveryStatus.delivered


@pytest.mark.parametrize(("word", "opted_out"), [("STOP", True), ("Arrêt", True), ("sitaki", True)])
async def test_stop_keywords_opt_out_and_confirm(
    client: httpx.AsyncClient,
    database: Database,
    session: AsyncSession,
    number: WhatsAppNumber,
    word: str,
    opted_out: bool,
) -> None:
    await post(client, number, message_value(number.phone_number_id, text_message(word)))
    await drain_jobs(database)
    contact = (await session.scalars(select(Contact))).one()
    assert contact.opted_out_marketing is opted_out
    replies = (await session.scalars(select(Message).where(Message.direction == "outbound"))).all()
    assert len(replies) == 1 and "no longer receive" in replies[0].text
    await post(client, number, message_value(number.phone_number_id, text_message("START")))
    await drain_jobs(database)
    await session.refresh(contact)
    assert contact.opted_out_marketing is False


async def test_a_sentence_containing_stop_is_just_a_message(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    await post(
        client,
        number,
        message_value(number.phone_number_id, text_message("Please stop sending the wrong size")),
    )
    await drain_jobs(database)
    assert (await session.scalars(select(Contact))).one().opted_out_marketing is False


async def test_a_new_conversation_is_dated_by_the_customers_message(
    client: httpx.AsyncClient, database: Database, session: AsyncSession, number: WhatsAppNumber
) -> None:
    from datetime import UTC, datetime

    two_days_ago = int(datetime(2026, 11, 23, 9, 30, tzinfo=UTC).timestamp())
    await post(
        client,
        number,
        message_value(number.phone_number_id, {**text_message("Old question"), "timestamp": str(two_days_ago)}),
    )
    await drain_jobs(database)
    conversation = (await session.scalars(select(Conversation))).one()
    assert conversation.last_message_at == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
