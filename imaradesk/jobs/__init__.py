"""Durable jobs and events in the application database (docs/decisions/0001-job-queue.md)."""

from imaradesk.jobs.events import Event, publish, subscriber
from imaradesk.jobs.queue import enqueue, enqueue_many, job
from imaradesk.jobs.schedule import every

__all__ = ["Event", "enqueue", "enqueue_many", "every", "job", "publish", "subscriber"]
