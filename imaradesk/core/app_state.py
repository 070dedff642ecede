"""Typed access to what `create_app` put on the application (settings), for dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from imaradesk.config import Settings


async def get_request_settings(request: Request) -> Settings:
    # async: FastAPI runs a plain function dependency in its thread pool, a hand-over per request.
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(get_request_settings)]
