"""The modules that declare jobs, subscribers and schedules.

Both the API process (publish() must know the subscribers) and every worker import them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

JOB_MODULES: tuple[str, ...] = (
    "imaradesk.conversations.jobs",
    "imaradesk.knowledge.jobs",
    "imaradesk.whatsapp.jobs",
)


def import_job_modules(modules: Iterable[str] | None = None) -> None:
    for module in JOB_MODULES if modules is None else modules:
        importlib.import_module(module)
