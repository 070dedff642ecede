"""The knowledge base on S3 storage (a real S3-compatible server: moto in server mode)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from imaradesk.app import create_app
from imaradesk.bench.servers import free_port
from imaradesk.db.session import Database
from imaradesk.jobs.worker import drain_jobs
from imaradesk.knowledge import search
from tests.conftest import make_client, make_settings
from tests.factories.workspaces import make_workspace, sign_in
from tests.knowledge import shop

BUCKET = "imaradesk-kb"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def bucket_keys(endpoint: str) -> list[str]:
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
    )
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


async def test_documents_live_in_the_bucket_under_uuid_names_and_leave_with_the_document(
    s3_endpoint: str, database: Database, database_url: str, tmp_path: Path, session
) -> None:
    boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1", aws_access_key_id="t", aws_secret_access_key="t"
    ).create_bucket(Bucket=BUCKET)
    settings = make_settings(
        database_url,
        tmp_path / "data",
        storage={
            "backend": "s3",
            "bucket": BUCKET,
            "prefix": "kb",
            "endpoint_url": s3_endpoint,
            "access_key_id": "t",
            "secret_access_key": "t",
        },
    )
    search.forget_indexes()
    owner = await make_workspace(session)
    async with make_client(create_app(settings, database=database)) as client:
        await sign_in(client, owner)
        response = await client.post(
            "/api/v1/knowledge/documents", files=[("files", ("Bei ya bidhaa.pdf", shop.faq_pdf(), "application/pdf"))]
        )
        assert response.status_code == 201, response.text
        await drain_jobs(database)
        (document,) = (await client.get("/api/v1/knowledge/documents")).json()
        assert document["status"] == "ready"
        assert document["filename"] == "Bei ya bidhaa.pdf"
        (key,) = bucket_keys(s3_endpoint)
        assert key.startswith("kb/") and len(key.removeprefix("kb/")) == 32
        answer = (await client.post("/api/v1/knowledge/answer", json={"question": "Do you deliver to Mombasa?"})).json()
        assert answer["citations"][0]["document_name"] == "Bei ya bidhaa.pdf"

        assert (await client.delete(f"/api/v1/knowledge/documents/{document['id']}")).status_code == 204
        assert bucket_keys(s3_endpoint) == []
        assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.pdf"))
