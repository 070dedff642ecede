"""Anthropic's wire format: POST /v1/messages with tool_use blocks (structured output) or text."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.llm_server import FakeLLMServer, Recorded, default_payload

_ERRORS = {
    401: ("authentication_error", "invalid x-api-key"),
    403: ("permission_error", "Your API key does not have permission to use the specified resource."),
    429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit."),
    500: ("api_error", "Internal server error"),
    503: ("api_error", "Service unavailable"),
    529: ("overloaded_error", "Overloaded"),
}


def error_body(status: int) -> dict[str, Any]:
    kind, message = _ERRORS.get(status, ("api_error", f"HTTP {status}"))
    return {"type": "error", "error": {"type": kind, "message": message}}


@dataclass
class FakeAnthropic(FakeLLMServer):
    valid_keys: set[str] | None = field(default=None)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v1/messages", self._messages, methods=["POST"])])

    async def _messages(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(Recorded(request.method, request.url.path, dict(request.headers), body))
        reply = self.next_reply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        status = reply.status
        # The 2.x SDK sends the key as a bearer token; x-api-key is the older header. Both are accepted.
        key = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ")
        if status == 200 and self.valid_keys is not None and key not in self.valid_keys:
            status = 401
        if status != 200:
            return JSONResponse(error_body(status), status_code=status)
        if reply.raw_body is not None:
            return Response(reply.raw_body, media_type="application/json")
        tools = body.get("tools") or []
        schema = tools[0].get("input_schema", {}) if tools else {}
        payload = reply.payload if reply.payload is not None else default_payload(set(schema.get("properties", {})))
        content: list[dict[str, Any]]
        if reply.raw_arguments is not None:
            # Anthropic sends tool input as an object, so a model that breaks the format answers in prose.
            content, stop = [{"type": "text", "text": reply.raw_arguments}], "end_turn"
        elif tools and not isinstance(payload, str):
            content = [{"type": "tool_use", "id": "toolu_fake_1", "name": tools[0]["name"], "input": payload}]
            stop = "tool_use"
        else:
            text = payload if isinstance(payload, str) else json.dumps(payload)
            content, stop = [{"type": "text", "text": text}], "end_turn"
        input_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        return JSONResponse(
            {
                "id": "msg_fake",
                "type": "message",
                "role": "assistant",
                "model": body.get("model"),
                "content": content,
                "stop_reason": stop,
                "stop_sequence": None,
                "usage": {"input_tokens": input_tokens, "output_tokens": len(json.dumps(content).split())},
            }
        )
