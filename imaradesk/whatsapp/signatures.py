"""X-Hub-Signature-256 checks (whatsapp-cloud-api.md §1.2)."""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "sha256="


def sign(body: bytes, app_secret: str) -> str:
    return PREFIX + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def _escape_non_ascii(text: str) -> str:
    """Meta signs an escaped-unicode form: lowercase \\uXXXX, UTF-16 surrogate pairs above U+FFFF.

    (`encode("ascii", "backslashreplace")` is not the same: it writes \\U0001f600.)
    """
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out)


def is_valid(body: bytes, header: str | None, app_secret: str) -> bool:
    if not header or not header.startswith(PREFIX):
        return False
    if hmac.compare_digest(sign(body, app_secret), header):
        return True
    if body.isascii():
        return False
    try:
        escaped = _escape_non_ascii(body.decode("utf-8")).encode("ascii")
    except UnicodeDecodeError:
        return False
    return hmac.compare_digest(sign(escaped, app_secret), header)
