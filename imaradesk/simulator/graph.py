"""The Graph API endpoints the product uses (whatsapp-cloud-api.md §4, §4.11, §4.12, §5.4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from imaradesk.config import SimulatorPhoneNumber
from imaradesk.core import clock
from imaradesk.simulator import outbound
from imaradesk.simulator.dependencies import Sim, json_body, phone_number, require_token
from imaradesk.simulator.errors import GraphError, unknown_object
from imaradesk.simulator.media import base_mime, check_upload, new_blob
from imaradesk.simulator.template_admin import router as template_router

router = APIRouter(dependencies=[Depends(require_token)])
router.include_router(template_router)


@router.post("/{phone_number_id}/messages")
async def send_message(phone_number_id: str, request: Request, simulator: Sim) -> dict[str, Any]:
    number = phone_number(simulator, phone_number_id, "POST")
    body = await json_body(request)
    if body.get("messaging_product") != "whatsapp":
        raise GraphError(100, "Param messaging_product must be 'whatsapp'.")
    return outbound.handle(simulator, number, body)


@router.post("/{phone_number_id}/media")
async def upload_media(phone_number_id: str, request: Request, simulator: Sim) -> dict[str, str]:
    number = phone_number(simulator, phone_number_id, "POST")
    try:
        form = await request.form(max_part_size=110 * 1024 * 1024)
    except Exception as exc:  # the multipart parser raises several types for a broken body
        raise GraphError(100, "The request must be multipart/form-data.") from exc
    if form.get("messaging_product") != "whatsapp":
        raise GraphError(100, "Param messaging_product must be 'whatsapp'.")
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise GraphError(131008, "The parameter file is required.")
    declared = form.get("type")
    mime_type = declared if isinstance(declared, str) and declared else upload.content_type
    if not mime_type:
        raise GraphError(131008, "The parameter type is required.")
    data = await upload.read()
    check_upload(mime_type, data)
    blob = new_blob(number.phone_number_id, base_mime(mime_type), data, clock.now(), upload.filename)
    simulator.state.media[blob.id] = blob
    return {"id": blob.id}


@router.get("/{object_id}")
async def get_object(object_id: str, request: Request, simulator: Sim) -> dict[str, Any]:
    """Media (§4.12), a template (§5.4), a phone number or the WABA, by id."""
    state = simulator.state
    if object_id in state.media:
        blob = state.media[object_id]
        owner = request.query_params.get("phone_number_id")
        if owner is not None and owner != blob.phone_number_id:
            raise GraphError(100, f"Media {object_id} does not belong to phone number {owner}.")
        expires = int((clock.now() + timedelta(seconds=simulator.config.media_url_ttl_seconds)).timestamp())
        url = request.url_for("download_media").include_query_params(
            mid=blob.id, ext=expires, hash=simulator.media_urls.sign(blob.id, expires)
        )
        return {
            "messaging_product": "whatsapp",
            "url": str(url),
            "mime_type": blob.mime_type,
            # Hex here, base64 in webhooks: Meta's encoding here is unconfirmed (§4.12), so the
            # client must compare tolerantly.
            "sha256": blob.sha256_hex,
            "file_size": str(len(blob.data)),
            "id": blob.id,
        }
    if object_id in state.templates:
        return state.templates[object_id].to_dict()
    if object_id in simulator.numbers:
        return _number_info(simulator.numbers[object_id])
    if object_id == simulator.config.waba_id:
        return {"id": object_id, "name": "ImaraDesk simulator", "currency": "USD", "timezone_id": "1"}
    raise unknown_object(object_id, "GET")


@router.post("/{object_id}")
async def edit_template(object_id: str, request: Request, simulator: Sim) -> dict[str, bool]:
    """Editing a template sends it back to review (§5.4)."""
    template = simulator.state.templates.get(object_id)
    if template is None:
        raise unknown_object(object_id, "POST")
    body = await json_body(request)
    components = body.get("components", template.components)
    if not isinstance(components, list):
        raise GraphError(100, "Param components must be an array.")
    template.components = components
    template.category = str(body.get("category", template.category)).upper()
    template.status = "PENDING"
    simulator.schedule_approval(template)
    return {"success": True}


@router.delete("/{object_id}")
async def delete_media(object_id: str, simulator: Sim) -> dict[str, bool]:
    if simulator.state.media.pop(object_id, None) is None:
        raise unknown_object(object_id, "DELETE")
    return {"success": True}


@router.get("/{waba_id}/phone_numbers")
async def list_phone_numbers(waba_id: str, simulator: Sim) -> dict[str, Any]:
    if waba_id != simulator.config.waba_id:
        raise unknown_object(waba_id, "GET")
    return {"data": [_number_info(n) for n in simulator.config.phone_numbers]}


def _number_info(number: SimulatorPhoneNumber) -> dict[str, Any]:
    return {
        "verified_name": number.verified_name,
        "display_phone_number": number.display_phone_number,
        "id": number.phone_number_id,
        "quality_rating": "GREEN",
        "code_verification_status": "VERIFIED",
        "platform_type": "CLOUD_API",
        "throughput": {"level": "STANDARD"},
    }


download_router = APIRouter()


@download_router.get("/whatsapp_business/attachments/", name="download_media")
async def download_media(request: Request, simulator: Sim) -> Response:
    """The short-lived media URL (§4.12): needs the bearer token and an unexpired signature."""
    require_token(request)
    params = request.query_params
    media_id, expires, signature = params.get("mid", ""), params.get("ext", ""), params.get("hash", "")
    is_valid = expires.isdigit() and simulator.media_urls.verify(media_id, int(expires), signature)
    blob = simulator.state.media.get(media_id)
    if not is_valid or blob is None:
        raise GraphError(100, message="Invalid media URL.", http_status=404)
    if int(expires) < clock.now().timestamp():
        raise GraphError(100, message="Media URL expired; fetch a new one with GET /{media-id}.", http_status=404)
    return Response(blob.data, media_type=blob.mime_type)
