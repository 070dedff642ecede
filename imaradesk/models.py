"""Every domain's tables, imported once so Alembic and the app see one metadata."""

from imaradesk.ai import models as ai_models
from imaradesk.auth import models as auth_models
from imaradesk.contacts import models as contact_models
from imaradesk.conversations import models as conversation_models
from imaradesk.db.base import Base
from imaradesk.jobs import models as job_models
from imaradesk.knowledge import models as knowledge_models
from imaradesk.whatsapp import models as whatsapp_models
from imaradesk.workspaces import models as workspace_models

__all__ = [
    "Base",
    "ai_models",
    "auth_models",
    "contact_models",
    "conversation_models",
    "job_models",
    "knowledge_models",
    "whatsapp_models",
    "workspace_models",
]
