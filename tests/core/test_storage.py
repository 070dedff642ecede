"""File storage against a real folder and a real S3-compatible server (moto in server mode)."""

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from imaradesk.bench.servers import free_port
from imaradesk.core.storage import FileStorage, LocalStorage, ObjectNotFound, S3Storage


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> FileStorage:
    if request.param == "local":
        return LocalStorage(tmp_path / "files")
    endpoint = request.getfixturevalue("s3_endpoint")
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    bucket = f"imaradesk-{tmp_path.name.lower().replace('_', '-')[-40:]}"
    client.create_bucket(Bucket=bucket)
    return S3Storage(client, bucket, prefix="media")


async def test_put_get_describe_delete(storage: FileStorage) -> None:
    stored = await storage.put(
        b"%PDF-1.7 price list", content_type="application/pdf", original_name="Bei ya bidhaa.pdf"
    )
    assert len(stored.key) == 32
    assert await storage.get(stored.key) == b"%PDF-1.7 price list"
    described = await storage.describe(stored.key)
    assert described.original_name == "Bei ya bidhaa.pdf"
    assert described.size == len(b"%PDF-1.7 price list")
    await storage.delete(stored.key)
    with pytest.raises(ObjectNotFound):
        await storage.get(stored.key)


async def test_hostile_names_are_metadata_only(storage: FileStorage, tmp_path: Path) -> None:
    stored = await storage.put(b"x", content_type="text/plain", original_name="../../etc/passwd\x00\x1b[31m")
    assert stored.original_name == "passwd[31m"
    assert not (tmp_path / "etc").exists()
    unicode_name = await storage.put(b"y", content_type="text/plain", original_name="Fiche tarifaire — été.txt")
    assert (await storage.describe(unicode_name.key)).original_name == "Fiche tarifaire — été.txt"


@pytest.mark.parametrize("key", ["../../secret", "a" * 31, "Z" * 32, ""])
async def test_keys_that_are_not_ours_are_refused(storage: FileStorage, key: str) -> None:
    with pytest.raises(ObjectNotFound):
        await storage.get(key)
