"""Graph API errors in Meta's shape (whatsapp-cloud-api.md §7.1) and the async error object (§7.2)."""

from __future__ import annotations

import secrets
import string
from typing import Any

ERROR_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
_TRACE_ALPHABET = string.ascii_letters + string.digits + "_-"

TITLES: dict[int, str] = {
    100: "Invalid parameter",
    131008: "Required parameter is missing",
    131009: "Parameter value is not valid",
    131026: "Message undeliverable",
    131047: "Re-engagement message",
    131050: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages",
    131051: "Message type unknown",
    131053: "Media upload error",
    131056: "(Business Account, Consumer Account) pair rate limit hit",
    130429: "Rate limit hit",
    132000: "Number of parameters does not match the expected number of params",
    132001: "Template name does not exist in the translation",
    132015: "Template is Paused",
    132016: "Template is Disabled",
}

# The HTTP status of most codes is unconfirmed (§13); clients must key on `code`, so these are plain
# choices. Throttling answers 400, not 429, so a client that keys on the status is caught.
HTTP_STATUS: dict[int, int] = {190: 401, 132001: 404}


def fbtrace_id() -> str:
    return "".join(secrets.choice(_TRACE_ALPHABET) for _ in range(23))


class GraphError(Exception):
    """A synchronous Graph error. `details` (→ error_data) is absent on generic Graph errors (§7.1)."""

    def __init__(
        self,
        code: int,
        details: str | None = None,
        *,
        message: str | None = None,
        http_status: int | None = None,
    ) -> None:
        self.code = code
        self.details = details
        self.message = message or f"(#{code}) {TITLES.get(code, 'Error')}"
        self.http_status = http_status or HTTP_STATUS.get(code, 400)
        super().__init__(self.message)

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": "OAuthException", "code": self.code}
        if self.details is not None:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details}
        error["fbtrace_id"] = fbtrace_id()
        return {"error": error}


def invalid_token() -> GraphError:
    return GraphError(190, message="Invalid OAuth access token - Cannot parse access token")


def unknown_object(object_id: str, method: str) -> GraphError:
    return GraphError(
        100,
        message=(
            f"Unsupported {method.lower()} request. Object with ID '{object_id}' does not exist, "
            "cannot be loaded due to missing permissions, or does not support this operation."
        ),
    )


def async_error(code: int, details: str) -> dict[str, Any]:
    """The error object inside a failed status or an inbound message (§3.1, §7.2)."""
    title = TITLES.get(code, "Error")
    return {
        "code": code,
        "title": title,
        "message": title,
        "error_data": {"details": details},
        "href": ERROR_HREF,
    }
