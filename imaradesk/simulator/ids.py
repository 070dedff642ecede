"""Identifiers shaped like Meta's (whatsapp-cloud-api.md §0). All opaque to the client."""

from __future__ import annotations

import base64
import secrets


def new_wamid(wa_id: str, *, outbound: bool) -> str:
    """`wamid.` + base64 of a protobuf-like record naming the user, as real wamids decode."""
    digits = wa_id.encode()[:60]
    direction = b"\x11" if outbound else b"\x12"
    raw = (
        b"\x1c\x18"
        + bytes([len(digits)])
        + digits
        + b"\x15\x02\x00"
        + direction
        + b"\x18\x14"
        + secrets.token_hex(10).upper().encode()
        + b"\x00"
    )
    return "wamid." + base64.b64encode(raw).decode()


def new_numeric_id() -> str:
    return str(secrets.randbelow(9 * 10**15) + 10**15)


def new_conversation_id() -> str:
    return secrets.token_hex(16)
