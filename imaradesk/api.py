"""The one list of routers: the API under /api/v1, and the webhooks outside it."""

from fastapi import APIRouter

from imaradesk.ai import endpoints as ai
from imaradesk.contacts import endpoints as contacts
from imaradesk.conversations import endpoints as conversations
from imaradesk.knowledge import endpoints as knowledge
from imaradesk.whatsapp import endpoints as whatsapp
from imaradesk.whatsapp import webhook_endpoints as whatsapp_webhooks
from imaradesk.workspaces import endpoints as workspaces
from imaradesk.workspaces import session_endpoints as sessions

API_PREFIX = "/api/v1"

api_router = APIRouter(prefix=API_PREFIX)
api_router.include_router(sessions.router)
api_router.include_router(workspaces.router)
api_router.include_router(contacts.router)
api_router.include_router(conversations.router)
api_router.include_router(whatsapp.router)
api_router.include_router(ai.router)
api_router.include_router(knowledge.router)

webhook_router = APIRouter()
webhook_router.include_router(whatsapp_webhooks.router)

# Starlette routes matched before every router, without FastAPI's dependency injection: the
# webhook POST, the hot path (docs/whatsapp.md, Webhook path).
plain_routes = [whatsapp_webhooks.receive_route]
