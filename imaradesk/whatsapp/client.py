"""CloudApiClient: the only module that talks to the WhatsApp Cloud API (or the simulator, same code).

Retries transport errors, 5xx and throttling codes with exponential back-off and jitter; never
retries permanent errors (§7.3). Every send waits for the number's shared send-rate budget.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from imaradesk.core.rate_limit import RateLimiter, current_rate_limiter
from imaradesk.whatsapp.errors import is_retryable
from imaradesk.whatsapp.wire import (
    GraphError,
    MediaInfo,
    MediaUploaded,
    PhoneNumberInfo,
    RemoteTemplate,
    SendResponse,
    TemplatePage,
)

TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# Numbers whose Graph base URL is this talk to the simulator mounted in the same process (embedded mode).
SIMULATOR_BASE_URL = "http://simulator.internal"
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class NumberCredentials:
    phone_number_id: str
    waba_id: str
    access_token: str
    base_url: str
    api_version: str = "v21.0"
    send_rate_per_second: int = 80


class CloudApiError(Exception):
    def __init__(self, code: int | None, title: str, detail: str, http_status: int | None = None) -> None:
        self.code = code
        self.title = title
        self.detail = detail
        self.http_status = http_status
        super().__init__(f"({code}) {title}: {detail}" if code is not None else f"{title}: {detail}")

    @property
    def is_retryable(self) -> bool:
        if self.code is None:
            return self.http_status is None or self.http_status >= 500
        return is_retryable(self.code) or (self.http_status is not None and self.http_status >= 500)


_http: httpx.AsyncClient | None = None


def install_http_client(client: httpx.AsyncClient | None) -> None:
    """Tests route the client to an in-process simulator; otherwise one pooled client per process."""
    global _http
    _http = client


def shared_http_client() -> httpx.AsyncClient:
    global _http
    if _http is None:
        _http = httpx.AsyncClient(timeout=TIMEOUT)
    return _http


class CloudApiClient:
    def __init__(
        self,
        credentials: NumberCredentials,
        *,
        http: httpx.AsyncClient | None = None,
        limiter: RateLimiter | None = None,
        max_attempts: int = 4,
        backoff_seconds: float = 0.5,
    ) -> None:
        self.credentials = credentials
        self.http = http or shared_http_client()
        self.limiter = limiter or current_rate_limiter()
        self.max_attempts = max_attempts
        self.backoff_seconds = backoff_seconds

    def _url(self, path: str) -> str:
        return f"{self.credentials.base_url.rstrip('/')}/{self.credentials.api_version}/{path.lstrip('/')}"

    @property
    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credentials.access_token}"}

    async def send(self, payload: dict[str, Any]) -> SendResponse:
        body = {"messaging_product": "whatsapp", "recipient_type": "individual", **payload}
        await self.limiter.acquire(f"wa-send:{self.credentials.phone_number_id}", self.credentials.send_rate_per_second)
        data = await self._request("POST", self._url(f"{self.credentials.phone_number_id}/messages"), json=body)
        return _parse(SendResponse, data)

    async def mark_read(self, wamid: str, *, show_typing: bool = False) -> None:
        body: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
        if show_typing:
            body["typing_indicator"] = {"type": "text"}
        await self._request("POST", self._url(f"{self.credentials.phone_number_id}/messages"), json=body)

    async def upload_media(self, data: bytes, *, mime_type: str, filename: str) -> str:
        files = {"file": (filename, data, mime_type)}
        form = {"messaging_product": "whatsapp", "type": mime_type}
        response = await self._request(
            "POST", self._url(f"{self.credentials.phone_number_id}/media"), data=form, files=files
        )
        return _parse(MediaUploaded, response).id

    async def media_info(self, media_id: str) -> MediaInfo:
        return _parse(MediaInfo, await self._request("GET", self._url(media_id)))

    async def download(self, url: str) -> bytes:
        response = await self._send_with_retries("GET", url)
        return response.content

    async def list_templates(self) -> list[RemoteTemplate]:
        found: list[RemoteTemplate] = []
        url: str | None = self._url(f"{self.credentials.waba_id}/message_templates?limit=100")
        while url:
            page = _parse(TemplatePage, await self._request("GET", url))
            found.extend(page.data)
            url = page.paging.get("next")
        return found

    async def create_template(self, template: dict[str, Any]) -> dict[str, Any]:
        return await self._request("POST", self._url(f"{self.credentials.waba_id}/message_templates"), json=template)

    async def phone_number_info(self) -> PhoneNumberInfo:
        url = self._url(f"{self.credentials.phone_number_id}?fields=display_phone_number,verified_name")
        return _parse(PhoneNumberInfo, await self._request("GET", url))

    async def _request(self, method: str, url: str, **kwargs: Any) -> dict[str, Any]:
        response = await self._send_with_retries(method, url, **kwargs)
        try:
            data = response.json()
        except ValueError as exc:
            raise CloudApiError(None, "Invalid response", "The API answered with something that is not JSON") from exc
        return data if isinstance(data, dict) else {"data": data}

    async def _send_with_retries(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        for attempt in range(1, self.max_attempts + 1):
            try:
                response = await self.http.request(method, url, headers=self._auth, timeout=TIMEOUT, **kwargs)
                if response.is_success:
                    return response
                error = _graph_error(response)
            except httpx.TransportError as exc:
                error = CloudApiError(None, "Network error", f"{exc.__class__.__name__}: {exc}")
            if not error.is_retryable or attempt == self.max_attempts:
                raise error
            await asyncio.sleep(self.backoff_seconds * 2 ** (attempt - 1) * (0.5 + random.random()))  # noqa: S311
        raise AssertionError("unreachable")


def _graph_error(response: httpx.Response) -> CloudApiError:
    try:
        body = GraphError.model_validate(response.json()).error
    except (ValueError, ValidationError):
        return CloudApiError(None, f"HTTP {response.status_code}", response.text[:300], response.status_code)
    title = body.message.split(") ", 1)[-1] if body.message.startswith("(#") else body.message
    detail = str(body.error_data.get("details", "")) or body.message
    return CloudApiError(body.code, title, detail, response.status_code)


def _parse(model: type[ModelT], data: dict[str, Any]) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CloudApiError(
            None, "Unexpected response", f"The API answer did not have the expected shape: {exc}"
        ) from exc
