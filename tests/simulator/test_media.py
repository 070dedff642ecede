"""Media upload → retrieve → download with the token, expiry after 5 minutes, delete (§4.11, §4.12)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import httpx
import pytest

from imaradesk.core import clock
from tests.simulator.conftest import PHONE_ID, WANJIRU, SimHarness, auth, error_of

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000


async def upload(sim: SimHarness, data: bytes, mime_type: str, filename: str = "file") -> httpx.Response:
    return await sim.client.post(
        f"/v21.0/{PHONE_ID}/media",
        headers=auth(),
        data={"messaging_product": "whatsapp", "type": mime_type},
        files={"file": (filename, data, mime_type)},
    )


async def test_upload_retrieve_download_and_delete(sim: SimHarness) -> None:
    response = await upload(sim, JPEG, "image/jpeg", "receipt.jpg")
    assert response.status_code == 200
    media_id = response.json()["id"]
    assert list(response.json()) == ["id"]
    assert media_id.isdigit()

    info = (await sim.client.get(f"/v21.0/{media_id}", headers=auth())).json()
    assert set(info) == {"messaging_product", "url", "mime_type", "sha256", "file_size", "id"}
    assert info["mime_type"] == "image/jpeg"
    assert info["file_size"] == str(len(JPEG))
    assert info["sha256"] == hashlib.sha256(JPEG).hexdigest()
    assert info["url"].startswith("http://sim.test/whatsapp_business/attachments/?mid=")

    download = await sim.client.get(info["url"], headers=auth())
    assert download.status_code == 200
    assert download.content == JPEG
    assert download.headers["content-type"] == "image/jpeg"

    same_number = await sim.client.get(f"/v21.0/{media_id}", params={"phone_number_id": PHONE_ID}, headers=auth())
    assert same_number.status_code == 200

    deleted = await sim.client.delete(f"/v21.0/{media_id}", headers=auth())
    assert deleted.json() == {"success": True}
    gone = await sim.client.get(f"/v21.0/{media_id}", headers=auth())
    assert error_of(gone)["code"] == 100
    assert (await sim.client.get(info["url"], headers=auth())).status_code == 404


async def test_download_needs_the_bearer_token(sim: SimHarness) -> None:
    media_id = (await upload(sim, JPEG, "image/jpeg")).json()["id"]
    url = (await sim.client.get(f"/v21.0/{media_id}", headers=auth())).json()["url"]
    anonymous = await sim.client.get(url)
    assert anonymous.status_code == 401
    assert error_of(anonymous)["code"] == 190
    assert (await sim.client.get(url, headers=auth("other"))).status_code == 401


async def test_the_url_expires_after_five_minutes(sim: SimHarness) -> None:
    media_id = (await upload(sim, JPEG, "image/jpeg")).json()["id"]
    url = (await sim.client.get(f"/v21.0/{media_id}", headers=auth())).json()["url"]
    clock.advance(timedelta(minutes=4, seconds=50))
    assert (await sim.client.get(url, headers=auth())).status_code == 200
    clock.advance(timedelta(seconds=20))
    expired = await sim.client.get(url, headers=auth())
    assert expired.status_code == 404
    assert "expired" in expired.json()["error"]["message"]
    fresh = (await sim.client.get(f"/v21.0/{media_id}", headers=auth())).json()["url"]
    assert (await sim.client.get(fresh, headers=auth())).status_code == 200


async def test_a_tampered_url_is_refused(sim: SimHarness) -> None:
    media_id = (await upload(sim, JPEG, "image/jpeg")).json()["id"]
    url = (await sim.client.get(f"/v21.0/{media_id}", headers=auth())).json()["url"]
    later = httpx.URL(url).copy_set_param("ext", "9999999999")
    assert (await sim.client.get(later, headers=auth())).status_code == 404


@pytest.mark.parametrize(
    ("mime_type", "size", "is_accepted"),
    [
        ("image/png", 5 * 1024 * 1024, True),
        ("image/png", 5 * 1024 * 1024 + 1, False),
        ("image/gif", 10, False),
        ("audio/ogg; codecs=opus", 1000, True),
        ("application/pdf", 1000, True),
        ("video/3gpp", 1000, True),
        ("image/webp", 100 * 1024, True),
        ("image/webp", 100 * 1024 + 1, False),
        ("text/html", 10, False),
    ],
)
async def test_mime_and_size_table(sim: SimHarness, mime_type: str, size: int, is_accepted: bool) -> None:
    response = await upload(sim, b"a" * size, mime_type)
    if is_accepted:
        assert response.status_code == 200, response.text
    else:
        assert error_of(response)["code"] == 131053


async def test_an_animated_sticker_may_be_larger(sim: SimHarness) -> None:
    animated = b"RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00ANIM" + b"\x00" * 200_000
    assert (await upload(sim, animated, "image/webp")).status_code == 200


async def test_upload_needs_a_file_and_the_messaging_product(sim: SimHarness) -> None:
    no_file = await sim.client.post(
        f"/v21.0/{PHONE_ID}/media", headers=auth(), data={"messaging_product": "whatsapp", "type": "image/png"}
    )
    assert error_of(no_file)["code"] == 131008
    wrong_product = await sim.client.post(
        f"/v21.0/{PHONE_ID}/media",
        headers=auth(),
        data={"messaging_product": "sms"},
        files={"file": ("a.png", b"x", "image/png")},
    )
    assert error_of(wrong_product)["code"] == 100


async def test_media_of_another_kind_cannot_be_sent_as_an_image(sim: SimHarness) -> None:
    await sim.customer_says(WANJIRU)
    media_id = (await upload(sim, b"%PDF-1.4", "application/pdf")).json()["id"]
    response = await sim.send({"to": WANJIRU, "type": "image", "image": {"id": media_id}})
    assert error_of(response)["code"] == 100
    ok = await sim.send({"to": WANJIRU, "type": "document", "document": {"id": media_id, "filename": "a.pdf"}})
    assert ok.status_code == 200
