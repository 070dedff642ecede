"""OpenAI's wire format: POST /v1/chat/completions (tool calls, JSON-schema output, text) and /v1/embeddings.

Also the shape of any OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, OpenRouter).
"""

from __future__ import annotations

import asyncio
import base64
import json
import struct
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.llm_server import FakeLLMServer, Recorded, Reply, default_payload, fake_vector

_ERRORS = {
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided: sk-...wxyz."),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Country not supported."),
    429: ("requests", "rate_limit_exceeded", "Rate limit reached for gpt-4o in organization org-1."),
    500: ("server_error", None, "The server had an error while processing your request."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
}


def error_body(status: int) -> dict[str, Any]:
    kind, code, message = _ERRORS.get(status, ("server_error", None, f"HTTP {status}"))
    return {"error": {"message": message, "type": kind, "param": None, "code": code}}


@dataclass
class FakeOpenAI(FakeLLMServer):
    valid_keys: set[str] | None = field(default=None)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/embeddings", self._embeddings, methods=["POST"]),
            ]
        )

    async def _begin(self, request: Request) -> tuple[dict[str, Any], Reply, Response | None]:
        body = await request.json()
        self.requests.append(Recorded(request.method, request.url.path, dict(request.headers), body))
        reply = self.next_reply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        key = request.headers.get("authorization", "").removeprefix("Bearer ")
        status = reply.status
        if status == 200 and self.valid_keys is not None and key not in self.valid_keys:
            status = 401
        if status != 200:
            return body, reply, JSONResponse(error_body(status), status_code=status)
        if reply.raw_body is not None:
            return body, reply, Response(reply.raw_body, media_type="application/json")
        return body, reply, None

    async def _chat(self, request: Request) -> Response:
        body, reply, error = await self._begin(request)
        if error is not None:
            return error
        tools = body.get("tools") or []
        response_format = body.get("response_format") or {}
        schema: dict[str, Any] = {}
        if tools:
            schema = tools[0]["function"].get("parameters", {})
        elif response_format.get("type") == "json_schema":
            schema = response_format["json_schema"].get("schema", {})
        payload = reply.payload if reply.payload is not None else default_payload(set(schema.get("properties", {})))
        content = (
            reply.raw_arguments
            if reply.raw_arguments is not None
            else (payload if isinstance(payload, str) else json.dumps(payload))
        )
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        finish = "stop"
        if tools and (reply.raw_arguments is not None or not isinstance(payload, str)):
            message = {
                "role": "assistant",
                "content": None,
                "refusal": None,
                "tool_calls": [
                    {
                        "id": "call_fake_1",
                        "type": "function",
                        "function": {"name": tools[0]["function"]["name"], "arguments": content},
                    }
                ],
            }
            finish = "tool_calls"
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        return JSONResponse(
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "gpt-4o"),
                "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": len(content.split()),
                    "total_tokens": prompt_tokens + len(content.split()),
                },
            }
        )

    async def _embeddings(self, request: Request) -> Response:
        body, _, error = await self._begin(request)
        if error is not None:
            return error
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        as_base64 = body.get("encoding_format") == "base64"
        data = []
        for index, text in enumerate(inputs):
            vector = fake_vector(str(text))
            embedding: Any = (
                base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode() if as_base64 else vector
            )
            data.append({"object": "embedding", "index": index, "embedding": embedding})
        tokens = sum(len(str(t).split()) for t in inputs)
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "model": body.get("model"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
        )
