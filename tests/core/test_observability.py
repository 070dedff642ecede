import httpx

from tests.factories.workspaces import make_workspace, sign_in


async def test_healthz_and_readyz(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_metrics_expose_request_latency_and_job_queue(client: httpx.AsyncClient, session) -> None:
    await sign_in(client, await make_workspace(session))
    await client.get("/api/v1/members")
    text = (await client.get("/metrics")).text
    assert 'imaradesk_http_request_duration_seconds_count{method="GET",route="/api/v1/members",status="200"}' in text
    assert "imaradesk_job_queue_depth" in text
    assert "imaradesk_job_failures_total" in text


async def test_openapi_schema_and_docs_are_served(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/v1/openapi.json")).json()
    assert "/api/v1/auth/login" in schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    assert (await client.get("/api/v1/docs")).status_code == 200


async def test_client_side_routes_fall_back_to_the_web_app(client: httpx.AsyncClient) -> None:
    page = await client.get("/settings/members")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
