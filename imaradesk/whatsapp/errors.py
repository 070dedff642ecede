"""Cloud API error codes: which are worth retrying, and what each means for an agent (§7.3)."""

from __future__ import annotations

from typing import Any

RETRYABLE_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057})

_HINTS: dict[int, str] = {
    0: "WhatsApp could not authenticate this number. An admin must reconnect it in Settings → WhatsApp.",
    10: "This number lacks a permission. An admin must check the app's WhatsApp permissions.",
    100: "The message had an invalid field; it was not sent.",
    190: "The access token expired or is invalid. An admin must paste a new token in Settings → WhatsApp.",
    368: "The number is temporarily blocked for policy violations; sending is paused.",
    130429: "WhatsApp throttled this number; the message is retried automatically.",
    131000: "WhatsApp had an unknown error; the message was retried and then given up.",
    131008: "A required field was missing; the message was not sent.",
    131009: "A value was not accepted (length or format); the message was not sent.",
    131016: "WhatsApp was temporarily unavailable; the message was retried and then given up.",
    131026: "The customer's phone could not receive it (not on WhatsApp, old app, or terms not accepted).",
    131047: "More than 24 hours passed since the customer last wrote: send an approved template instead.",
    131048: "WhatsApp limited this number for spam reports; wait before sending more.",
    131049: "WhatsApp held this marketing message to protect the customer's experience; try after 24 hours.",
    131050: "The customer stopped marketing messages from this business.",
    131051: "This message type is not supported.",
    131052: "The customer's media could not be downloaded; ask them to send it again.",
    131053: "WhatsApp could not process the attached media; check its type and size.",
    131056: "Too many messages to this customer in a short time; it is retried shortly.",
    132000: "The template's variables did not match its placeholders.",
    132001: "The template does not exist in this language or is not approved yet: sync templates.",
    132015: "The template is paused for low quality.",
    132016: "The template is disabled.",
}


def is_retryable(code: int | None) -> bool:
    return code in RETRYABLE_CODES


def hint_for(code: int | None) -> str:
    if code is None:
        return "The message could not be delivered."
    return _HINTS.get(code, "WhatsApp refused this message.")


def error_record(code: int | None, title: str, detail: str) -> dict[str, Any]:
    """What we store on a failed message: Meta's code and words, plus what the agent can do."""
    return {"code": code, "title": title or "Not delivered", "detail": detail, "hint": hint_for(code)}
