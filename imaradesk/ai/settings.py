"""Per-workspace AI settings: provider configs (keys sealed), routing per task, intent examples,
the connection test, the call log, and the Router those settings describe.

Routers are kept in memory for a few seconds per workspace (every message needs one) and dropped
at once when this process changes the settings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from imaradesk.ai.models import AIProviderConfig, AISettings
from imaradesk.ai.providers import registry
from imaradesk.ai.providers.base import Provider, ProviderError
from imaradesk.ai.repository import AISettingsRepository, CallFilter, CallRepository, ProviderConfigRepository
from imaradesk.ai.router import Router, breaker
from imaradesk.ai.schemas import (
    INTENTS,
    AICallPage,
    AICallRead,
    AIConnectionTest,
    AIProviderCreate,
    AIProviderRead,
    AIProviderUpdate,
    AIRoutingRead,
    AIRoutingUpdate,
    ProviderKind,
    Task,
)
from imaradesk.config import get_settings
from imaradesk.core.crypto import SecretBox
from imaradesk.core.errors import Conflict, FieldInvalid
from imaradesk.core.ids import new_id
from imaradesk.db.session import Database, release_before_slow_io

# stdlib logging, not structlog: its console renderer prints tracebacks with their locals (rich),
# and the frames here hold decrypted API keys.
log = logging.getLogger(__name__)

ROUTER_TTL_SECONDS = 10.0


@dataclass(frozen=True)
class WorkspaceAI:
    router: Router
    examples_fingerprint: str
    loaded_at: float


_routers: dict[uuid.UUID, WorkspaceAI] = {}
_providers: dict[tuple[uuid.UUID, registry.ProviderSpec, str], Provider] = {}
_locals: dict[str, Provider | None] = {}
local_factory: registry.LocalFactory = registry.default_local_provider


def install_local_factory(factory: registry.LocalFactory) -> None:
    """Tests and the bench choose the offline provider; the default imports providers/local.py."""
    global local_factory
    local_factory = factory
    _locals.clear()
    _routers.clear()


def forget(workspace_id: uuid.UUID | None = None) -> None:
    if workspace_id is None:
        _routers.clear()
        _providers.clear()
        return
    _routers.pop(workspace_id, None)
    for key in [k for k in _providers if k[0] == workspace_id]:
        del _providers[key]


def fingerprint(examples: Mapping[str, Sequence[str]]) -> str:
    if not examples:
        return ""
    return hashlib.sha256(json.dumps(examples, sort_keys=True).encode()).hexdigest()[:16]


def _box() -> SecretBox:
    return SecretBox(get_settings().secret_key)


def spec_of(config: AIProviderConfig) -> registry.ProviderSpec:
    kind = ProviderKind(config.kind)
    defaults = registry.DEFAULTS[kind]
    return registry.ProviderSpec(
        kind=kind,
        model=config.model,
        api_key=_box().decrypt(config.api_key_sealed) if config.api_key_sealed else None,
        base_url=config.base_url or defaults.base_url,
        embedding_model=config.embedding_model,
        timeout_seconds=config.timeout_seconds,
    )


def effective_routing(
    configs: Sequence[AIProviderConfig], custom: Mapping[str, Sequence[str]]
) -> dict[Task, list[str]]:
    enabled = {c.kind for c in configs if c.is_enabled}
    default = [kind.value for kind in registry.DEFAULT_ORDER if kind.value in enabled]
    routing: dict[Task, list[str]] = {}
    for task in Task:
        chosen = [name for name in custom.get(task.value, default) if name in enabled or name == registry.LOCAL]
        routing[task] = [*dict.fromkeys([n for n in chosen if n != registry.LOCAL]), registry.LOCAL]
    return routing


async def workspace_ai(database: Database, workspace_id: uuid.UUID) -> WorkspaceAI:
    loaded = _routers.get(workspace_id)
    if loaded is not None and time.monotonic() - loaded.loaded_at < ROUTER_TTL_SECONDS:
        return loaded
    async with database.unit_of_work() as session:
        configs = await ProviderConfigRepository(session, workspace_id).list_all()
        stored = await AISettingsRepository(session, workspace_id).current()
        custom = dict(stored.routing) if stored else {}
        examples = {k: list(v) for k, v in (stored.intent_examples if stored else {}).items()}
        routing = effective_routing(configs, custom)
        specs = {c.kind: spec_of(c) for c in configs if c.is_enabled}
    examples_fp = fingerprint(examples)
    built: dict[str, Provider] = {}
    for kind, spec in specs.items():
        key = (workspace_id, spec, examples_fp)
        if key not in _providers:
            try:
                _providers[key] = registry.build(spec, intent_examples=examples)
            except Exception:  # a bad config disables that provider, not the workspace's AI
                log.exception("could not build AI provider %s", kind)
                continue
        built[kind] = _providers[key]
    routes = {task: [built[name] for name in names if name in built] for task, names in routing.items()}
    router = Router(workspace_id, routes, local=_local(examples, examples_fp))
    loaded = WorkspaceAI(router, examples_fp, time.monotonic())
    _routers[workspace_id] = loaded
    return loaded


def _local(examples: Mapping[str, Sequence[str]], examples_fp: str) -> Provider | None:
    if examples_fp not in _locals:
        _locals[examples_fp] = local_factory(examples or None)
    return _locals[examples_fp]


def read_provider(config: AIProviderConfig) -> AIProviderRead:
    kind = ProviderKind(config.kind)
    return AIProviderRead(
        id=config.id,
        kind=kind,
        label=registry.DEFAULTS[kind].label,
        model=config.model,
        base_url=config.base_url or registry.DEFAULTS[kind].base_url,
        embedding_model=config.embedding_model,
        has_key=config.api_key_sealed is not None,
        key_last4=config.api_key_last4,
        timeout_seconds=config.timeout_seconds,
        is_enabled=config.is_enabled,
        created_at=config.created_at,
    )


async def list_providers(session: AsyncSession, workspace_id: uuid.UUID) -> list[AIProviderRead]:
    return [read_provider(c) for c in await ProviderConfigRepository(session, workspace_id).list_all()]


def _seal(config: AIProviderConfig, api_key: str) -> None:
    config.api_key_sealed = _box().encrypt(api_key)
    config.api_key_last4 = api_key[-4:] if len(api_key) >= 8 else None


async def create_provider(session: AsyncSession, workspace_id: uuid.UUID, data: AIProviderCreate) -> AIProviderRead:
    configs = ProviderConfigRepository(session, workspace_id)
    if await configs.by_kind(data.kind.value) is not None:
        raise Conflict(f"A {data.kind.value} provider is already configured; edit it instead.", code="provider_exists")
    defaults = registry.DEFAULTS[data.kind]
    if defaults.needs_key and not data.api_key:
        raise FieldInvalid("api_key", f"{defaults.label} needs an API key.")
    embedding = data.embedding_model if "embedding_model" in data.model_fields_set else defaults.embedding_model
    config = configs.add(
        AIProviderConfig(
            id=new_id(),
            kind=data.kind.value,
            model=data.model or defaults.model,
            base_url=str(data.base_url).rstrip("/") if data.base_url else None,
            embedding_model=embedding or None,
            timeout_seconds=data.timeout_seconds,
            is_enabled=data.is_enabled,
        )
    )
    if data.api_key:
        _seal(config, data.api_key)
    await session.flush()
    forget(workspace_id)
    return read_provider(config)


async def update_provider(
    session: AsyncSession, workspace_id: uuid.UUID, provider_id: uuid.UUID, data: AIProviderUpdate
) -> AIProviderRead:
    config = await ProviderConfigRepository(session, workspace_id).get_or_404(provider_id, "AI provider")
    changes = data.model_fields_set
    if data.model is not None:
        config.model = data.model
    if "base_url" in changes:
        config.base_url = str(data.base_url).rstrip("/") if data.base_url else None
    if "embedding_model" in changes:
        config.embedding_model = data.embedding_model or None
    if data.timeout_seconds is not None:
        config.timeout_seconds = data.timeout_seconds
    if data.is_enabled is not None:
        config.is_enabled = data.is_enabled
    if data.api_key is not None:
        _seal(config, data.api_key)
    await session.flush()
    forget(workspace_id)
    breaker.reset(workspace_id)  # a new key or URL deserves a fresh chance
    return read_provider(config)


async def delete_provider(session: AsyncSession, workspace_id: uuid.UUID, provider_id: uuid.UUID) -> None:
    configs = ProviderConfigRepository(session, workspace_id)
    await configs.delete(await configs.get_or_404(provider_id, "AI provider"))
    forget(workspace_id)


async def get_routing(session: AsyncSession, workspace_id: uuid.UUID) -> AIRoutingRead:
    configs = await ProviderConfigRepository(session, workspace_id).list_all()
    stored = await AISettingsRepository(session, workspace_id).current()
    custom = dict(stored.routing) if stored else {}
    return AIRoutingRead(
        routing=effective_routing(configs, custom),
        custom_routing={Task(k): list(v) for k, v in custom.items()},
        intent_examples={k: list(v) for k, v in (stored.intent_examples if stored else {}).items() if k in INTENTS},
    )


async def update_routing(session: AsyncSession, workspace_id: uuid.UUID, data: AIRoutingUpdate) -> AIRoutingRead:
    repository = AISettingsRepository(session, workspace_id)
    stored = await repository.current()
    if stored is None:
        stored = repository.add(AISettings(id=new_id(), routing={}, intent_examples={}))
    if data.routing is not None:
        stored.routing = {task.value: list(dict.fromkeys(names)) for task, names in data.routing.items()}
    if data.intent_examples is not None:
        stored.intent_examples = {intent: list(phrases) for intent, phrases in data.intent_examples.items() if phrases}
    await session.flush()
    forget(workspace_id)
    return await get_routing(session, workspace_id)


async def test_provider(session: AsyncSession, workspace_id: uuid.UUID, provider_id: uuid.UUID) -> AIConnectionTest:
    """One tiny real call with the stored settings; the transaction ends first (no lock held while waiting)."""
    config = await ProviderConfigRepository(session, workspace_id).get_or_404(provider_id, "AI provider")
    spec = spec_of(config)
    await release_before_slow_io(session)
    try:
        provider = registry.build(spec)
    except Exception as exc:  # noqa: BLE001 (a config the SDK refuses is a failed test, not a 500)
        return AIConnectionTest(
            ok=False, code="provider_misconfigured", message=f"Settings refused: {type(exc).__name__}"
        )
    started = time.perf_counter()
    try:
        await provider.generate(system="Answer with the single word OK.", prompt="ping")
    except ProviderError as exc:
        return AIConnectionTest(ok=False, code=exc.code, message=exc.message[:1].upper() + exc.message[1:] + ".")
    latency = (time.perf_counter() - started) * 1000
    return AIConnectionTest(ok=True, message=f"{registry.DEFAULTS[spec.kind].label} answered.", latency_ms=latency)


async def list_calls(
    session: AsyncSession, workspace_id: uuid.UUID, flt: CallFilter, *, limit: int, offset: int
) -> AICallPage:
    rows, total = await CallRepository(session, workspace_id).page(flt, limit=limit, offset=offset)
    following = offset + len(rows)
    return AICallPage(
        items=[AICallRead.model_validate(row) for row in rows],
        total=total,
        next_offset=following if following < total else None,
    )
