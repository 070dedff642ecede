"""The 24-hour customer-service window (whatsapp-cloud-api.md §5.1).

Free-form messages may be sent only within 24 hours of the customer's last message; outside
it, only approved templates.
"""

from __future__ import annotations

from datetime import datetime, timedelta

WINDOW = timedelta(hours=24)


def window_expires_at(last_inbound_at: datetime | None) -> datetime | None:
    return last_inbound_at + WINDOW if last_inbound_at is not None else None


def is_window_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    expires = window_expires_at(last_inbound_at)
    return expires is not None and now < expires
