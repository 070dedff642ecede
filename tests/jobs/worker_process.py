"""A real worker process for the multi-process tests: `python -m tests.jobs.worker_process`.

Configured by IMARADESK_* variables like `imaradesk worker`; runs until SIGTERM.
"""

from __future__ import annotations

import asyncio

from imaradesk.config import Settings
from imaradesk.core.observability import configure_logging
from imaradesk.jobs.worker import run_worker

if __name__ == "__main__":
    settings = Settings()
    configure_logging(settings.log_level, json=settings.log_json)
    asyncio.run(run_worker(settings, modules=["tests.jobs.sample_jobs"]))
