"""FastAPI dependencies and helpers shared by the Graph routes."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request

from imaradesk.config import SimulatorPhoneNumber
from imaradesk.core.crypto import constant_time_equals
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.errors import GraphError, invalid_token, unknown_object


def get_simulator(request: Request) -> Simulator:
    simulator: Simulator = request.app.state.simulator
    return simulator


def require_token(request: Request) -> None:
    """Bearer token on every Graph call (§0); `?access_token=` works as on Graph."""
    simulator = get_simulator(request)
    header = request.headers.get("authorization", "")
    token = header[7:] if header.lower().startswith("bearer ") else request.query_params.get("access_token")
    if not token or not constant_time_equals(token, simulator.config.access_token):
        raise invalid_token()


Sim = Annotated[Simulator, Depends(get_simulator)]


def phone_number(simulator: Simulator, phone_number_id: str, method: str) -> SimulatorPhoneNumber:
    number = simulator.numbers.get(phone_number_id)
    if number is None:
        raise unknown_object(phone_number_id, method)
    return number


async def json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GraphError(100, "The request body is not valid JSON.") from exc
    if not isinstance(body, dict):
        raise GraphError(100, "The request body must be a JSON object.")
    return body
