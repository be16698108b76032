"""A real uvicorn server on loopback (center.inprocess): an upload cut mid-chunk resumes
from HEAD's offset, and concurrent submissions get distinct, gapless case numbers."""

from __future__ import annotations

import hashlib
import os
import socket
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest

from center.inprocess import start_in_thread
from tests.center.conftest import case_body


@pytest.fixture
def live(db_url, tmp_path, catalog, hasher):
    running = start_in_thread(db_url, tmp_path / "blobs", catalog=catalog, password_hasher=hasher)
    try:
        yield running
    finally:
        running.stop()


def _login(url: str, username: str = "clerk01") -> dict[str, str]:
    r = httpx.post(
        f"{url}/api/v1/sessions",
        json={"username": username, "password": "demo1234", "window_id": "W01"},
        timeout=60,
    )
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _head_offset(url: str, digest: str, headers: dict[str, str]) -> int:
    r = httpx.head(f"{url}/api/v1/blobs/{digest}", headers=headers, timeout=60)
    return int(r.headers["Upload-Offset"]) if r.status_code == 200 else 0


def test_in_process_center_answers_health(live):
    assert live.url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{live.url}/api/v1/health", timeout=60).json()["status"] == "ok"


@pytest.mark.parametrize("link", ["closed", "half-open"])
def test_upload_cut_mid_chunk_resumes_from_head_offset(live, link):
    headers = _login(live.url)
    data = os.urandom(256 * 1024)
    digest = hashlib.sha256(data).hexdigest()
    sent = 100_000
    # Announce the whole blob in one PATCH but hang up after `sent` bytes, as a township
    # link dropping mid-upload does.
    parts = urlsplit(live.url)
    request = (
        f"PATCH /api/v1/blobs/{digest} HTTP/1.1\r\n"
        f"Host: {parts.netloc}\r\n"
        f"Authorization: {headers['Authorization']}\r\n"
        "Content-Type: application/offset+octet-stream\r\n"
        "Upload-Offset: 0\r\n"
        f"Upload-Length: {len(data)}\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    ).encode()
    sock = socket.create_connection((parts.hostname, parts.port))
    sock.sendall(request + data[:sent])
    if link == "closed":
        sock.close()
    # "half-open": the old request stays alive, waiting for bytes that never come; the
    # resumed PATCH below must take over instead of waiting behind it.
    deadline = time.monotonic() + 10
    while _head_offset(live.url, digest, headers) < sent and time.monotonic() < deadline:
        time.sleep(0.05)
    head = httpx.head(f"{live.url}/api/v1/blobs/{digest}", headers=headers, timeout=60)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == str(sent)
    assert head.headers["Upload-Complete"] == "0"

    r = httpx.patch(
        f"{live.url}/api/v1/blobs/{digest}",
        content=data[sent:],
        headers={
            **headers,
            "Upload-Offset": str(sent),
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
        timeout=60,
    )
    assert r.status_code == 204, r.text
    assert r.headers["Upload-Complete"] == "1"
    sock.close()
    assert live.app.state.center.blobs.read(digest) == data


def test_concurrent_submissions_get_distinct_gapless_numbers(live):
    headers = [_login(live.url, name) for name in ("clerk01", "clerk02")]
    bodies = [case_body() for _ in range(12)]

    def submit(i: int) -> httpx.Response:
        body = bodies[i]
        with httpx.Client(timeout=60) as client:
            return client.post(
                f"{live.url}/api/v1/cases",
                json=body,
                headers={**headers[i % 2], "Idempotency-Key": body["uuid"]},
            )

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(submit, range(len(bodies))))
    assert all(a.status_code == 201 for a in answers), [a.text for a in answers]
    sequences = sorted(int(a.json()["number"][-7:]) for a in answers)
    assert sequences == list(range(1, len(bodies) + 1))


def test_concurrent_retries_of_one_case_create_it_once(live):
    headers = _login(live.url)
    body = case_body()

    def submit(_: int) -> httpx.Response:
        with httpx.Client(timeout=60) as client:
            return client.post(
                f"{live.url}/api/v1/cases",
                json=body,
                headers={**headers, "Idempotency-Key": body["uuid"]},
            )

    with ThreadPoolExecutor(max_workers=5) as pool:
        answers = list(pool.map(submit, range(5)))
    codes = sorted(a.status_code for a in answers)
    assert codes == [200, 200, 200, 200, 201], [a.text for a in answers]
    assert len({a.json()["number"] for a in answers}) == 1
    replayed = [a for a in answers if a.status_code == 200]
    assert all(a.headers["Idempotent-Replayed"] == "true" for a in replayed)
    other = httpx.get(
        f"{live.url}/api/v1/cases/by-uuid/{uuid.uuid4()}", headers=headers, timeout=60
    )
    assert other.status_code == 404
