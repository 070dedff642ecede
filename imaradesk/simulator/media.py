"""Media: the MIME and size table (§4.12), stored blobs, and short-lived signed download URLs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime
from pathlib import Path

from imaradesk.simulator.errors import GraphError
from imaradesk.simulator.ids import new_numeric_id
from imaradesk.simulator.state import MediaBlob

MB = 1024 * 1024
_DOCUMENT_TYPES = (
    "text/plain",
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
)
# MIME type → (kind, max bytes). Stickers are checked separately (static vs animated).
MEDIA_TABLE: dict[str, tuple[str, int]] = {
    **{mime: ("audio", 16 * MB) for mime in ("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4")},
    "audio/ogg": ("audio", 16 * MB),
    **{mime: ("document", 100 * MB) for mime in _DOCUMENT_TYPES},
    "image/jpeg": ("image", 5 * MB),
    "image/png": ("image", 5 * MB),
    "video/mp4": ("video", 16 * MB),
    "video/3gpp": ("video", 16 * MB),
    "image/webp": ("sticker", 500 * 1024),
}
STATIC_STICKER_MAX = 100 * 1024

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
# What a simulated customer sends when no file is given: (file, MIME type as Meta reports it).
SAMPLES: dict[str, tuple[str, str]] = {
    "image": ("photo.jpg", "image/jpeg"),
    "audio": ("voice.ogg", "audio/ogg; codecs=opus"),
    "video": ("clip.mp4", "video/mp4"),
    "document": ("receipt.pdf", "application/pdf"),
    "sticker": ("sticker.webp", "image/webp"),
}


def base_mime(mime_type: str) -> str:
    return mime_type.split(";", 1)[0].strip().lower()


def kind_of(mime_type: str) -> str | None:
    entry = MEDIA_TABLE.get(base_mime(mime_type))
    return entry[0] if entry else None


def is_animated_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and b"ANIM" in data[:64]


def check_upload(mime_type: str, data: bytes) -> None:
    entry = MEDIA_TABLE.get(base_mime(mime_type))
    if entry is None:
        allowed = ", ".join(sorted(MEDIA_TABLE))
        raise GraphError(131053, f"Param file must be a file with one of the following types: {allowed}.")
    if not data:
        raise GraphError(131053, "The uploaded file is empty.")
    kind, limit = entry
    if kind == "sticker" and not is_animated_webp(data):
        limit = STATIC_STICKER_MAX
    if len(data) > limit:
        raise GraphError(131053, f"File size {len(data)} exceeds the {limit} bytes allowed for {base_mime(mime_type)}.")


def new_blob(
    phone_number_id: str, mime_type: str, data: bytes, now: datetime, filename: str | None = None
) -> MediaBlob:
    digest = hashlib.sha256(data).digest()
    return MediaBlob(
        id=new_numeric_id(),
        phone_number_id=phone_number_id,
        mime_type=mime_type,
        data=data,
        sha256_hex=digest.hex(),
        sha256_b64=base64.b64encode(digest).decode(),
        created_at=now,
        filename=filename,
    )


def sample(kind: str) -> tuple[bytes, str, str]:
    """(bytes, MIME type, file name) of the built-in sample for a media kind."""
    name, mime_type = SAMPLES[kind]
    return (SAMPLES_DIR / name).read_bytes(), mime_type, name


class UrlSigner:
    """Signs (media id, expiry) so a download URL cannot be forged or extended (§4.12: 5 minutes)."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def sign(self, media_id: str, expires: int) -> str:
        message = f"{media_id}:{expires}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]

    def verify(self, media_id: str, expires: int, signature: str) -> bool:
        return hmac.compare_digest(self.sign(media_id, expires), signature)
