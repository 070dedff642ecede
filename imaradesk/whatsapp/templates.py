"""Message templates: local CRUD, sync with the WhatsApp Business Account, status updates (§5)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.conversations import live
from imaradesk.core.errors import AppError, Conflict, FieldInvalid
from imaradesk.core.ids import new_id
from imaradesk.db.session import release_before_slow_io
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp import template_variables as tv
from imaradesk.whatsapp.client import CloudApiError
from imaradesk.whatsapp.models import Template, WebhookEvent
from imaradesk.whatsapp.repository import TemplateLookupRepository, TemplateRepository
from imaradesk.whatsapp.schemas import TemplateCreate, TemplateRead, TemplateUpdate, TemplateVariableRead
from imaradesk.whatsapp.wire import RemoteTemplate

APPROVED = "APPROVED"


class TemplateNotApproved(AppError):
    status_code = 409
    code = "template_not_approved"


_component = tv.component


def variable_count(components: Sequence[dict[str, Any]], kind: str) -> int:
    """Distinct variables of the header or body, numbered or named."""
    component = _component(components, kind)
    if component is None or not isinstance(component.get("text"), str):
        return 0
    return len(tv.names_in(str(component["text"])))


def variables(template: Template) -> list[tv.Variable]:
    return tv.variables_of(template.components, template.parameter_format)


def read(template: Template) -> TemplateRead:
    named = tv.is_named(template.components, template.parameter_format)
    return TemplateRead(
        id=template.id,
        name=template.name,
        language=template.language,
        category=template.category,
        status=template.status,
        components=template.components,
        meta_id=template.meta_id,
        rejection_reason=template.rejection_reason,
        parameter_format="NAMED" if named else "POSITIONAL",
        body_variable_count=variable_count(template.components, "BODY"),
        header_variable_count=variable_count(template.components, "HEADER"),
        variables=[
            TemplateVariableRead(
                component=v.component,
                name=v.name,
                field=v.field,
                example=v.example,
                max_length=v.max_length,
                button_index=v.button_index,
                button_text=v.button_text,
                url_prefix=v.url_prefix,
            )
            for v in variables(template)
        ],
        updated_at=template.updated_at,
    )


async def list_templates(session: AsyncSession, workspace_id: uuid.UUID) -> Sequence[Template]:
    return await TemplateRepository(session, workspace_id).list_ordered()


async def get(session: AsyncSession, workspace_id: uuid.UUID, template_id: uuid.UUID) -> Template:
    return await TemplateRepository(session, workspace_id).get_or_404(template_id, "template")


async def create(session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, data: TemplateCreate) -> Template:
    """Submit to the WhatsApp Business Account first (when asked and connected), then store it."""
    templates = TemplateRepository(session, workspace_id)
    if await templates.get_by_name(data.name, data.language) is not None:
        raise Conflict(f"Template {data.name!r} already exists in {data.language}.", code="template_exists")
    components = [c.model_dump(exclude_none=True) for c in data.components]
    if _component(components, "BODY") is None:
        raise FieldInvalid("components", "A template needs a BODY component.")
    tv.check_definition(components, data.parameter_format)
    template = Template(
        id=new_id(),
        name=data.name,
        language=data.language,
        category=data.category,
        status="LOCAL",
        components=components,
        parameter_format=data.parameter_format,
    )
    connected = await numbers.list_numbers(session, workspace_id) if data.submit else []
    if connected:
        client, waba_id = numbers.client_for(connected[0], settings), connected[0].waba_id
        await release_before_slow_io(session)
        try:
            definition: dict[str, Any] = {
                "name": data.name,
                "language": data.language,
                "category": data.category,
                "components": components,
            }
            if data.parameter_format == "NAMED":
                definition["parameter_format"] = "NAMED"
            answer = await client.create_template(definition)
        except CloudApiError as exc:
            raise AppError(f"WhatsApp refused the template: {exc}", code="template_rejected", status_code=422) from exc
        template.waba_id = waba_id
        template.meta_id = str(answer.get("id") or "") or None
        template.status = str(answer.get("status") or "PENDING")
    templates.add(template)
    await session.flush()
    return template


async def update(
    session: AsyncSession, workspace_id: uuid.UUID, template_id: uuid.UUID, data: TemplateUpdate
) -> Template:
    template = await get(session, workspace_id, template_id)
    if data.category is not None:
        template.category = data.category
    if data.components is not None:
        components = [c.model_dump(exclude_none=True) for c in data.components]
        tv.check_definition(components, template.parameter_format)
        template.components = components
        template.status = "LOCAL" if template.meta_id is None else "PENDING"
    await session.flush()
    return template


async def delete(session: AsyncSession, workspace_id: uuid.UUID, template_id: uuid.UUID) -> None:
    templates = TemplateRepository(session, workspace_id)
    await templates.delete(await templates.get_or_404(template_id, "template"))


async def sync(session: AsyncSession, settings: Settings, workspace_id: uuid.UUID) -> int:
    """Pull every template of each connected WABA; returns how many were created or updated."""
    clients = {n.waba_id: numbers.client_for(n, settings) for n in await numbers.list_numbers(session, workspace_id)}
    await release_before_slow_io(session)
    fetched: list[tuple[str, list[RemoteTemplate]]] = []
    for waba_id, client in clients.items():
        try:
            fetched.append((waba_id, await client.list_templates()))
        except CloudApiError as exc:
            raise AppError(f"Could not fetch templates: {exc}", code="template_sync_failed", status_code=502) from exc
    templates = TemplateRepository(session, workspace_id)
    changed = 0
    for waba_id, remote in fetched:
        for item in remote:
            local = await templates.get_by_name(item.name, item.language)
            if local is None:
                local = templates.add(
                    Template(
                        id=new_id(),
                        name=item.name,
                        language=item.language,
                        category=item.category or "UTILITY",
                        components=item.components,
                        parameter_format=(item.parameter_format or "POSITIONAL").upper(),
                    )
                )
            local.waba_id = waba_id
            local.meta_id = item.id
            local.status = item.status or local.status
            local.category = item.category or local.category
            local.components = item.components or local.components  # the examples come with them
            local.parameter_format = (item.parameter_format or "POSITIONAL").upper()
            changed += 1
    await session.flush()
    if changed:
        _notify_changed(session, workspace_id)
    return changed


async def handle_status_update(session: AsyncSession, event: WebhookEvent) -> bool:
    value = event.payload.get("value", {})
    template = await TemplateLookupRepository(session).by_meta_id_or_name(
        [str(event.payload.get("waba_id", ""))],
        str(value.get("message_template_id", "")) or None,
        str(value.get("message_template_name", "")),
        str(value.get("message_template_language", "")),
    )
    if template is None or template.workspace_id != event.workspace_id:
        return False
    template.status = str(value.get("event", template.status))
    reason = value.get("reason")
    template.rejection_reason = None if reason in (None, "NONE") else str(reason)
    _notify_changed(session, template.workspace_id)
    return True


def _notify_changed(session: AsyncSession, workspace_id: uuid.UUID) -> None:
    """Open template lists and pickers reload (an approval arrives minutes after submitting)."""
    live.notify(session, workspace_id, "templates.changed", {})


def build_send(template: Template, values: tv.Values) -> dict[str, Any]:
    """The wire `template` object (§4.7), after checking every value fits its variable."""
    if template.status != APPROVED:
        raise TemplateNotApproved(
            f"Template {template.name!r} ({template.language}) is {template.status}, not approved; sync templates."
        )
    named = tv.is_named(template.components, template.parameter_format)
    pairs = tv.assign(template.name, variables(template), values, named=named)
    tv.check_rendered(template.name, template.components, pairs)
    if any(not payload.strip() for payload in values.button_payloads):
        raise FieldInvalid("button_payloads", "A quick-reply payload cannot be empty.")
    components = tv.wire_components(template.components, pairs, values.button_payloads, named=named)
    return {"name": template.name, "language": {"code": template.language}, "components": components}


def render_preview(template: Template, values: tv.Values) -> str:
    """The body as the customer reads it, for the inbox preview and the message text."""
    body = _component(template.components, "BODY")
    text = str(body.get("text", "")) if body else template.name
    named = tv.is_named(template.components, template.parameter_format)
    if named:
        return tv.fill(text, dict(values.named_variables or {}))
    numbered = {str(i + 1): v for i, v in enumerate(values.variables)}
    return tv.fill(text, numbered)
