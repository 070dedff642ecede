"""Automatic assignment (spec §3): the least-loaded online agent under their concurrent-chat limit."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    membership_id: uuid.UUID
    is_online: bool
    max_concurrent_chats: int
    joined_order: int = 0


def pick_agent(candidates: Sequence[Candidate], open_chats: Mapping[uuid.UUID, int]) -> uuid.UUID | None:
    """Ties go to whoever joined first, so the choice is stable and testable."""
    available = [c for c in candidates if c.is_online and open_chats.get(c.membership_id, 0) < c.max_concurrent_chats]
    if not available:
        return None
    best = min(available, key=lambda c: (open_chats.get(c.membership_id, 0), c.joined_order))
    return best.membership_id
