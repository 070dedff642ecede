"""The reference: the framework's bare 200 endpoint, with nothing of ours in the way."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
