"""Delivery status merge (whatsapp-cloud-api.md §3.2): statuses only move forward.

sent < delivered < read < played; a duplicate or late status is a no-op; `failed` keeps its
error, and a later delivered/read (multi-device) still wins in the UI while the error stays.
"""

from __future__ import annotations

from imaradesk.conversations.models import DeliveryStatus

RANK = {
    DeliveryStatus.received: 0,
    DeliveryStatus.queued: 0,
    DeliveryStatus.failed: 0,
    DeliveryStatus.sent: 1,
    DeliveryStatus.delivered: 2,
    DeliveryStatus.read: 3,
    DeliveryStatus.played: 4,
}


def merged_status(current: DeliveryStatus, incoming: DeliveryStatus) -> DeliveryStatus | None:
    """The status after `incoming` arrives, or None when it changes nothing."""
    if incoming == DeliveryStatus.failed:
        return DeliveryStatus.failed if RANK[current] <= RANK[DeliveryStatus.sent] and current != incoming else None
    if RANK[incoming] > RANK[current]:
        return incoming
    return None
