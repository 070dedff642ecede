"""Webhook ingest: verify, store each event under a unique key, enqueue its processing; nothing more.

This runs before the 200 (ARCHITECTURE §4), so it does the least work that makes the event
durable: no contact lookups, no AI, no sending.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.core import clock
from imaradesk.core.errors import AppError
from imaradesk.core.ids import new_id
from imaradesk.db.batching import BatchWriter
from imaradesk.db.session import Database
from imaradesk.jobs import enqueue_many
from imaradesk.whatsapp import numbers
from imaradesk.whatsapp.jobs import process_event
from imaradesk.whatsapp.models import RejectedWebhook
from imaradesk.whatsapp.numbers import RoutedNumber
from imaradesk.whatsapp.repository import RejectedWebhookRepository, WebhookEventRepository
from imaradesk.whatsapp.signatures import is_valid
from imaradesk.whatsapp.wire import WebhookPayload


class WebhookRejected(AppError):
    pass


@dataclass(frozen=True)
class IngestResult:
    stored: int
    duplicates: int


IngestWriter = BatchWriter[list[dict[str, Any]], IngestResult]


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:40]


async def _reject(
    database: Database,
    status: int,
    reason: str,
    detail: str,
    raw: bytes,
    remote: str,
    workspace_id: uuid.UUID | None = None,
) -> WebhookRejected:
    """Record the refusal in its own transaction (the admin sees it), then the caller raises."""
    async with database.unit_of_work() as session:
        RejectedWebhookRepository(session).add(
            RejectedWebhook(
                id=new_id(),
                workspace_id=workspace_id,
                reason=reason,
                detail=detail[:500],
                remote_addr=remote[:64],
                body_excerpt=raw[:2000].decode("utf-8", "replace"),
            )
        )
    return WebhookRejected(detail, code=f"webhook_{reason}", status_code=status)


def _named_ids(payload: WebhookPayload) -> tuple[list[str], list[str]]:
    phone_ids, waba_ids = [], []
    for entry in payload.entry:
        waba_ids.append(entry.id)
        for change in entry.changes:
            metadata = change.value.get("metadata")
            if isinstance(metadata, dict) and metadata.get("phone_number_id"):
                phone_ids.append(str(metadata["phone_number_id"]))
    return list(dict.fromkeys(phone_ids)), list(dict.fromkeys(waba_ids))


def _event_rows(payload: WebhookPayload, routes: list[RoutedNumber]) -> list[dict[str, Any]]:
    by_phone = {r.phone_number_id: r for r in routes}
    by_waba = {r.waba_id: r for r in routes}
    now = clock.now()
    rows: list[dict[str, Any]] = []

    def add(route: RoutedNumber, key: str, kind: str, body: dict[str, Any]) -> None:
        rows.append(
            {
                "id": new_id(),
                "workspace_id": route.workspace_id,
                "number_id": route.id,
                "dedupe_key": key[:320],
                "kind": kind,
                "payload": body,
                "received_at": now,
            }
        )

    for entry in payload.entry:
        for change in entry.changes:
            value = change.value
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else None
            if change.field != "messages" or metadata is None:
                route = by_waba.get(entry.id)
                if route is not None:
                    add(
                        route,
                        f"{change.field}:{_digest(value)}",
                        change.field,
                        {"waba_id": entry.id, "value": value},
                    )
                continue
            route = by_phone.get(str(metadata.get("phone_number_id")))
            if route is None:
                continue
            contacts = [c for c in value.get("contacts", []) if isinstance(c, dict)]
            for message in value.get("messages", []):
                if isinstance(message, dict):
                    sender = [c for c in contacts if c.get("wa_id") == message.get("from")] or contacts[:1]
                    key = f"message:{message.get('id') or _digest(message)}"
                    add(route, key, "message", {"metadata": metadata, "contacts": sender, "message": message})
            for status in value.get("statuses", []):
                if isinstance(status, dict):
                    key = f"status:{status.get('id')}:{status.get('status')}"
                    add(route, key, "status", {"metadata": metadata, "status": status})
            for error in value.get("errors", []):
                add(route, f"error:{_digest(error)}", "error", {"metadata": metadata, "error": error})
    return rows


async def store_batch(session: AsyncSession, batch: Sequence[list[dict[str, Any]]]) -> list[IngestResult]:
    """One transaction for every webhook queued meanwhile: new events and their processing jobs."""
    rows = [row for rows in batch for row in rows]
    stored = await WebhookEventRepository(session).insert_new(rows)
    by_workspace: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for event_id, workspace_id in stored:
        by_workspace.setdefault(workspace_id, []).append({"event_id": str(event_id)})
    for workspace_id, payloads in by_workspace.items():
        await enqueue_many(session, process_event, payloads, workspace_id=workspace_id)
    new_ids = {event_id for event_id, _ in stored}
    results = []
    for rows_of_one in batch:
        count = sum(1 for row in rows_of_one if row["id"] in new_ids)
        results.append(IngestResult(stored=count, duplicates=len(rows_of_one) - count))
    return results


def create_writer(database: Database) -> IngestWriter:
    return BatchWriter(database, store_batch)


async def ingest(
    database: Database, writer: IngestWriter, settings: Settings, raw: bytes, signature: str | None, remote: str
) -> IngestResult:
    """Verify a webhook POST and make its events durable; the 200 may follow only this."""
    try:
        payload = WebhookPayload.model_validate_json(raw)
    except ValidationError as exc:
        detail = "The body is not valid JSON." if "json_invalid" in str(exc) else "The body is not a webhook payload."
        raise await _reject(database, 400, "malformed", detail, raw, remote) from exc
    phone_ids, waba_ids = _named_ids(payload)
    routes = await numbers.routes_for(database, settings, phone_ids, waba_ids)
    if not routes:
        raise await _reject(
            database, 404, "unknown_number", f"No connected number for {phone_ids or waba_ids}.", raw, remote
        )
    secrets = {r.app_secret for r in routes}
    if not any(is_valid(raw, signature, secret) for secret in secrets):
        raise await _reject(
            database,
            401,
            "bad_signature",
            "X-Hub-Signature-256 is missing or wrong.",
            raw,
            remote,
            routes[0].workspace_id,
        )
    return await writer.submit(_event_rows(payload, routes))
