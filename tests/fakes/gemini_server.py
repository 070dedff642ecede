"""Gemini's wire format: POST /v1beta/models/{model}:generateContent (functionCall parts or JSON text),
:embedContent and :batchEmbedContents. An invalid key is a 400 INVALID_ARGUMENT with reason
API_KEY_INVALID, as the real API sends it."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.fakes.llm_server import FakeLLMServer, Recorded, Reply, default_payload, fake_vector

_STATUSES = {
    403: "PERMISSION_DENIED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}


def error_response(status: int) -> JSONResponse:
    if status == 401:
        body = {
            "error": {
                "code": 400,
                "message": "API key not valid. Please pass a valid API key.",
                "status": "INVALID_ARGUMENT",
                "details": [
                    {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "API_KEY_INVALID",
                        "domain": "googleapis.com",
                    }
                ],
            }
        }
        return JSONResponse(body, status_code=400)
    message = "The model is overloaded. Please try again later." if status == 503 else f"HTTP {status}"
    return JSONResponse(
        {"error": {"code": status, "message": message, "status": _STATUSES.get(status, "UNKNOWN")}}, status_code=status
    )


def _field(obj: dict[str, Any], camel: str) -> Any:
    """The API's JSON parser takes lowerCamel and snake_case field names alike; google-genai sends both."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in camel)
    return obj.get(camel, obj.get(snake))


def _schema_properties(body: dict[str, Any]) -> tuple[str | None, set[str]]:
    for tool in body.get("tools") or []:
        for declaration in _field(tool, "functionDeclarations") or []:
            schema = _field(declaration, "parametersJsonSchema") or declaration.get("parameters") or {}
            return declaration["name"], set(schema.get("properties", {}))
    config = _field(body, "generationConfig") or {}
    schema = _field(config, "responseJsonSchema") or _field(config, "responseSchema") or {}
    return None, set(schema.get("properties", {}))


@dataclass
class FakeGemini(FakeLLMServer):
    valid_keys: set[str] | None = field(default=None)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{version}/models/{rest}", self._models, methods=["POST"])])

    async def _models(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(Recorded(request.method, request.url.path, dict(request.headers), body))
        reply = self.next_reply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        key = request.headers.get("x-goog-api-key") or request.query_params.get("key")
        status = reply.status
        if status == 200 and self.valid_keys is not None and key not in self.valid_keys:
            status = 401
        if status != 200:
            return error_response(status)
        if reply.raw_body is not None:
            return Response(reply.raw_body, media_type="application/json")
        model, _, method = request.path_params["rest"].partition(":")
        if method == "generateContent":
            return self._generate(body, reply, model)
        if method == "embedContent":
            contents = body.get("contents") or [body.get("content", {})]
            vectors = [self._embed_one(c) for c in contents]
            if "contents" in body:
                return JSONResponse({"embeddings": [{"values": v} for v in vectors]})
            return JSONResponse({"embedding": {"values": vectors[0]}})
        if method == "batchEmbedContents":
            return JSONResponse({"embeddings": [{"values": self._embed_one(r["content"])} for r in body["requests"]]})
        return JSONResponse({"error": {"code": 404, "message": "not found", "status": "NOT_FOUND"}}, status_code=404)

    @staticmethod
    def _embed_one(content: dict[str, Any]) -> list[float]:
        return fake_vector("".join(part.get("text", "") for part in content.get("parts", [])))

    def _generate(self, body: dict[str, Any], reply: Reply, model: str) -> JSONResponse:
        function_name, properties = _schema_properties(body)
        payload = reply.payload if reply.payload is not None else default_payload(properties)
        if reply.raw_arguments is not None:
            # functionCall args are an object on the wire; a model that breaks the format answers in prose.
            parts: list[dict[str, Any]] = [{"text": reply.raw_arguments}]
        elif function_name is not None and not isinstance(payload, str):
            parts = [{"functionCall": {"name": function_name, "args": payload}}]
        else:
            parts = [{"text": payload if isinstance(payload, str) else json.dumps(payload)}]
        prompt_tokens = len(json.dumps(body.get("contents", [])).split())
        return JSONResponse(
            {
                "candidates": [{"content": {"role": "model", "parts": parts}, "finishReason": "STOP", "index": 0}],
                "usageMetadata": {
                    "promptTokenCount": prompt_tokens,
                    "candidatesTokenCount": 12,
                    "totalTokenCount": prompt_tokens + 12,
                },
                "modelVersion": model,
                "responseId": "fake-response",
            }
        )
