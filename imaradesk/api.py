"""The one list of routers mounted under /api/v1."""

from fastapi import APIRouter

from imaradesk.workspaces import endpoints as workspaces
from imaradesk.workspaces import session_endpoints as sessions

API_PREFIX = "/api/v1"

api_router = APIRouter(prefix=API_PREFIX)
api_router.include_router(sessions.router)
api_router.include_router(workspaces.router)
