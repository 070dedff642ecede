"""File storage: a local folder (default) or any S3-compatible store (the only S3 SDK import).

Objects get UUID names; the original file name is metadata only, so a hostile name can never
choose where bytes land.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from imaradesk.config import Settings, StorageBackend

_KEY_CHARS = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    content_type: str
    original_name: str


class ObjectNotFound(LookupError):
    pass


class FileStorage(Protocol):
    async def put(self, data: bytes, *, content_type: str, original_name: str) -> StoredObject: ...
    async def get(self, key: str) -> bytes: ...
    async def describe(self, key: str) -> StoredObject: ...
    async def delete(self, key: str) -> None: ...


def new_key() -> str:
    return uuid.uuid4().hex


def check_key(key: str) -> str:
    """Keys are ours (32 hex characters); anything else is refused before touching storage."""
    if len(key) != 32 or not set(key) <= _KEY_CHARS:
        raise ObjectNotFound(f"no stored object {key!r}")
    return key


def clean_original_name(name: str) -> str:
    """Keep a display name: no directories, no control characters, bounded length."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    return printable[:200] or "file"


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        key = check_key(key)
        return self.root / key[:2] / key

    async def put(self, data: bytes, *, content_type: str, original_name: str) -> StoredObject:
        obj = StoredObject(new_key(), len(data), content_type, clean_original_name(original_name))
        await asyncio.to_thread(self._write, obj, data)
        return obj

    def _write(self, obj: StoredObject, data: bytes) -> None:
        path = self._path(obj.key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        path.with_suffix(".json").write_text(json.dumps(asdict(obj)))
        partial.replace(path)  # readers never see half a file

    async def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise ObjectNotFound(f"no stored object {key!r}") from exc

    async def describe(self, key: str) -> StoredObject:
        meta = self._path(key).with_suffix(".json")
        try:
            return StoredObject(**json.loads(await asyncio.to_thread(meta.read_text)))
        except FileNotFoundError as exc:
            raise ObjectNotFound(f"no stored object {key!r}") from exc

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await asyncio.to_thread(path.unlink, True)
        await asyncio.to_thread(path.with_suffix(".json").unlink, True)


class S3Storage:
    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Storage:
        import boto3

        options = settings.storage
        client = boto3.client(
            "s3",
            endpoint_url=options.endpoint_url or None,
            region_name=options.region,
            aws_access_key_id=options.access_key_id or None,
            aws_secret_access_key=options.secret_access_key or None,
        )
        return cls(client, options.bucket, options.prefix)

    def _object_key(self, key: str) -> str:
        return self.prefix + check_key(key)

    async def put(self, data: bytes, *, content_type: str, original_name: str) -> StoredObject:
        obj = StoredObject(new_key(), len(data), content_type, clean_original_name(original_name))
        await asyncio.to_thread(
            self.client.put_object,
            Bucket=self.bucket,
            Key=self._object_key(obj.key),
            Body=data,
            ContentType=content_type,
            # S3 metadata must be ASCII; json.dumps escapes the rest.
            Metadata={"original-name": json.dumps(obj.original_name)},
        )
        return obj

    async def get(self, key: str) -> bytes:
        try:
            response = await asyncio.to_thread(self.client.get_object, Bucket=self.bucket, Key=self._object_key(key))
        except self.client.exceptions.NoSuchKey as exc:
            raise ObjectNotFound(f"no stored object {key!r}") from exc
        body: bytes = await asyncio.to_thread(response["Body"].read)
        return body

    async def describe(self, key: str) -> StoredObject:
        try:
            head = await asyncio.to_thread(self.client.head_object, Bucket=self.bucket, Key=self._object_key(key))
        except self.client.exceptions.ClientError as exc:
            raise ObjectNotFound(f"no stored object {key!r}") from exc
        name = json.loads(head.get("Metadata", {}).get("original-name", '"file"'))
        return StoredObject(key, int(head["ContentLength"]), head.get("ContentType", ""), name)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=self._object_key(key))


def create_storage(settings: Settings) -> FileStorage:
    if settings.storage.backend == StorageBackend.s3:
        return S3Storage.from_settings(settings)
    return LocalStorage(settings.data_dir / "files")
