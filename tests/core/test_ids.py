"""Row ids are time-ordered (UUIDv7): each new row lands at the end of its primary-key index."""

from __future__ import annotations

import uuid

from imaradesk.core.ids import new_id


def test_ids_made_one_after_another_sort_in_that_order_and_never_repeat() -> None:
    ids = [new_id() for _ in range(20_000)]  # far more than one per millisecond
    assert all(isinstance(i, uuid.UUID) and i.version == 7 for i in ids)
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    assert [i.hex for i in ids] == sorted(i.hex for i in ids)  # as SQLite stores them: 32 hex characters
