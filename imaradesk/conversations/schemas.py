from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from imaradesk.conversations.models import ConversationStatus, DeliveryStatus, Direction
from imaradesk.core.schemas import Schema, StrictInput


class ContactSummary(Schema):
    id: uuid.UUID
    wa_id: str
    name: str
    opted_out_marketing: bool


class ConversationRead(Schema):
    id: uuid.UUID
    status: ConversationStatus
    contact: ContactSummary
    number_id: uuid.UUID
    assignee_id: uuid.UUID | None
    team_id: uuid.UUID | None
    tags: list[str]
    snoozed_until: datetime | None
    last_message_at: datetime
    last_message_preview: str
    last_inbound_at: datetime | None
    unread_count: int
    is_window_open: bool = Field(description="Free-form messages allowed (24 h since the customer wrote)")
    window_expires_at: datetime | None
    updated_at: datetime = Field(
        description="Last change to the conversation (message, status, assignment): the newer copy wins"
    )
    language: str | None = Field(
        default=None, description="The customer's language as last detected with confidence (ISO 639-1)"
    )


class ConversationPage(Schema):
    items: list[ConversationRead]
    next_before: datetime | None = Field(description="Pass as `before` to get the next page")


class MessageError(Schema):
    code: int | None
    title: str
    detail: str
    hint: str = Field(default="", description="What the agent can do about it")


class MediaRead(Schema):
    mime_type: str
    filename: str
    size: int | None = None
    state: Literal["pending", "stored", "failed"] = Field(default="pending", description="Download state")
    error: str | None = Field(default=None, description="Why the file could not be fetched")
    url: str | None = Field(default=None, description="Download link, once the file is stored")


class InsightSource(Schema):
    provider: str
    model: str
    method: str | None = None


class MessageInsight(Schema):
    """What the AI understood of an inbound message; every label is present or the insight is absent."""

    intent: str
    intent_confidence: float = Field(ge=0.0, le=1.0)
    sentiment: float = Field(ge=-1.0, le=1.0, description="-1 very negative … +1 very positive")
    language: str = Field(description="ISO 639-1")
    language_confidence: float = Field(ge=0.0, le=1.0)
    sources: dict[str, InsightSource] = Field(description="Who produced each label: intent, sentiment, language")


class MessageTranslation(Schema):
    """The message in the workspace language, or why there is none."""

    status: Literal["translated", "unavailable"]
    language: str = Field(description="The workspace language the text was (or would be) translated into")
    text: str | None = None
    provider: str | None = None
    model: str | None = None
    reason: str | None = Field(default=None, description="Why there is no translation, in plain words")


class MessageRead(Schema):
    id: uuid.UUID
    conversation_id: uuid.UUID
    direction: Direction
    type: str
    text: str
    content: dict[str, Any]
    media: MediaRead | None
    wamid: str | None
    context_wamid: str | None
    status: DeliveryStatus
    error: MessageError | None
    author_id: uuid.UUID | None
    created_at: datetime
    sent_at: datetime | None
    delivered_at: datetime | None
    read_at: datetime | None
    insight: MessageInsight | None = None
    translation: MessageTranslation | None = None


class TextSend(StrictInput):
    type: Literal["text"]
    text: str = Field(min_length=1, max_length=4096)
    reply_to_message_id: uuid.UUID | None = None


class NoteCreate(StrictInput):
    type: Literal["note"]
    text: str = Field(min_length=1, max_length=4096)


class ReplyButton(StrictInput):
    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=20)


class ButtonsSend(StrictInput):
    type: Literal["buttons"]
    text: str = Field(min_length=1, max_length=1024)
    buttons: list[ReplyButton] = Field(min_length=1, max_length=3)
    footer: str | None = Field(default=None, max_length=60)
    reply_to_message_id: uuid.UUID | None = None


class ListRow(StrictInput):
    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=24)
    description: str | None = Field(default=None, max_length=72)


class ListSection(StrictInput):
    title: str | None = Field(default=None, max_length=24)
    rows: list[ListRow] = Field(min_length=1, max_length=10)


class ListSend(StrictInput):
    type: Literal["list"]
    text: str = Field(min_length=1, max_length=1024)
    button: str = Field(min_length=1, max_length=20)
    sections: list[ListSection] = Field(min_length=1, max_length=10)
    header: str | None = Field(default=None, max_length=60)
    footer: str | None = Field(default=None, max_length=60)
    reply_to_message_id: uuid.UUID | None = None


class TemplateSend(StrictInput):
    type: Literal["template"]
    template_id: uuid.UUID
    variables: list[str] = Field(
        default_factory=list, max_length=100, description="Body variables {{1}}, {{2}}, … in order"
    )
    header_variables: list[str] = Field(default_factory=list, max_length=10)
    named_variables: dict[str, str] = Field(
        default_factory=dict,
        max_length=100,
        description="Values of a NAMED template's header and body variables, by name: {customer_name: Amina}",
    )
    button_variables: list[str] = Field(
        default_factory=list,
        max_length=10,
        description="The end of the link of each URL button with a variable, in button order",
    )
    button_payloads: list[str] = Field(
        default_factory=list, max_length=10, description="Payloads of the quick-reply buttons, in order"
    )


class ReactionSend(StrictInput):
    type: Literal["reaction"]
    message_id: uuid.UUID
    emoji: str = Field(max_length=16, description="Empty removes the reaction")


MessageCreate = Annotated[
    TextSend | NoteCreate | ButtonsSend | ListSend | TemplateSend | ReactionSend, Field(discriminator="type")
]


class AssignmentUpdate(StrictInput):
    assignee_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None


class StatusUpdate(StrictInput):
    status: ConversationStatus
    snoozed_until: datetime | None = Field(default=None, description="Required when status is snoozed")


class TagsUpdate(StrictInput):
    tags: list[str] = Field(max_length=50)


class DraftTranslationCreate(StrictInput):
    text: str = Field(min_length=1, max_length=4096, description="The agent's draft, in the workspace language")


class DraftTranslationRead(Schema):
    text: str = Field(description="The draft in the customer's language; check it, then send it")
    source_language: str
    target_language: str
    provider: str
    model: str


class SummaryRead(Schema):
    """A conversation summary shaped as a ticket."""

    title: str
    description: str
    extractive: bool = Field(description="Quoted from the conversation (offline), not written by a model")
    provider: str
    model: str
