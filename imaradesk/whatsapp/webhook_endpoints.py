"""/webhooks/whatsapp: the verification handshake and the ingest hot path (§1)."""

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from imaradesk.core.app_state import AppSettings
from imaradesk.core.crypto import constant_time_equals
from imaradesk.db.session import Session, get_database
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


@router.post(WEBHOOK_PATH)
async def receive_webhook(request: Request, settings: AppSettings) -> JSONResponse:
    """No request-wide session here: the group-commit writer owns the write (see db/batching.py)."""
    raw = await request.body()
    client = request.client.host if request.client else ""
    result = await ingest.ingest(
        get_database(request), ingest_writer(request), settings, raw, request.headers.get("x-hub-signature-256"), client
    )
    return JSONResponse({"stored": result.stored, "duplicates": result.duplicates})


def ingest_writer(request: Request) -> ingest.IngestWriter:
    state = request.app.state
    if getattr(state, "ingest_writer", None) is None:
        state.ingest_writer = ingest.create_writer(get_database(request))
    writer: ingest.IngestWriter = state.ingest_writer
    return writer
