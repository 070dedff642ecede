"""A real `imaradesk worker` process for the multi-process tests: `python -m tests.jobs.worker_process`.

Configured by IMARADESK_* variables; runs until SIGTERM.
"""

from __future__ import annotations

import asyncio

from imaradesk.config import Settings
from imaradesk.jobs.worker import run_worker

if __name__ == "__main__":
    asyncio.run(run_worker(Settings(), modules=["tests.jobs.sample_jobs"]))
