"""Application errors and the handlers that turn every failure into `{code, message, details}`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    message = "The request could not be processed."
    # Most errors roll the unit of work back; a few (a failed login attempt) must still be recorded.
    keeps_changes = False

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        status_code: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or self.message
        self.code = code or self.code
        self.status_code = status_code or self.status_code
        self.details = details or {}
        self.headers = headers
        super().__init__(self.message)


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "Not found."


class Conflict(AppError):
    status_code = 409
    code = "conflict"


class NotAuthenticated(AppError):
    status_code = 401
    code = "not_authenticated"
    message = "You are not signed in."


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "You do not have permission to do this."


class TooManyRequests(AppError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(
            message,
            details={"retry_after": retry_after},
            headers={"Retry-After": str(retry_after)},
        )


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"


class FieldInvalid(AppError):
    """A business-rule violation on one input field, shaped like a validation error."""

    status_code = 422
    code = "validation_error"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", details={"fields": {field: message}})


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details or {}}


def _field_name(location: Sequence[int | str], body: object) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header", "cookie")]
    # A body that is a union tagged by `type` puts the tag first in the location: drop it.
    if len(parts) > 1 and isinstance(body, dict) and body.get("type") == parts[0]:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return JSONResponse(error_body("malformed_json", "The request body is not valid JSON."), status_code=400)
    fields: dict[str, str] = {}
    for error in errors:
        fields.setdefault(_field_name(error.get("loc", ()), exc.body), str(error.get("msg", "is invalid")))
    summary = "; ".join(f"{name}: {msg}" for name, msg in fields.items())
    return JSONResponse(error_body("validation_error", summary, {"fields": fields}), status_code=422)


_HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


def install_error_handlers(app: FastAPI) -> None:
    async def on_app_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        return JSONResponse(
            error_body(exc.code, exc.message, exc.details),
            status_code=exc.status_code,
            headers=exc.headers,
        )

    async def on_validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return _validation_response(exc)

    async def on_http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)

    app.add_exception_handler(AppError, on_app_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
