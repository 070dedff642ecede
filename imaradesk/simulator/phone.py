"""The phone page at the app's root: chat as a simulated customer (static files, no build step)."""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from imaradesk.core.errors import NotFound

STATIC_DIR = Path(__file__).resolve().parent / "static"
_ASSETS = {"phone.css": "text/css; charset=utf-8", "phone.js": "text/javascript; charset=utf-8"}

router = APIRouter(include_in_schema=False)


def base_path(request: Request) -> str:
    """Where this app is mounted (`/simulator/` embedded, `/` alone); page URLs are relative to it."""
    root: str = request.scope.get("root_path", "")
    return root.rstrip("/") + "/"


@router.get("/", name="phone_page")
async def phone_page(request: Request) -> HTMLResponse:
    page = (STATIC_DIR / "phone.html").read_text(encoding="utf-8")
    page = page.replace("{{BASE}}", html.escape(base_path(request), quote=True))
    return HTMLResponse(page, headers={"Cache-Control": "no-cache"})


@router.get("/static/{name}")
async def phone_asset(name: str) -> Response:
    media_type = _ASSETS.get(name)
    if media_type is None:
        raise NotFound(f"No asset {name}.")
    return Response((STATIC_DIR / name).read_bytes(), media_type=media_type, headers={"Cache-Control": "no-cache"})
