"""WhatsApp numbers of a workspace: several per workspace, secrets sealed at rest, never returned."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.config import Settings
from imaradesk.core.crypto import SecretBox
from imaradesk.core.errors import Conflict, FieldInvalid
from imaradesk.core.ids import new_id
from imaradesk.db.session import Database, release_before_slow_io
from imaradesk.whatsapp.client import CloudApiClient, CloudApiError, NumberCredentials
from imaradesk.whatsapp.models import WhatsAppNumber
from imaradesk.whatsapp.repository import NumberLookupRepository, NumberRepository
from imaradesk.whatsapp.schemas import NumberCreate, NumberRead, NumberTestResult, NumberUpdate
from imaradesk.workspaces import service as workspaces

WEBHOOK_PATH = "/webhooks/whatsapp"


@dataclass(frozen=True)
class RoutedNumber:
    """What the webhook needs to accept an event: where it belongs and how it is signed."""

    id: uuid.UUID
    workspace_id: uuid.UUID
    phone_number_id: str
    waba_id: str
    app_secret: str


def read(number: WhatsAppNumber, settings: Settings) -> NumberRead:
    return NumberRead.model_validate(
        {
            **{f: getattr(number, f) for f in NumberRead.model_fields if f != "webhook_url"},
            "webhook_url": settings.public_url.rstrip("/") + WEBHOOK_PATH,
        }
    )


async def list_numbers(session: AsyncSession, workspace_id: uuid.UUID) -> Sequence[WhatsAppNumber]:
    return await NumberRepository(session, workspace_id).list_ordered()


async def get(session: AsyncSession, workspace_id: uuid.UUID, number_id: uuid.UUID) -> WhatsAppNumber:
    return await NumberRepository(session, workspace_id).get_or_404(number_id, "WhatsApp number")


async def _check_team(session: AsyncSession, workspace_id: uuid.UUID, team_id: uuid.UUID | None) -> None:
    if team_id is not None and not await workspaces.is_team(session, workspace_id, team_id):
        raise FieldInvalid("default_team_id", f"No team with id {team_id} in this workspace.")


async def create(
    session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, data: NumberCreate
) -> WhatsAppNumber:
    if await NumberLookupRepository(session).phone_number_id_taken(data.phone_number_id):
        raise Conflict(f"Phone-number id {data.phone_number_id} is already connected.", code="number_exists")
    await _check_team(session, workspace_id, data.default_team_id)
    box = SecretBox(settings.secret_key)
    number = NumberRepository(session, workspace_id).add(
        WhatsAppNumber(
            id=new_id(),
            phone_number_id=data.phone_number_id,
            display_phone_number=data.display_phone_number,
            label=data.label,
            waba_id=data.waba_id,
            access_token_sealed=box.encrypt(data.access_token),
            app_secret_sealed=box.encrypt(data.app_secret),
            verify_token=data.verify_token,
            graph_base_url=str(data.graph_base_url).rstrip("/"),
            api_version=data.api_version,
            send_rate_per_second=data.send_rate_per_second,
            default_team_id=data.default_team_id,
        )
    )
    await session.flush()
    forget_routes()
    return number


async def update(
    session: AsyncSession,
    settings: Settings,
    workspace_id: uuid.UUID,
    number_id: uuid.UUID,
    data: NumberUpdate,
) -> WhatsAppNumber:
    number = await get(session, workspace_id, number_id)
    box = SecretBox(settings.secret_key)
    changes = data.model_dump(exclude_unset=True)
    if "default_team_id" in changes:
        await _check_team(session, workspace_id, data.default_team_id)
        number.default_team_id = data.default_team_id
    if data.label is not None:
        number.label = data.label
    if data.display_phone_number is not None:
        number.display_phone_number = data.display_phone_number
    if data.graph_base_url is not None:
        number.graph_base_url = str(data.graph_base_url).rstrip("/")
    if data.api_version is not None:
        number.api_version = data.api_version
    if data.verify_token is not None:
        number.verify_token = data.verify_token
    if data.send_rate_per_second is not None:
        number.send_rate_per_second = data.send_rate_per_second
    if data.access_token is not None:
        number.access_token_sealed = box.encrypt(data.access_token)
    if data.app_secret is not None:
        number.app_secret_sealed = box.encrypt(data.app_secret)
    await session.flush()
    forget_routes()
    return number


async def delete(session: AsyncSession, workspace_id: uuid.UUID, number_id: uuid.UUID) -> None:
    numbers = NumberRepository(session, workspace_id)
    await numbers.delete(await numbers.get_or_404(number_id, "WhatsApp number"))
    forget_routes()


def credentials(number: WhatsAppNumber, settings: Settings) -> NumberCredentials:
    return NumberCredentials(
        phone_number_id=number.phone_number_id,
        waba_id=number.waba_id,
        access_token=SecretBox(settings.secret_key).decrypt(number.access_token_sealed),
        base_url=number.graph_base_url,
        api_version=number.api_version,
        send_rate_per_second=number.send_rate_per_second,
    )


def client_for(number: WhatsAppNumber, settings: Settings) -> CloudApiClient:
    return CloudApiClient(
        credentials(number, settings),
        max_attempts=settings.whatsapp.send_attempts,
        backoff_seconds=settings.whatsapp.retry_backoff_seconds,
    )


async def test_connection(
    session: AsyncSession, settings: Settings, workspace_id: uuid.UUID, number_id: uuid.UUID
) -> NumberTestResult:
    client = client_for(await get(session, workspace_id, number_id), settings)
    await release_before_slow_io(session)
    try:
        info = await client.phone_number_info()
    except CloudApiError as exc:
        return NumberTestResult(ok=False, message=f"WhatsApp answered: {exc}")
    return NumberTestResult(
        ok=True,
        message="Connected.",
        display_phone_number=info.display_phone_number or None,
        verified_name=info.verified_name or None,
    )


_ROUTE_TTL_SECONDS = 30.0
_routes: dict[str, tuple[float, RoutedNumber | None]] = {}


def forget_routes() -> None:
    """Changes made in this process apply at once; other processes see them within the TTL."""
    _routes.clear()


async def routes_for(
    database: Database, settings: Settings, phone_number_ids: Sequence[str], waba_ids: Sequence[str]
) -> list[RoutedNumber]:
    """Numbers named by a webhook, from a short-lived cache so the hot path rarely reads the database."""
    now = time.monotonic()
    wanted = [f"p:{p}" for p in phone_number_ids] + [f"w:{w}" for w in waba_ids]
    if any(k not in _routes or _routes[k][0] < now for k in wanted):
        async with database.unit_of_work() as session:
            await _load_routes(session, settings, phone_number_ids, waba_ids, now + _ROUTE_TTL_SECONDS)
    found = {route.id: route for k in wanted if (route := _routes[k][1]) is not None}
    return list(found.values())


async def _load_routes(
    session: AsyncSession,
    settings: Settings,
    phone_number_ids: Sequence[str],
    waba_ids: Sequence[str],
    expires: float,
) -> None:
    lookup = NumberLookupRepository(session)
    box = SecretBox(settings.secret_key)
    # Built aside and published at once: a concurrent webhook never sees a half-loaded cache.
    loaded: dict[str, tuple[float, RoutedNumber | None]] = {f"p:{p}": (expires, None) for p in phone_number_ids}
    loaded.update({f"w:{w}": (expires, None) for w in waba_ids})
    found = list(await lookup.by_phone_number_ids(phone_number_ids)) + list(await lookup.by_waba_ids(waba_ids))
    for n in found:
        route = RoutedNumber(n.id, n.workspace_id, n.phone_number_id, n.waba_id, box.decrypt(n.app_secret_sealed))
        loaded[f"p:{n.phone_number_id}"] = (expires, route)
        if n.waba_id in waba_ids:
            loaded[f"w:{n.waba_id}"] = (expires, route)
    _routes.update(loaded)


async def verify_tokens(session: AsyncSession) -> set[str]:
    return {n.verify_token for n in await NumberLookupRepository(session).all()}
