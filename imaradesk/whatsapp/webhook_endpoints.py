"""/webhooks/whatsapp: the verification handshake and the ingest hot path (§1)."""

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Match, Route
from starlette.types import Scope

from imaradesk.core.crypto import constant_time_equals
from imaradesk.db.session import Session
from imaradesk.whatsapp import ingest, numbers
from imaradesk.whatsapp.numbers import WEBHOOK_PATH

router = APIRouter(tags=["webhooks"], include_in_schema=False)


@router.get(WEBHOOK_PATH, response_class=PlainTextResponse)
async def verify_subscription(
    session: Session,
    mode: str = Query(default="", alias="hub.mode"),
    token: str = Query(default="", alias="hub.verify_token"),
    challenge: str = Query(default="", alias="hub.challenge"),
) -> PlainTextResponse:
    known = await numbers.verify_tokens(session)
    if mode == "subscribe" and challenge and any(constant_time_equals(token, t) for t in known):
        return PlainTextResponse(challenge)
    return PlainTextResponse("verification failed", status_code=403)


async def receive_webhook(request: Request) -> JSONResponse:
    """POST: a plain Starlette endpoint, matched before FastAPI's router (docs/whatsapp.md, Ingest).

    FastAPI's route matching and dependency solving cost more than the ingest itself at
    1,000 events/s, and this endpoint needs neither: the raw body is the input (it is signed
    as sent) and the app state holds the rest. Errors are `AppError`s, rendered by the app's
    handlers like any other. No request-wide session: the group-commit writer owns the write.
    """
    raw = await request.body()
    state = request.app.state
    client = request.client.host if request.client else ""
    result = await ingest.ingest(
        state.database, ingest_writer(state), state.settings, raw, request.headers.get("x-hub-signature-256"), client
    )
    return JSONResponse({"stored": result.stored, "duplicates": result.duplicates})


class _LabelledRoute(Route):
    """Names itself in the scope, as FastAPI's router does for its routes: the request metrics
    and the access log label requests by that route's path."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is not Match.NONE:
            child_scope["route"] = self
        return match, child_scope


receive_route = _LabelledRoute(WEBHOOK_PATH, receive_webhook, methods=["POST"], name="whatsapp_webhook")


def ingest_writer(state: State) -> ingest.IngestWriter:
    if getattr(state, "ingest_writer", None) is None:
        state.ingest_writer = ingest.create_writer(state.database)
    writer: ingest.IngestWriter = state.ingest_writer
    return writer
