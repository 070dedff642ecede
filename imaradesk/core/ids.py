"""Row ids: UUIDv7 (RFC 9562), time-ordered, so new rows land at the end of every primary-key index.

Random (v4) ids put each new row on a random page of its table's primary-key index; once an
index outgrows the cache, every insert reads and rewrites a page of its own (and on PostgreSQL
writes a full page image after each checkpoint). Time-ordered ids keep inserts on the index's
last pages. On a small database the difference does not show (the webhook benchmark wrote
about 45 KB per webhook either way, its indexes fit in memory); it shows as the tables grow.

v7 ids still carry 74 random bits; their first 48 bits are the creation time in milliseconds,
which nothing here treats as secret. Object names in file storage and values that must not be
guessable stay v4 or come from `secrets`.
"""

from __future__ import annotations

import uuid

from uuid_utils.compat import uuid7


def new_id() -> uuid.UUID:
    """A fresh row id, later than every id this process made before it."""
    return uuid7()
