"""`/{waba_id}/message_templates`: list, create and delete templates (§5.4)."""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, Request

from imaradesk.simulator import templates
from imaradesk.simulator.dependencies import Sim, json_body
from imaradesk.simulator.engine import Simulator
from imaradesk.simulator.errors import GraphError, unknown_object
from imaradesk.simulator.ids import new_numeric_id
from imaradesk.simulator.state import Template

router = APIRouter()
_DEFAULT_LIMIT = 25


def _check_waba(simulator: Simulator, waba_id: str, method: str) -> None:
    if waba_id != simulator.config.waba_id:
        raise unknown_object(waba_id, method)


def _cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"pos:{index}".encode()).decode()


def _position(cursor: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(cursor.encode()).decode().removeprefix("pos:"))
    except ValueError as exc:
        raise GraphError(100, "Param after is not a valid cursor.") from exc


@router.get("/{waba_id}/message_templates")
async def list_templates(waba_id: str, request: Request, simulator: Sim) -> dict[str, Any]:
    _check_waba(simulator, waba_id, "GET")
    params = request.query_params
    rows = sorted(simulator.state.templates.values(), key=lambda t: (t.name, t.language))
    if name := params.get("name"):
        rows = [t for t in rows if name in t.name]
    if status := params.get("status"):
        rows = [t for t in rows if t.status == status.upper()]
    if language := params.get("language"):
        rows = [t for t in rows if t.language == language]
    limit_text = params.get("limit", str(_DEFAULT_LIMIT))
    if not limit_text.isdigit() or int(limit_text) < 1:
        raise GraphError(100, "Param limit must be a positive integer.")
    limit = min(int(limit_text), 1000)
    start = _position(params["after"]) if "after" in params else 0
    page = rows[start : start + limit]
    fields = [f for f in params.get("fields", "").split(",") if f]
    data = [_select(t.to_dict(), fields) for t in page]
    body: dict[str, Any] = {"data": data}
    if page:
        body["paging"] = {"cursors": {"before": _cursor(start), "after": _cursor(start + len(page))}}
        if start + len(page) < len(rows):
            following = request.url.include_query_params(after=_cursor(start + len(page)))
            body["paging"]["next"] = str(following)
    return body


def _select(row: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    if not fields:
        return row
    return {k: v for k, v in row.items() if k in fields or k == "id"}


@router.post("/{waba_id}/message_templates")
async def create_template(waba_id: str, request: Request, simulator: Sim) -> dict[str, Any]:
    _check_waba(simulator, waba_id, "POST")
    name, language, category, components, parameter_format = templates.check_definition(await json_body(request))
    if simulator.state.find_template(name, language) is not None:
        raise GraphError(100, f"Message template '{name}' already exists in {language}.")
    template = Template(
        id=new_numeric_id(),
        name=name,
        language=language,
        category=category,
        components=components,
        status="PENDING",
        parameter_format=parameter_format,
    )
    simulator.state.templates[template.id] = template
    simulator.schedule_approval(template)
    return {"id": template.id, "status": template.status, "category": template.category}


@router.delete("/{waba_id}/message_templates")
async def delete_template(waba_id: str, request: Request, simulator: Sim) -> dict[str, bool]:
    """By name every language goes; with `hsm_id` only that one (§5.4)."""
    _check_waba(simulator, waba_id, "DELETE")
    name = request.query_params.get("name")
    if not name:
        raise GraphError(100, "The parameter name is required.")
    hsm_id = request.query_params.get("hsm_id")
    doomed = [t.id for t in simulator.state.templates.values() if t.name == name and (hsm_id is None or t.id == hsm_id)]
    if not doomed:
        raise GraphError(100, f"Message template '{name}' was not found.")
    for template_id in doomed:
        del simulator.state.templates[template_id]
    return {"success": True}
